import { IMPORT_DELIMITERS, MAX_HEADER_BYTES, type ImportDelimiter } from './import-limits.ts';
import { importError } from './import-errors.ts';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const NEWLINE = 0x0a;
const QUOTE = 0x22;

export interface SniffedHead {
  /** The chunks read so far, to be parsed again from the first byte. */
  readonly head: readonly Uint8Array[];
  /** What is left of the source. */
  readonly rest: AsyncIterator<Uint8Array>;
  /** The delimiter the header line uses most (outside quotes); `,` when it has none. */
  readonly delimiter: ImportDelimiter;
  readonly hasBom: boolean;
}

/** Counts each candidate delimiter on the header line, outside double quotes. */
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

/**
 * Text, not a binary renamed .csv: no NUL byte (UTF-16 and every binary format have them
 * early) and valid UTF-8 (a multi-byte sequence cut at the end of the sample is fine).
 */
export function textProblem(sample: Uint8Array): string | undefined {
  if (sample.includes(0)) return 'it contains NUL bytes';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
  } catch {
    return 'it is not valid UTF-8';
  }
  return undefined;
}

/**
 * Reads the source up to the end of the header line (at most MAX_HEADER_BYTES), checks that it
 * is text, and detects the delimiter, without losing a byte of what it read.
 */
export async function sniffHead(source: AsyncIterable<Uint8Array>): Promise<SniffedHead> {
  const rest = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let bytes = 0;
  let newlineAt = -1;
  let done = false;
  while (newlineAt < 0 && bytes < MAX_HEADER_BYTES) {
    const next = await rest.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = next.value;
    const at = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).indexOf(NEWLINE);
    if (at >= 0) newlineAt = bytes + at;
    head.push(chunk);
    bytes += chunk.byteLength;
  }
  const all = Buffer.concat(head);
  const hasBom = all.subarray(0, 3).equals(UTF8_BOM);
  const start = hasBom ? UTF8_BOM.length : 0;
  if (all.subarray(start).toString('utf8').trim() === '') throw importError.emptyFile();
  const problem = textProblem(all.subarray(0, Math.max(MAX_HEADER_BYTES, newlineAt + 1)));
  if (problem) throw importError.notText(problem);
  if (newlineAt < 0 && !done) throw importError.recordTooLarge(`The header line is longer than ${MAX_HEADER_BYTES} bytes`, 1);
  const headerLine = all.subarray(start, newlineAt < 0 ? all.length : newlineAt);
  return { head, rest, delimiter: detectDelimiter(headerLine), hasBom };
}
