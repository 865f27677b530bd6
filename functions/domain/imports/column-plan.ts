import type { ErrorDetail } from '../../platform/errors.ts';
import { CSV_LIKE_COLUMNS, PERSON_IDENTITY_COLUMNS, certainTarget, headerKey, targetByFileKind, type CsvLikeColumn, type HeaderMatch } from './header-aliases.ts';
import { MAX_COLUMNS, MAX_EXTRA_KEYS, MAX_EXTRA_KEY_LENGTH } from './import-limits.ts';
import { importError } from './import-errors.ts';
import { quoted, type ImportWarning } from './import-warnings.ts';

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
  /** Duplicate headers, several candidates for one target, unknown columns. */
  readonly warnings: readonly ImportWarning[];
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

/** `column_map` outranks every spelling. */
const EXPLICIT_RANK = -1;

/** Each column's match: `column_map` first, then the certain spellings, then the file-dependent ones. */
function matchColumns(headers: readonly string[], columnMap: ColumnMap): (HeaderMatch | null | undefined)[] {
  const explicit = explicitTargets(headers, columnMap);
  const matches = headers.map((h, i): HeaderMatch | null | undefined => {
    const target = explicit[i];
    if (target === null) return null;
    return target !== undefined ? { target, rank: EXPLICIT_RANK } : certainTarget(h);
  });
  const kind = matches.some((m) => m && PERSON_IDENTITY_COLUMNS.has(m.target)) ? 'person' : 'company';
  headers.forEach((h, i) => {
    if (matches[i] === undefined) matches[i] = targetByFileKind(h, kind);
  });
  return matches;
}

/**
 * Picks one column per target: the lowest rank (the most specific spelling), the first in the
 * file among equals. The others go to `extra`, each choice said in a warning.
 */
function chooseColumns(headers: readonly string[], matches: readonly (HeaderMatch | null | undefined)[]) {
  const chosen = new Map<CsvLikeColumn, number>();
  matches.forEach((m, i) => {
    if (!m || !CSV_LIKE_COLUMNS.includes(m.target)) return;
    const best = chosen.get(m.target);
    if (best === undefined || m.rank < (matches[best] as HeaderMatch).rank) chosen.set(m.target, i);
  });
  const targets = matches.map((m, i) => (m === null ? null : m && chosen.get(m.target) === i ? m.target : undefined));
  const warnings: ImportWarning[] = [];
  for (const [target, at] of chosen) {
    const others = matches.flatMap((m, i) => (m && m.target === target && i !== at ? [headers[i] as string] : []));
    const winner = headers[at] as string;
    const distinct = others.filter((h) => h.toLowerCase() !== winner.toLowerCase());
    if (distinct.length > 0) {
      warnings.push({
        code: 'candidate_columns',
        message: `${quoted([winner, ...distinct])} could each fill ${target}: "${winner}" was used, the others are kept in extra (choose with job_data.column_map)`,
        columns: [winner, ...distinct],
      });
    }
  }
  const outranked = new Set(matches.flatMap((m, i) => (m && targets[i] === undefined ? [i] : [])));
  return { targets, warnings, outranked };
}

/** Headers that repeat an earlier one (case aside): their warnings, and the indexes of the repeats. */
function duplicates(headers: readonly string[]): { warnings: ImportWarning[]; repeats: Set<number> } {
  const seen = new Map<string, number>();
  const repeats = new Set<number>();
  headers.forEach((h, i) => {
    if (h === '') return;
    const lower = h.toLowerCase();
    if (seen.has(lower)) repeats.add(i);
    seen.set(lower, (seen.get(lower) ?? 0) + 1);
  });
  const warnings = [...seen].flatMap(([lower, count]) => {
    if (count < 2) return [];
    const header = headers.find((h) => h.toLowerCase() === lower) as string;
    return [{ code: 'duplicate_header' as const, message: `The header "${header}" appears ${count} times: the first of them is read as "${header}", the others are kept in extra`, columns: [header] }];
  });
  return { warnings, repeats };
}

/**
 * Resolves the header: `column_map` first, then the spellings every export means the same way,
 * then the file-dependent ones ("City" is the person's in a file of people, the company's in a
 * companies export). When several columns could fill one target the most specific spelling wins;
 * the others, and any unknown column, go to `extra` under their own header (see `extraKeyOf` for the exceptions).
 */
export function planColumns(rawHeaders: readonly string[], columnMap: ColumnMap = {}): ColumnPlan {
  if (rawHeaders.length > MAX_COLUMNS) throw importError.badHeader(`The header has ${rawHeaders.length} columns; at most ${MAX_COLUMNS} are accepted`);
  const headers = rawHeaders.map((h) => h.replace(/^\uFEFF/, '').trim());
  const { targets, warnings, outranked } = chooseColumns(headers, matchColumns(headers, columnMap));
  const headerOf = new Map<CsvLikeColumn, string>();
  targets.forEach((target, i) => {
    if (target) headerOf.set(target, headers[i] as string);
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
  const repeated = duplicates(headers);
  // Outranked candidates and repeated headers have their own warnings.
  const unknown = headers.filter((h, i) => targets[i] === undefined && h !== '' && !outranked.has(i) && !repeated.repeats.has(i));
  if (unknown.length > 0) {
    warnings.push({ code: 'unmapped_columns', message: `Not a known field, kept in extra: ${quoted(unknown)}`, columns: unknown });
  }
  return { headers, targets, extraKeys, headerOf, warnings: [...repeated.warnings, ...warnings] };
}
