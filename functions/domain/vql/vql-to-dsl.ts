import { AppError } from '../../platform/errors.ts';
import { fieldSpec, type Entity } from '../records/fields.ts';
import { DEFAULT_PAGE_SIZE, MAX_JOINED_COMPANIES, MAX_PAGE_SIZE, MAX_RESULT_WINDOW } from './limits.ts';
import { isNumeric, lookupOwn, Problems } from './problems.ts';
import type { VqlQuery, VqlWhere } from './vql-schema.ts';
import { compileWhere, type Dsl } from './where-to-dsl.ts';
import { scopedQuery } from './workspace-scope.ts';

/**
 * The only writer of the OpenSearch query DSL. The workspace filter is added here, always (to
 * the records' query and to every helper query), so no compiled query can read across tenants.
 */

export type { Dsl } from './where-to-dsl.ts';

export interface CompiledSearch {
  readonly body: Dsl;
  /** The sort keys in order, so a hit's `sort` array is its cursor. */
  readonly sortKeys: readonly string[];
  /** Contacts with `company.*` filters: the search for the matching company uuids; pass them to withCompanyIds. */
  readonly companyLookup?: Dsl;
  /** Contacts with company_config.populate: the company columns to attach (undefined = all). */
  readonly populate?: { readonly columns: readonly string[] | undefined };
  /** Columns fetched only for the server's own use, to drop from each hit. */
  readonly hiddenColumns: readonly string[];
}

export interface CompiledCount {
  readonly body: Dsl;
  readonly companyLookup?: Dsl;
}

export interface SearchOptions {
  /** Count every match exactly (GET lists report `count`); VQL search does not pay for it. */
  readonly countTotal?: boolean;
}

function compileSort(entity: Entity, query: VqlQuery, scored: boolean, problems: Problems): { sort: Dsl[]; keys: string[] } {
  const sort: Dsl[] = [];
  const keys: string[] = [];
  (query.order_by ?? []).forEach((o, i) => {
    const path = `order_by[${i}].order_by`;
    const spec = lookupOwn(entity, o.order_by, path, problems);
    if (!spec) return;
    if (spec.type === 'boolean') return problems.add(path, 'Cannot order by a boolean field');
    const key = spec.type === 'text' ? `${o.order_by}.keyword` : o.order_by;
    if (keys.includes(key)) return problems.add(path, `${o.order_by} is already in order_by`);
    sort.push({ [key]: { order: o.order_direction, missing: '_last' } });
    keys.push(key);
  });
  if (keys.length === 0 && scored) {
    sort.push({ _score: { order: 'desc' } });
    keys.push('_score');
  }
  // uuid is unique within a workspace: as the last key it makes every cursor point at one row,
  // so paging never skips or repeats rows whose other sort values tie.
  if (keys.at(-1) !== 'uuid') {
    sort.push({ uuid: { order: 'asc' } });
    keys.push('uuid');
  }
  return { sort, keys };
}

function compileColumns(entity: Entity, columns: readonly string[] | undefined, path: string, problems: Problems): string[] | undefined {
  if (!columns || columns.length === 0) return undefined;
  columns.forEach((c, i) => lookupOwn(entity, c, `${path}[${i}]`, problems));
  return [...new Set(['uuid', ...columns])];
}

const sourceOf = (columns: readonly string[] | undefined): Dsl => (columns ? { includes: columns } : { excludes: ['workspace_id'] });

function pageWindow(query: VqlQuery, problems: Problems): { size: number; from: number } {
  const size = query.limit ?? DEFAULT_PAGE_SIZE;
  if (size > MAX_PAGE_SIZE) {
    throw new AppError('ERR_PAGE_SIZE_EXCEEDED', `limit may be at most ${MAX_PAGE_SIZE}`, [{ path: 'limit', message: `At most ${MAX_PAGE_SIZE}` }]);
  }
  const from = ((query.page ?? 1) - 1) * size;
  if (from + size > MAX_RESULT_WINDOW) {
    throw new AppError('ERR_PAGE_SIZE_EXCEEDED', `page × limit may reach at most row ${MAX_RESULT_WINDOW}; use cursor to go deeper`, [
      { path: 'page', message: `Beyond row ${MAX_RESULT_WINDOW}` },
    ]);
  }
  if (query.page !== undefined && query.cursor !== undefined) problems.add('cursor', 'Give either cursor or page, not both');
  return { size, from };
}

/** A cursor's values must fit their sort keys, or the engine would refuse the search_after. */
function checkCursor(entity: Entity, cursor: VqlQuery['cursor'], keys: readonly string[], problems: Problems): void {
  if (!cursor) return;
  if (cursor.length !== keys.length) {
    problems.add('cursor', `Expected ${keys.length} values (one per sort key: ${keys.join(', ')})`);
    return;
  }
  cursor.forEach((value, i) => {
    const key = keys[i]!;
    const spec = key === '_score' ? undefined : fieldSpec(entity, key.replace(/\.keyword$/, ''));
    const numeric = key === '_score' || (spec !== undefined && isNumeric(spec));
    const ok =
      value === null ? key !== '_score' && key !== 'uuid'
      : numeric ? (typeof value === 'number' || /^-?\d{1,19}(\.\d+)?$/.test(value))
      : spec?.type === 'date' ? (typeof value === 'number' || !Number.isNaN(Date.parse(value)))
      : typeof value === 'string';
    if (!ok) problems.add(`cursor[${i}]`, `Not a value of sort key ${key}; pass back a hit's cursor unchanged`);
  });
}

/** The first query of a join: the uuids of the companies a contact query's `company.*` clauses select. */
function companyLookupBody(companyQuery: Dsl): Dsl {
  // One more than the bound would overflow the result window; the exact total tells instead.
  return { query: companyQuery, size: MAX_JOINED_COMPANIES, sort: [{ uuid: { order: 'asc' } }], _source: { includes: ['uuid'] }, track_total_hits: true };
}

function populateOf(entity: Entity, query: VqlQuery, problems: Problems): CompiledSearch['populate'] {
  const config = query.company_config;
  if (!config) return undefined;
  if (entity !== 'contact') return problems.add('company_config', 'company_config applies to contacts only');
  const columns = compileColumns('company', config.select_columns, 'company_config.select_columns', problems);
  return config.populate ? { columns } : undefined;
}

export function compileSearch(entity: Entity, workspaceId: string, query: VqlQuery, options: SearchOptions = {}): CompiledSearch {
  const problems = new Problems();
  const { size, from } = pageWindow(query, problems);
  const where = compileWhere(entity, workspaceId, query.where, problems);
  const { sort, keys } = compileSort(entity, query, where.scored, problems);
  const columns = compileColumns(entity, query.select_columns, 'select_columns', problems);
  const populate = populateOf(entity, query, problems);
  checkCursor(entity, query.cursor, keys, problems);
  problems.throwIfAny();
  // Populating needs each contact's company_id even when the client did not select it.
  const hiddenColumns = populate && columns && !columns.includes('company_id') ? ['company_id'] : [];
  const body: Dsl = { query: where.query, sort, size, _source: sourceOf(columns && [...columns, ...hiddenColumns]), track_total_hits: options.countTotal === true };
  if (query.cursor) body.search_after = query.cursor;
  else if (from > 0) body.from = from;
  return {
    body,
    sortKeys: keys,
    hiddenColumns,
    ...(where.companyQuery ? { companyLookup: companyLookupBody(where.companyQuery) } : {}),
    ...(populate ? { populate } : {}),
  };
}

export function compileCount(entity: Entity, workspaceId: string, where: VqlWhere | undefined): CompiledCount {
  const problems = new Problems();
  const compiled = compileWhere(entity, workspaceId, where, problems);
  problems.throwIfAny();
  return { body: { query: compiled.query }, ...(compiled.companyQuery ? { companyLookup: companyLookupBody(compiled.companyQuery) } : {}) };
}

/** Narrows a compiled contact search or count to contacts of these companies (the join's second step). */
export function withCompanyIds(body: Dsl, companyIds: readonly string[]): Dsl {
  const query = body.query as { bool: { filter: Dsl[] } & Dsl };
  return { ...body, query: { bool: { ...query.bool, filter: [...query.bool.filter, { terms: { company_id: [...companyIds] } }] } } };
}

/** Fetches records of one workspace by uuid (company_config.populate: one query per page). */
export function compileFetchByUuids(entity: Entity, workspaceId: string, uuids: readonly string[], columns: readonly string[] | undefined): Dsl {
  return {
    query: scopedQuery(workspaceId, { terms: { uuid: [...uuids] } }),
    size: uuids.length,
    _source: sourceOf(columns),
    track_total_hits: false,
  };
}
