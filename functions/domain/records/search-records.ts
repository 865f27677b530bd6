import { AppError } from '../../platform/errors.ts';
import type { RecordSearch, SearchHit } from '../../ports/search.port.ts';
import { MAX_JOINED_COMPANIES } from '../vql/limits.ts';
import { compileCount, compileFetchByUuids, compileSearch, withCompanyIds, type CompiledSearch, type Dsl } from '../vql/vql-to-dsl.ts';
import type { VqlQuery, VqlWhere } from '../vql/vql-schema.ts';
import { fullNameOf } from './record-view.ts';
import type { Entity } from './fields.ts';

type Row = Record<string, unknown>;

export interface SearchPage {
  readonly data: Row[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly next_cursor: unknown[] | null;
}

export interface ListPage {
  /** Every record the filters match. */
  readonly count: number;
  readonly results: Row[];
}

/**
 * OpenSearch reports a missing numeric sort value as Long.MAX_VALUE / Long.MIN_VALUE, which a
 * JSON number cannot carry exactly; sent back as such it would not parse as a long. Our stored
 * numbers stay within Number.MAX_SAFE_INTEGER (see input-schemas), so only the sentinels reach
 * this range, and OpenSearch accepts search_after values as strings.
 */
function cursorValue(value: unknown): unknown {
  if (typeof value !== 'number' || Number.isSafeInteger(value) || !Number.isInteger(value)) return value;
  return value > 0 ? '9223372036854775807' : '-9223372036854775808';
}

/** The company uuids a contact query's `company.*` clauses select (the join's first step). */
async function joinedCompanyIds(search: RecordSearch, lookup: Dsl): Promise<string[]> {
  const { hits, total } = await search.search('company', lookup);
  if (total > MAX_JOINED_COMPANIES) {
    throw new AppError('ERR_QUERY_TOO_BROAD', `The company filters match ${total} companies; narrow them to at most ${MAX_JOINED_COMPANIES}`, [
      { path: 'where', message: `company.* filters may select at most ${MAX_JOINED_COMPANIES} companies` },
    ]);
  }
  return hits.map((hit) => String(hit.source.uuid));
}

/** Runs a compiled body, first resolving its company join if it has one; undefined = nothing can match. */
async function withJoin(search: RecordSearch, body: Dsl, lookup: Dsl | undefined): Promise<Dsl | undefined> {
  if (!lookup) return body;
  const ids = await joinedCompanyIds(search, lookup);
  return ids.length === 0 ? undefined : withCompanyIds(body, ids);
}

function rowOf(hit: SearchHit, hidden: readonly string[]): Row {
  const row: Row = {};
  for (const [key, value] of Object.entries(hit.source)) {
    if (key !== 'workspace_id' && !hidden.includes(key)) row[key] = value;
  }
  return row;
}

/** company_config.populate: every company of the page in one query, attached as `company` (null when none). */
async function populateCompanies(search: RecordSearch, workspaceId: string, hits: readonly SearchHit[], rows: Row[], columns: readonly string[] | undefined): Promise<void> {
  const ids = [...new Set(hits.map((h) => h.source.company_id).filter((id): id is string => typeof id === 'string' && id !== ''))];
  const companies = new Map<string, Row>();
  if (ids.length > 0) {
    const { hits: found } = await search.search('company', compileFetchByUuids('company', workspaceId, ids, columns));
    for (const hit of found) companies.set(String(hit.source.uuid), rowOf(hit, []));
  }
  hits.forEach((hit, i) => {
    rows[i]!.company = companies.get(String(hit.source.company_id)) ?? null;
  });
}

interface Run {
  readonly compiled: CompiledSearch;
  readonly hits: SearchHit[];
  readonly rows: Row[];
  readonly total: number;
}

async function run(search: RecordSearch, entity: Entity, workspaceId: string, query: VqlQuery, countTotal: boolean): Promise<Run> {
  const compiled = compileSearch(entity, workspaceId, query, { countTotal });
  const body = await withJoin(search, compiled.body, compiled.companyLookup);
  const { hits, total } = body ? await search.search(entity, body) : { hits: [], total: 0 };
  const rows = hits.map((hit) => rowOf(hit, compiled.hiddenColumns));
  if (compiled.populate) await populateCompanies(search, workspaceId, hits, rows, compiled.populate.columns);
  return { compiled, hits, rows, total };
}

/** VQL search: a page of rows, each with its cursor, and the cursor of the next page. */
export async function searchRecords(search: RecordSearch, entity: Entity, workspaceId: string, query: VqlQuery): Promise<SearchPage> {
  const { compiled, hits, rows } = await run(search, entity, workspaceId, query, false);
  const cursors = hits.map((hit) => hit.sort.map(cursorValue));
  const data = rows.map((row, i) => ({ ...row, cursor: cursors[i] }));
  const full = hits.length === compiled.body.size;
  return { data, next_cursor: full ? (cursors.at(-1) ?? null) : null };
}

const withFullName = (row: Row): Row => {
  const fullName = fullNameOf(row);
  return fullName === undefined ? {} : { full_name: fullName };
};

/** A page of a GET list, with the exact number of matches (contacts carry their `full_name`). */
export async function listRecords(search: RecordSearch, entity: Entity, workspaceId: string, query: VqlQuery): Promise<ListPage> {
  const { rows, total } = await run(search, entity, workspaceId, query, true);
  if (entity !== 'contact') return { count: total, results: rows };
  return { count: total, results: rows.map((row) => ({ ...row, ...withFullName(row) })) };
}

export async function countRecords(search: RecordSearch, entity: Entity, workspaceId: string, where: VqlWhere | undefined): Promise<number> {
  const compiled = compileCount(entity, workspaceId, where);
  const body = await withJoin(search, compiled.body, compiled.companyLookup);
  return body ? search.count(entity, body) : 0;
}
