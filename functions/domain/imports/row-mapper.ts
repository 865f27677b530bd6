import { prepareCsvLikeRow } from '../records/csv-like-row.ts';
import type { PreparedRecord } from '../records/prepare.ts';
import type { ColumnPlan } from './column-plan.ts';
import { companyKeyOf, fastPrepareCompany, fastPrepareCsvLikeRow, type FastPrepared } from './fast-prepare.ts';
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
/** Blank as zod's path sees it (`trim() === ''`); a cell opening with a visible ASCII character never is. */
const isBlank = (cell: string | undefined): boolean => {
  if (cell === undefined || cell === '') return true;
  const first = cell.charCodeAt(0);
  return !(first > 32 && first < 127) && cell.trim() === '';
};

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

const APOSTROPHE = 0x27;
/** A number or a phone behind Excel's text guard: `'+1 415 555 0100`, `'00123`, `'1,250.50`. */
const GUARDED_NUMBER = /^'[+\-(]?\d[\d\s().,/-]*$/;
/** The value without the guard when it guards a number or a phone; a quote opening a word stays. */
const unguarded = (cell: string): string => (GUARDED_NUMBER.test(cell) ? cell.slice(1) : cell);

/** Distinct companies remembered per import: rows of one company share its normalised record. */
const COMPANY_CACHE_SIZE = 10_000;

/**
 * One record's cells → the company and contact it names (normalised as the HTTP batch upsert
 * does: fast-prepare.ts, else the records domain's zod path) with its unknown columns in
 * `extra` (on the contact when the row has one, else on the company), or the problems that
 * keep it out. One mapper per import: it caches the companies it has prepared.
 */
export class RowMapper {
  private readonly companies = new Map<string, PreparedRecord | null | undefined>();
  /** Column indexes that fill a CSV-like column, and their targets. */
  private readonly mappedAt: number[] = [];
  private readonly mappedTo: string[] = [];
  /** Column indexes kept in `extra`, and their keys. */
  private readonly extraAt: number[] = [];
  private readonly extraKey: string[] = [];

  constructor(readonly plan: ColumnPlan) {
    plan.targets.forEach((target, i) => {
      if (target) {
        this.mappedAt.push(i);
        this.mappedTo.push(target);
      } else if (target === undefined) {
        this.extraAt.push(i);
        this.extraKey.push(plan.extraKeys[i] as string);
      }
    });
  }

  private company(row: Readonly<Record<string, string>>): PreparedRecord | null | undefined {
    const key = companyKeyOf(row);
    if (this.companies.has(key)) return this.companies.get(key);
    if (this.companies.size >= COMPANY_CACHE_SIZE) this.companies.clear();
    const company = fastPrepareCompany(row);
    this.companies.set(key, company);
    return company;
  }

  /** The unknown columns' values; undefined when all are blank. */
  private extraOf(cells: readonly string[], problems: RowProblem[]): Record<string, string> | undefined {
    let extra: Record<string, string> | undefined;
    for (let k = 0; k < this.extraAt.length; k++) {
      const at = this.extraAt[k] as number;
      const cell = cells[at];
      if (isBlank(cell)) continue;
      const value = (cell as string).trim();
      if (value.length > MAX_EXTRA_VALUE_LENGTH) {
        problems.push({ column: this.plan.headers[at] as string, reason: `Longer than ${MAX_EXTRA_VALUE_LENGTH} characters` });
        continue;
      }
      extra ??= {};
      const key = this.extraKey[k] as string;
      // planColumns never hands out a key of Object.prototype's, so a plain assignment is safe.
      extra[key] = value;
    }
    return extra;
  }

  map(cells: readonly string[]): MappedRow {
    const mismatch = countProblem(this.plan, cells);
    if (mismatch) return { kind: 'invalid', problems: [mismatch] };
    const row: Record<string, string> = {};
    let named = false;
    for (let k = 0; k < this.mappedAt.length; k++) {
      const cell = cells[this.mappedAt[k] as number];
      if (isBlank(cell)) continue;
      row[this.mappedTo[k] as string] = (cell as string).charCodeAt(0) === APOSTROPHE ? unguarded(cell as string) : (cell as string);
      named = true;
    }
    const problems: RowProblem[] = [];
    const extra = this.extraOf(cells, problems);
    if (!named && !extra && problems.length === 0) return { kind: 'blank' };
    const result = fastPrepareCsvLikeRow(row, this.company(row)) ?? slowPrepare(this.plan, row, problems);
    if (problems.length > 0 || !result) return { kind: 'invalid', problems };
    const records: PreparedRecord[] = [];
    if (result.company) records.push(extra && !result.contact ? { ...result.company, extra } : result.company);
    if (result.contact) records.push(extra ? { ...result.contact, extra } : result.contact);
    return { kind: 'records', records };
  }
}

/** The records domain's own (zod) path: it decides every row the fast path is unsure of, and words its errors. */
function slowPrepare(plan: ColumnPlan, row: Readonly<Record<string, string>>, problems: RowProblem[]): FastPrepared | undefined {
  const result = prepareCsvLikeRow(row);
  problems.push(...result.errors.map((e) => ({ column: columnOf(plan, e.path), reason: e.message })));
  if (problems.length === 0 && !result.company && !result.contact) {
    problems.push({ column: ROW, reason: 'The row names no company (name or LinkedIn URL) and no person (first name, last name or LinkedIn URL)' });
  }
  return problems.length > 0 ? undefined : result;
}

/** One row on its own (tests, one-off use). */
export const mapRow = (plan: ColumnPlan, cells: readonly string[]): MappedRow => new RowMapper(plan).map(cells);
