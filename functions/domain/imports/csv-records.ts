import { CsvError, parse, type Options, type Parser } from 'csv-parse';
import { MAX_LINE_BYTES, MAX_RECORD_CHARS, type ImportDelimiter } from './import-limits.ts';
import { importError } from './import-errors.ts';
import type { SourceDecoder } from './text-encoding.ts';

/** One parsed record: its cells and the absolute byte offset just after it (a safe resume point). */
export interface CsvRecord {
  readonly cells: string[];
  /** In the source's bytes, whatever its encoding. */
  readonly endByte: number;
  /** The row a spreadsheet shows it on: blank lines count, a quoted cell's line breaks do not. */
  readonly row: number;
  /** Source offset of a byte of the record that is not text in the file's encoding (see `takeInvalidBefore`), else -1. */
  readonly invalidByte: number;
}

export interface CsvRecordsOptions {
  readonly delimiter: ImportDelimiter;
  /** Where in the object `source` starts (a resumed run reads from a byte range). */
  readonly startByte: number;
  /** Spreadsheet row number of the record before the first one read (0 from the top: the header is row 1). */
  readonly rowsBefore: number;
  /** The source's decoder when `source` is its UTF-8 (transcoded, or checked); without one, `source` is the file's own bytes. */
  readonly decoder?: SourceDecoder;
  /** Bytes of the decoded input before `source` (lines skipped before the header). */
  readonly decodedBefore?: number;
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
    bom: options.startByte === 0 && !options.decodedBefore,
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

  private readonly firstRow: number;

  constructor(options: CsvRecordsOptions) {
    this.firstRow = options.rowsBefore + 1;
    this.parser = parse(parserOptions(options));
    const { decoder, startByte, rowsBefore } = options;
    const decodedBefore = options.decodedBefore ?? 0;
    const info = this.parser.info;
    this.parser.push = (record: unknown): boolean => {
      if (record === null) return true;
      const decodedEnd = decodedBefore + info.bytes;
      const endByte = decoder ? decoder.sourceOffset(decodedEnd) : startByte + info.bytes;
      const invalidByte = decoder?.takeInvalidBefore(endByte, decodedEnd) ?? -1;
      this.records.push({ cells: record as string[], endByte, row: rowsBefore + info.records + info.empty_lines, invalidByte });
      return true;
    };
  }

  /** The row the parser is reading (for errors). */
  get nextRow(): number {
    return this.firstRow + this.parser.info.records + this.parser.info.empty_lines;
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
  const parser = new ChunkParser(options);
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
    throw translate(error, parser.nextRow);
  }
}

/** The same records one by one (tests, small files). */
export async function* csvRecords(source: AsyncIterable<Uint8Array>, options: CsvRecordsOptions): AsyncGenerator<CsvRecord> {
  for await (const batch of csvRecordBatches(source, options)) yield* batch;
}
