import { Readable, pipeline } from 'node:stream';
import { CsvError, parse, type Options } from 'csv-parse';
import { MAX_LINE_BYTES, MAX_RECORD_CHARS, type ImportDelimiter } from './import-limits.ts';
import { importError } from './import-errors.ts';

/** One parsed record: its cells and the absolute byte offset just after it (a safe resume point). */
export interface CsvRecord {
  readonly cells: string[];
  readonly endByte: number;
}

export interface CsvRecordsOptions {
  readonly delimiter: ImportDelimiter;
  /** Where in the object `source` starts (a resumed run reads from a byte range). */
  readonly startByte: number;
  /** Spreadsheet row number of the record before the first one read (0 from the top: the header is row 1). */
  readonly rowsBefore: number;
}

const NEWLINE = 0x0a;

/**
 * Fails on a physical line longer than MAX_LINE_BYTES. csv-parse's `max_record_size` counts
 * cell characters only, so a 10 MB line of bare delimiters would otherwise build millions of
 * empty cells before any check ran.
 */
async function* boundLines(source: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const tooLong = () => importError.recordTooLarge(`A line is longer than ${MAX_LINE_BYTES} bytes`, undefined);
  let lineBytes = 0;
  for await (const chunk of source) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    let at: number;
    while ((at = buffer.indexOf(NEWLINE, from)) >= 0) {
      if (lineBytes + at - from > MAX_LINE_BYTES) throw tooLong();
      lineBytes = 0;
      from = at + 1;
    }
    lineBytes += buffer.length - from;
    if (lineBytes > MAX_LINE_BYTES) throw tooLong();
    yield buffer;
  }
}

function parserOptions(options: CsvRecordsOptions): Options {
  return {
    delimiter: options.delimiter,
    bom: options.startByte === 0,
    info: true,
    // Column counts are checked per row (a row-level error), never by failing the whole file.
    relax_column_count: true,
    // A stray quote inside an unquoted cell is kept as text, as spreadsheets do.
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
  };
}

/** csv-parse's failures as the job's own error codes, naming the row. */
function translate(error: unknown, lastRow: number): unknown {
  if (!(error instanceof CsvError)) return error;
  const row = lastRow + 1;
  if (error.code === 'CSV_MAX_RECORD_SIZE') return importError.recordTooLarge(`A row holds more than ${MAX_RECORD_CHARS} characters`, row);
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return importError.malformed('a quoted cell is never closed', row);
  return importError.malformed(error.message, row);
}

/**
 * Streams `source` through csv-parse (UTF-8 with or without BOM, quoted multi-line cells),
 * yielding each record with the byte offset after it. Never holds more than a chunk and one
 * record; the header is a record like any other.
 */
export async function* csvRecords(source: AsyncIterable<Uint8Array>, options: CsvRecordsOptions): AsyncGenerator<CsvRecord> {
  const parser = parse(parserOptions(options));
  const records = pipeline(Readable.from(boundLines(source), { objectMode: false }), parser, () => {
    // Errors surface through the iteration below.
  });
  let row = options.rowsBefore;
  try {
    for await (const item of records as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
      row++;
      yield { cells: item.record, endByte: options.startByte + item.info.bytes };
    }
  } catch (error) {
    // The parser may hold records it parsed but we did not take yet: its own count names the row.
    throw translate(error, Math.max(row, options.rowsBefore + parser.info.records));
  } finally {
    parser.destroy();
  }
}
