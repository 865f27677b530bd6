import { IMPORT_DELIMITERS, MAX_HEADER_BYTES, MAX_HEADER_SEARCH_LINES, type ImportDelimiter } from './import-limits.ts';

const NEWLINE = 0x0a;
const QUOTE = 0x22;

export interface FileHead {
  /** The first bytes of the file: enough lines to find the header among them, or the whole file. */
  readonly head: Buffer;
  /** What is left of the source. */
  readonly rest: AsyncIterator<Uint8Array>;
  /** True when `head` is the whole file. */
  readonly done: boolean;
}

/** Counts each candidate delimiter on a header line, outside double quotes. */
export function detectDelimiter(headerLine: Uint8Array): ImportDelimiter {
  const counts = new Map<number, number>(IMPORT_DELIMITERS.map((d) => [d.charCodeAt(0), 0]));
  let quoted = false;
  for (const byte of headerLine) {
    if (byte === QUOTE) quoted = !quoted;
    else if (!quoted && counts.has(byte)) counts.set(byte, (counts.get(byte) ?? 0) + 1);
  }
  let best: ImportDelimiter = ',';
  let bestCount = 0;
  for (const delimiter of IMPORT_DELIMITERS) {
    const count = counts.get(delimiter.charCodeAt(0)) ?? 0;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

const countNewlines = (chunk: Buffer): number => {
  let n = 0;
  for (let at = chunk.indexOf(NEWLINE); at >= 0; at = chunk.indexOf(NEWLINE, at + 1)) n++;
  return n;
};

/**
 * Reads the first lines of the source (a title or a notes paragraph may come before the
 * header) up to MAX_HEADER_SEARCH_LINES line breaks or MAX_HEADER_BYTES, without losing a byte.
 */
export async function readHead(source: AsyncIterable<Uint8Array>): Promise<FileHead> {
  const rest = source[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let bytes = 0;
  let newlines = 0;
  while (newlines <= MAX_HEADER_SEARCH_LINES && bytes < MAX_HEADER_BYTES) {
    const next = await rest.next();
    if (next.done) return { head: Buffer.concat(chunks), rest, done: true };
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    newlines += countNewlines(chunk);
    chunks.push(chunk);
    bytes += chunk.length;
  }
  return { head: Buffer.concat(chunks), rest, done: false };
}
