import type { ErrorDetail } from '../../platform/errors.ts';
import { CSV_LIKE_COLUMNS, PERSON_IDENTITY_COLUMNS, certainTarget, headerKey, targetByFileKind, type CsvLikeColumn } from './header-aliases.ts';
import { MAX_COLUMNS, MAX_EXTRA_KEYS, MAX_EXTRA_KEY_LENGTH } from './import-limits.ts';
import { importError } from './import-errors.ts';

/** `column_map`: a file header → a CSV-like column, or null to leave that column out entirely. */
export type ColumnMap = Readonly<Record<string, CsvLikeColumn | null>>;

/** What each column of the file becomes. */
export interface ColumnPlan {
  readonly headers: readonly string[];
  /** Per column: the CSV-like column it fills, or undefined when it goes to `extra`, or null when ignored. */
  readonly targets: readonly (CsvLikeColumn | null | undefined)[];
  /** Per column: its key in `extra` when it goes there. */
  readonly extraKeys: readonly (string | undefined)[];
  /** The file header that filled each CSV-like column, to name it in the error report. */
  readonly headerOf: ReadonlyMap<CsvLikeColumn, string>;
}

/** Columns that give a row an identity; a file with none of them cannot import anything. */
const IDENTITY_COLUMNS: ReadonlySet<CsvLikeColumn> = new Set(['company', 'company_linkedin_url', 'first_name', 'last_name', 'person_linkedin_url']);

function explicitTargets(headers: readonly string[], columnMap: ColumnMap): (CsvLikeColumn | null | undefined)[] {
  const byExact = new Map(Object.entries(columnMap));
  const byKey = new Map(Object.entries(columnMap).map(([header, target]) => [headerKey(header), target]));
  const used = new Set<string>();
  const targets = headers.map((header) => {
    if (byExact.has(header)) {
      used.add(header);
      return byExact.get(header);
    }
    const key = headerKey(header);
    if (byKey.has(key)) {
      for (const name of byExact.keys()) if (headerKey(name) === key) used.add(name);
      return byKey.get(key);
    }
    return undefined;
  });
  const unknown = Object.keys(columnMap).filter((name) => !used.has(name));
  if (unknown.length > 0) {
    throw importError.badHeader(
      `column_map names columns the file does not have: ${unknown.join(', ')}`,
      unknown.map((name) => ({ path: `job_data.column_map.${name}`, message: 'No such column in the file' })),
    );
  }
  return targets;
}

/**
 * Names of Object.prototype's members (`constructor`, `__proto__`, `toString`...). As keys of
 * `extra` they do not survive the trip to the table and back: the AWS SDK's marshaller takes an
 * own `constructor` for the map's class and refuses the map, and an assignment of `__proto__`
 * (in the marshaller, the unmarshaller, any reader) sets a prototype instead of a key. Such a
 * header is kept under its name plus its column number, which no reader can mistake.
 */
const RESERVED_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__']);

function extraKeyOf(header: string, index: number, taken: Set<string>): string {
  const trimmed = header.trim().slice(0, MAX_EXTRA_KEY_LENGTH);
  const base = !trimmed ? `column_${index + 1}` : RESERVED_KEYS.has(trimmed) ? `${trimmed} (column ${index + 1})` : trimmed;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base} (${n})`;
  taken.add(key);
  return key;
}

/**
 * Resolves the header: `column_map` first, then the spellings every export means the same way,
 * then the file-dependent ones ("City" is the person's in a file of people, the company's in a
 * companies export). A column whose target an earlier column already fills, and any unknown
 * column, goes to `extra` under its own header (see `extraKeyOf` for the exceptions).
 */
export function planColumns(rawHeaders: readonly string[], columnMap: ColumnMap = {}): ColumnPlan {
  if (rawHeaders.length > MAX_COLUMNS) throw importError.badHeader(`The header has ${rawHeaders.length} columns; at most ${MAX_COLUMNS} are accepted`);
  const headers = rawHeaders.map((h) => h.replace(/^\uFEFF/, '').trim());
  const explicit = explicitTargets(headers, columnMap);
  const targets: (CsvLikeColumn | null | undefined)[] = headers.map((h, i) => (explicit[i] !== undefined ? explicit[i] : certainTarget(h)));
  const kind = targets.some((t) => t && PERSON_IDENTITY_COLUMNS.has(t)) ? 'person' : 'company';
  headers.forEach((h, i) => {
    if (targets[i] === undefined) targets[i] = targetByFileKind(h, kind);
  });
  const headerOf = new Map<CsvLikeColumn, string>();
  targets.forEach((target, i) => {
    if (!target) return;
    if (headerOf.has(target) || !CSV_LIKE_COLUMNS.includes(target)) targets[i] = undefined;
    else headerOf.set(target, headers[i] as string);
  });
  if (![...headerOf.keys()].some((t) => IDENTITY_COLUMNS.has(t))) {
    const details: ErrorDetail[] = [{ path: 'header', message: `Found: ${headers.slice(0, 20).join(', ')}` }];
    throw importError.badHeader(
      'No column names a company (name, LinkedIn URL) or a person (first name, last name, LinkedIn URL); map them with job_data.column_map',
      details,
    );
  }
  const taken = new Set<string>();
  const extraKeys = targets.map((target, i) => (target === undefined ? extraKeyOf(headers[i] as string, i, taken) : undefined));
  if (taken.size > MAX_EXTRA_KEYS) {
    throw importError.badHeader(`The file has ${taken.size} unknown columns; at most ${MAX_EXTRA_KEYS} are kept: ignore some with job_data.column_map (null)`);
  }
  return { headers, targets, extraKeys, headerOf };
}
