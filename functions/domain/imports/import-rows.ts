import { planColumns, type ColumnMap, type ColumnPlan } from './column-plan.ts';
import { csvRecordBatches, type CsvRecord } from './csv-records.ts';
import type { ImportDelimiter } from './import-limits.ts';
import { importError } from './import-errors.ts';
import { RowMapper, type MappedRow } from './row-mapper.ts';
import { sniffHead } from './sniff.ts';

export interface ImportRow {
  /** Spreadsheet row number (the header is row 1). */
  readonly row: number;
  /** Byte offset just after the row: where a run resumes once it is committed. */
  readonly endByte: number;
  readonly mapped: MappedRow;
}

export interface ImportRows {
  readonly plan: ColumnPlan;
  readonly delimiter: ImportDelimiter;
  /** Row and byte offset of the header's end (fresh) or of the resume point. */
  readonly startRow: number;
  readonly startByte: number;
  /** The rows, in the groups each chunk of the file completes. */
  readonly rows: AsyncGenerator<ImportRow[]>;
}

/** Where a resumed run picks up: what the first run learned from the header, and the position. */
export interface ResumePoint {
  readonly headers: readonly string[];
  readonly delimiter: ImportDelimiter;
  readonly row: number;
  readonly byte: number;
}

async function* replay(head: readonly Uint8Array[], rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield* head;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    await rest.return?.();
  }
}

async function* mapped(records: AsyncGenerator<CsvRecord[]>, plan: ColumnPlan, firstRow: number, pending: readonly CsvRecord[] = []): AsyncGenerator<ImportRow[]> {
  let row = firstRow;
  const mapper = new RowMapper(plan);
  const mapAll = (batch: readonly CsvRecord[]): ImportRow[] => batch.map((record) => ({ row: ++row, endByte: record.endByte, mapped: mapper.map(record.cells) }));
  try {
    if (pending.length > 0) yield mapAll(pending);
    for (let next = await records.next(); !next.done; next = await records.next()) yield mapAll(next.value);
  } finally {
    await records.return(undefined);
  }
}

/**
 * The import pipeline up to the sinks: bytes → records (csv-parse) → the column plan → rows
 * mapped and normalised. A fresh run sniffs and reads the header; a resumed one starts at its
 * byte offset with the header it saved.
 */
export async function openImportRows(body: AsyncIterable<Uint8Array>, options: { columnMap?: ColumnMap; delimiter?: ImportDelimiter; resume?: ResumePoint }): Promise<ImportRows> {
  const { resume } = options;
  if (resume) {
    const plan = planColumns(resume.headers, options.columnMap);
    const records = csvRecordBatches(body, { delimiter: resume.delimiter, startByte: resume.byte, rowsBefore: resume.row });
    return { plan, delimiter: resume.delimiter, startRow: resume.row, startByte: resume.byte, rows: mapped(records, plan, resume.row) };
  }
  const sniffed = await sniffHead(body);
  const delimiter = options.delimiter ?? sniffed.delimiter;
  const records = csvRecordBatches(replay(sniffed.head, sniffed.rest), { delimiter, startByte: 0, rowsBefore: 0 });
  try {
    // The header is the first record; the rest of its chunk are the first rows.
    let first = await records.next();
    while (!first.done && first.value.length === 0) first = await records.next();
    if (first.done) throw importError.emptyFile();
    const [header, ...rest] = first.value as [CsvRecord, ...CsvRecord[]];
    const plan = planColumns(header.cells, options.columnMap);
    return { plan, delimiter, startRow: 1, startByte: header.endByte, rows: mapped(records, plan, 1, rest) };
  } catch (error) {
    await records.return(undefined);
    throw error;
  }
}
