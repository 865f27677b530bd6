import { parse } from 'csv-parse/sync';
import { AppError } from '../../platform/errors.ts';
import { planColumns, type ColumnMap, type ColumnPlan } from './column-plan.ts';
import { MAX_HEADER_BYTES, MAX_HEADER_SEARCH_LINES, type ImportDelimiter } from './import-limits.ts';
import { importError } from './import-errors.ts';
import { detectDelimiter } from './sniff.ts';

const LF = 0x0a;
const CR = 0x0d;

export interface FoundHeader {
  readonly plan: ColumnPlan;
  readonly delimiter: ImportDelimiter;
  /** The header's line number (1 when nothing comes before it). */
  readonly row: number;
  /** Where the header starts in the decoded head. */
  readonly start: number;
}

export interface HeaderSearch {
  readonly columnMap?: ColumnMap;
  readonly delimiter?: ImportDelimiter;
  /** `job_data.header_row`: the header's line number, skipping the search. */
  readonly headerRow?: number;
}

/** Offsets where each line of `text` starts (LF, CRLF or a lone CR ends a line), the lines of an unfinished last one excluded. */
function lineStarts(text: Buffer, complete: boolean): number[] {
  const starts = [0];
  for (let i = 0; i < text.length && starts.length <= MAX_HEADER_SEARCH_LINES; i++) {
    const byte = text[i];
    if (byte === LF || (byte === CR && text[i + 1] !== LF && i + 1 < text.length)) starts.push(i + 1);
  }
  if (!complete && starts.length > 1) starts.pop();
  return starts.filter((s) => s < text.length).slice(0, MAX_HEADER_SEARCH_LINES);
}

/** The first record from `start`, parsed with `delimiter`; undefined when it is not valid CSV within the head. */
function firstRecord(text: Buffer, start: number, delimiter: ImportDelimiter): string[] | undefined {
  try {
    const records = parse(text.subarray(start), { delimiter, bom: start === 0, to: 1, relax_quotes: true, relax_column_count: true }) as string[][];
    return records[0];
  } catch {
    return undefined;
  }
}

const isBlankLine = (line: Buffer): boolean => line.toString('utf8').replace(/^\uFEFF/, '').trim() === '';

function tryLine(text: Buffer, starts: readonly number[], index: number, search: HeaderSearch): FoundHeader | Error | undefined {
  const start = starts[index] as number;
  const line = text.subarray(start, starts[index + 1] ?? text.length);
  if (isBlankLine(line)) return undefined;
  const delimiter = search.delimiter ?? detectDelimiter(line);
  const cells = firstRecord(text, start, delimiter);
  if (!cells) return importError.badHeader(`Line ${index + 1} is not valid CSV`);
  try {
    return { plan: planColumns(cells, search.columnMap), delimiter, row: index + 1, start };
  } catch (error) {
    return error as Error;
  }
}

/**
 * Finds the header among the first lines of the decoded file: the first line that names known
 * columns. LinkedIn's Connections export opens with a "Notes:" paragraph, report exports with a
 * title line; both are skipped. `job_data.header_row` names the line instead.
 */
export function findHeader(text: Buffer, complete: boolean, search: HeaderSearch): FoundHeader {
  const starts = lineStarts(text, complete);
  if (search.headerRow !== undefined) {
    if (search.headerRow > starts.length) {
      const why = `The file's first ${MAX_HEADER_BYTES / 1024} KiB hold ${starts.length} lines`;
      throw importError.badHeader(`job_data.header_row is ${search.headerRow}: ${why}`, [{ path: 'job_data.header_row', message: why }]);
    }
    const found = tryLine(text, starts, search.headerRow - 1, search);
    if (found === undefined) {
      throw importError.badHeader(`Line ${search.headerRow} is blank`, [{ path: 'job_data.header_row', message: 'Blank line' }]);
    }
    if (found instanceof Error) throw found;
    return found;
  }
  let firstError: Error | undefined;
  for (let index = 0; index < starts.length; index++) {
    const found = tryLine(text, starts, index, search);
    if (found instanceof Error) firstError ??= found;
    else if (found) return found;
  }
  if (firstError instanceof AppError && firstError.code === 'ERR_IMPORT_BAD_HEADER' && starts.length > 1) {
    throw importError.badHeader(`${firstError.message}, or name the header's line with job_data.header_row (none of the first ${starts.length} lines names a known column)`, firstError.details);
  }
  throw firstError ?? importError.emptyFile();
}
