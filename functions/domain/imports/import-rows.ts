import { planColumns, type ColumnMap, type ColumnPlan } from './column-plan.ts';
import { csvRecordBatches, type CsvRecord } from './csv-records.ts';
import { findHeader } from './header-search.ts';
import { MAX_HEADER_BYTES, type ImportDelimiter } from './import-limits.ts';
import { importError } from './import-errors.ts';
import type { ImportWarning } from './import-warnings.ts';
import { RowMapper, type MappedRow } from './row-mapper.ts';
import { readHead } from './sniff.ts';
import { detectEncoding, sourceDecoder, type ImportEncoding, type SourceDecoder } from './text-encoding.ts';

export interface ImportRow {
  /** Spreadsheet row number (the file's line of the record; the header is row 1 unless lines come before it). */
  readonly row: number;
  /** Byte offset just after the row, in the source's bytes: where a run resumes once it is committed. */
  readonly endByte: number;
  readonly mapped: MappedRow;
}

export interface ImportRows {
  readonly plan: ColumnPlan;
  readonly delimiter: ImportDelimiter;
  readonly encoding: ImportEncoding;
  /** The header's row number. */
  readonly headerRow: number;
  /** What the head of the file told (encoding, skipped lines, the header's columns); empty on a resumed run. */
  readonly warnings: readonly ImportWarning[];
  /** Row and byte offset of the header's end (fresh) or of the resume point. */
  readonly startRow: number;
  readonly startByte: number;
  /** The rows, in the groups each chunk of the file completes. */
  readonly rows: AsyncGenerator<ImportRow[]>;
}

/** Where a resumed run picks up: what the first run learned from the head, and the position. */
export interface ResumePoint {
  readonly headers: readonly string[];
  readonly delimiter: ImportDelimiter;
  readonly encoding: ImportEncoding;
  readonly headerRow: number;
  readonly row: number;
  readonly byte: number;
}

export interface ImportRowsOptions {
  readonly columnMap?: ColumnMap;
  readonly delimiter?: ImportDelimiter;
  readonly headerRow?: number;
  readonly resume?: ResumePoint;
}

/** The decoded file from `first` on: the rest of the source through its decoder. */
async function* decoded(first: Buffer, rest: AsyncIterator<Uint8Array> | undefined, decoder: SourceDecoder): AsyncGenerator<Buffer> {
  try {
    if (first.length > 0) yield first;
    if (!rest) return;
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      const chunk = next.value;
      yield decoder.decode(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    }
    const tail = decoder.end();
    if (tail.length > 0) yield tail;
  } finally {
    await rest?.return?.();
  }
}

const notText = (record: CsvRecord, encoding: ImportEncoding): MappedRow => ({
  kind: 'invalid',
  problems: [
    {
      column: '(row)',
      reason:
        encoding === 'utf-8'
          ? `The row holds bytes that are not UTF-8 (at byte ${record.invalidByte}); save the file as "CSV UTF-8"`
          : `The row holds an unpaired UTF-16 surrogate (in the bytes from ${record.invalidByte}); the character cannot be read`,
    },
  ],
});

async function* mapped(records: AsyncGenerator<CsvRecord[]>, plan: ColumnPlan, encoding: ImportEncoding, pending: readonly CsvRecord[] = []): AsyncGenerator<ImportRow[]> {
  const mapper = new RowMapper(plan);
  // A byte that is not text fails its row, never stored as U+FFFD.
  const mapAll = (batch: readonly CsvRecord[]): ImportRow[] =>
    batch.map((record) => ({ row: record.row, endByte: record.endByte, mapped: record.invalidByte < 0 ? mapper.map(record.cells) : notText(record, encoding) }));
  try {
    if (pending.length > 0) yield mapAll(pending);
    for (let next = await records.next(); !next.done; next = await records.next()) yield mapAll(next.value);
  } finally {
    await records.return(undefined);
  }
}

const ENCODING_NAMES: Readonly<Record<Exclude<ImportEncoding, 'utf-8'>, string>> = {
  'windows-1252': 'Windows-1252 (what Excel on Windows saves as "CSV")',
  'utf-16le': 'UTF-16LE (what Excel saves as "Unicode Text")',
  'utf-16be': 'UTF-16BE',
};

function headWarnings(encoding: ImportEncoding, headerRow: number, plan: ColumnPlan): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  if (encoding !== 'utf-8') warnings.push({ code: 'encoding', message: `The file was read as ${ENCODING_NAMES[encoding]}, not UTF-8` });
  if (headerRow > 1) {
    const lines = headerRow === 2 ? 'Line 1 comes' : `Lines 1-${headerRow - 1} come`;
    warnings.push({ code: 'skipped_lines', message: `${lines} before the header (line ${headerRow}) and ${headerRow === 2 ? 'was' : 'were'} skipped` });
  }
  return [...warnings, ...plan.warnings];
}

function resumed(body: AsyncIterable<Uint8Array>, resume: ResumePoint, columnMap: ColumnMap | undefined): ImportRows {
  const decoder = sourceDecoder(resume.encoding, resume.byte);
  const plan = planColumns(resume.headers, columnMap);
  const records = csvRecordBatches(decoded(Buffer.alloc(0), body[Symbol.asyncIterator](), decoder), {
    delimiter: resume.delimiter,
    startByte: resume.byte,
    rowsBefore: resume.row,
    decoder,
  });
  const { delimiter, encoding, headerRow, row, byte } = resume;
  return { plan, delimiter, encoding, headerRow, warnings: [], startRow: row, startByte: byte, rows: mapped(records, plan, resume.encoding) };
}

/**
 * The import pipeline up to the sinks: bytes → UTF-8 (detected encoding) → records (csv-parse)
 * → the column plan → rows mapped and normalised. A fresh run reads the head, finds the header
 * among its first lines, and starts parsing there; a resumed one starts at its byte offset
 * with the header, encoding and delimiter it saved.
 */
export async function openImportRows(body: AsyncIterable<Uint8Array>, options: ImportRowsOptions): Promise<ImportRows> {
  if (options.resume) return resumed(body, options.resume, options.columnMap);
  const { head, rest, done } = await readHead(body);
  const encoding = detectEncoding(head);
  const decoder = sourceDecoder(encoding, 0);
  const text = done ? Buffer.concat([decoder.decode(head), decoder.end()]) : decoder.decode(head);
  if (text.toString('utf8').replace(/^\uFEFF/, '').trim() === '') {
    await rest.return?.();
    throw importError.emptyFile();
  }
  if (!done && !text.includes(0x0a) && !text.includes(0x0d)) {
    await rest.return?.();
    throw importError.recordTooLarge(`The header line is longer than ${MAX_HEADER_BYTES} bytes`, 1);
  }
  let found;
  try {
    found = findHeader(text, done, options);
  } catch (error) {
    await rest.return?.();
    throw error;
  }
  const { plan, delimiter, row: headerRow, start } = found;
  const records = csvRecordBatches(decoded(text.subarray(start), done ? undefined : rest, decoder), {
    delimiter,
    startByte: 0,
    rowsBefore: headerRow - 1,
    decoder,
    decodedBefore: start,
  });
  try {
    // The header is the first record; the rest of its chunk are the first rows.
    let first = await records.next();
    while (!first.done && first.value.length === 0) first = await records.next();
    if (first.done) throw importError.emptyFile();
    const [header, ...pending] = first.value as [CsvRecord, ...CsvRecord[]];
    return { plan, delimiter, encoding, headerRow, warnings: headWarnings(encoding, headerRow, plan), startRow: header.row, startByte: header.endByte, rows: mapped(records, plan, encoding, pending) };
  } catch (error) {
    await records.return(undefined);
    throw error;
  }
}
