import { prepareCsvLikeRow } from '../records/csv-like-row.ts';
import type { PreparedRecord } from '../records/prepare.ts';
import type { ColumnPlan } from './column-plan.ts';
import { MAX_EXTRA_VALUE_LENGTH } from './import-limits.ts';

/** One problem of one row, as the error report lists it. */
export interface RowProblem {
  /** The file's own header, or `(row)` for the row as a whole. */
  readonly column: string;
  readonly reason: string;
}

export type MappedRow =
  | { readonly kind: 'records'; readonly records: readonly PreparedRecord[] }
  | { readonly kind: 'invalid'; readonly problems: readonly RowProblem[] }
  | { readonly kind: 'blank' };

const ROW = '(row)';
const isBlank = (cell: string | undefined): boolean => cell === undefined || cell.trim() === '';

/** An error path of the CSV-like row (`employees`, `email`, `industry[3]`) in the file's own header. */
function columnOf(plan: ColumnPlan, path: string): string {
  if (path === '(root)') return ROW;
  const head = path.split(/[.[]/)[0] ?? path;
  return plan.headerOf.get(head) ?? head;
}

function countProblem(plan: ColumnPlan, cells: readonly string[]): RowProblem | undefined {
  const expected = plan.headers.length;
  if (cells.length === expected) return undefined;
  // Trailing empty cells (a spreadsheet's stray commas) are not a shifted row.
  if (cells.length > expected && cells.slice(expected).every(isBlank)) return undefined;
  return { column: ROW, reason: `Expected ${expected} columns as in the header, found ${cells.length}` };
}

/**
 * One record's cells → the company and contact it names (normalised by the records domain, as
 * the HTTP batch upsert does) with its unknown columns in `extra` (on the contact when the row
 * has one, else on the company), or the problems that keep it out.
 */
export function mapRow(plan: ColumnPlan, cells: readonly string[]): MappedRow {
  const mismatch = countProblem(plan, cells);
  if (mismatch) return { kind: 'invalid', problems: [mismatch] };
  const row: Record<string, string> = {};
  const extra: [string, string][] = [];
  const problems: RowProblem[] = [];
  let blank = true;
  for (let i = 0; i < plan.headers.length; i++) {
    const cell = cells[i];
    if (cell === undefined || isBlank(cell)) continue;
    blank = false;
    const target = plan.targets[i];
    if (target) row[target] = cell;
    else if (target === undefined) {
      const value = cell.trim();
      if (value.length > MAX_EXTRA_VALUE_LENGTH) problems.push({ column: plan.headers[i] as string, reason: `Longer than ${MAX_EXTRA_VALUE_LENGTH} characters` });
      else extra.push([plan.extraKeys[i] as string, value]);
    }
  }
  if (blank) return { kind: 'blank' };
  const result = prepareCsvLikeRow(row);
  problems.push(...result.errors.map((e) => ({ column: columnOf(plan, e.path), reason: e.message })));
  if (problems.length === 0 && !result.company && !result.contact) {
    problems.push({ column: ROW, reason: 'The row names no company (name or LinkedIn URL) and no person (first name, last name or LinkedIn URL)' });
  }
  if (problems.length > 0) return { kind: 'invalid', problems };
  const records: PreparedRecord[] = [];
  // fromEntries defines own properties: a header named "__proto__" stays a plain key.
  const extraMap = extra.length > 0 ? Object.fromEntries(extra) : undefined;
  if (result.company) records.push(extraMap && !result.contact ? { ...result.company, extra: extraMap } : result.company);
  if (result.contact) records.push(extraMap ? { ...result.contact, extra: extraMap } : result.contact);
  return { kind: 'records', records };
}
