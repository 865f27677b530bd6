import { CsvError, parse, type Options, type Parser } from 'csv-parse';
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
 * empty cells before any check ran. Returns the length of the line still open after `chunk`.
 */
function boundLines(chunk: Buffer, openLineBytes: number): number {
  let lineBytes = openLineBytes;
  let from = 0;
  let at: number;
  while ((at = chunk.indexOf(NEWLINE, from)) >= 0) {
    if (lineBytes + at - from > MAX_LINE_BYTES) throw importError.recordTooLarge(`A line is longer than ${MAX_LINE_BYTES} bytes`, undefined);
    lineBytes = 0;
    from = at + 1;
  }
  lineBytes += chunk.length - from;
  if (lineBytes > MAX_LINE_BYTES) throw importError.recordTooLarge(`A line is longer than ${MAX_LINE_BYTES} bytes`, undefined);
  return lineBytes;
}

function parserOptions(options: CsvRecordsOptions): Options {
  return {
    delimiter: options.delimiter,
    bom: options.startByte === 0,
    // Column counts are checked per row (a row-level error), never by failing the whole file.
    relax_column_count: true,
    // A stray quote inside an unquoted cell is kept as text, as spreadsheets do.
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
  };
}

/** csv-parse's failures as the job's own error codes, naming the row. */
function translate(error: unknown, row: number): unknown {
  if (!(error instanceof CsvError)) return error;
  if (error.code === 'CSV_MAX_RECORD_SIZE') return importError.recordTooLarge(`A row holds more than ${MAX_RECORD_CHARS} characters`, row);
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return importError.malformed('a quoted cell is never closed', row);
  return importError.malformed(error.message, row);
}

/**
 * Drives csv-parse's Transform directly, one chunk at a time, collecting the records each chunk
 * completes. csv-parse hands a record over (`push`) right after the record delimiter, when its
 * `info.bytes` is the offset just past that record: the resume point. Skipping the stream's
 * per-record buffering and async iteration is most of what keeps the pipeline near bare parsing.
 */
class ChunkParser {
  private readonly parser: Parser;
  private records: CsvRecord[] = [];

  constructor(private readonly startByte: number, options: Options) {
    this.parser = parse(options);
    this.parser.push = (record: unknown): boolean => {
      if (record !== null) this.records.push({ cells: record as string[], endByte: this.startByte + this.parser.info.bytes });
      return true;
    };
  }

  get parsedRecords(): number {
    return this.parser.info.records;
  }

  private take(): CsvRecord[] {
    const done = this.records;
    this.records = [];
    return done;
  }

  write(chunk: Buffer): CsvRecord[] {
    let failure: Error | null | undefined;
    this.parser._transform(chunk, 'buffer' as BufferEncoding, (error?: Error | null) => (failure = error));
    if (failure) throw failure;
    return this.take();
  }

  end(): CsvRecord[] {
    let failure: Error | null | undefined;
    this.parser._flush((error?: Error | null) => (failure = error));
    if (failure) throw failure;
    return this.take();
  }
}

/**
 * Streams `source` through csv-parse (UTF-8 with or without BOM, quoted multi-line cells),
 * yielding the records of each chunk with the byte offset after each. Never holds more than a
 * chunk and one record; the header is a record like any other.
 */
export async function* csvRecordBatches(source: AsyncIterable<Uint8Array>, options: CsvRecordsOptions): AsyncGenerator<CsvRecord[]> {
  const parser = new ChunkParser(options.startByte, parserOptions(options));
  let openLine = 0;
  try {
    for await (const chunk of source) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      openLine = boundLines(buffer, openLine);
      const records = parser.write(buffer);
      if (records.length > 0) yield records;
    }
    const last = parser.end();
    if (last.length > 0) yield last;
  } catch (error) {
    throw translate(error, options.rowsBefore + parser.parsedRecords + 1);
  }
}

/** The same records one by one (tests, small files). */
export async function* csvRecords(source: AsyncIterable<Uint8Array>, options: CsvRecordsOptions): AsyncGenerator<CsvRecord> {
  for await (const batch of csvRecordBatches(source, options)) yield* batch;
}
