import { AppError, validationError, type ErrorDetail } from '../../platform/errors.ts';
import { fieldSpec, type Entity, type FieldSpec } from '../records/fields.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_RESULT_WINDOW } from './limits.ts';
import type { VqlQuery, VqlWhere } from './vql-schema.ts';

/**
 * The only writer of the OpenSearch query DSL. Exact filters go in filter context (cached, not
 * scored); text clauses go in must so they rank. The workspace filter is added here, always,
 * so no compiled query can read across tenants.
 */

type Dsl = Record<string, unknown>;
type Scalar = string | number | boolean;

export interface CompiledSearch {
  readonly body: Dsl;
  /** The sort keys in order, so a hit's `sort` array is its cursor. */
  readonly sortKeys: readonly string[];
}

const NUMERIC = new Set(['integer', 'long', 'double']);
const isNumeric = (spec: FieldSpec): boolean => NUMERIC.has(spec.type);

class Problems {
  readonly list: ErrorDetail[] = [];
  /** Records a problem; returns undefined so a caller can `return problems.add(...)`. */
  add(path: string, message: string): undefined {
    this.list.push({ path, message });
    return undefined;
  }
  throwIfAny(): void {
    if (this.list.length > 0) {
      throw validationError(`Invalid query: ${this.list.map((p) => p.path).join(', ')}`, this.list);
    }
  }
}

function lookup(entity: Entity, field: string, path: string, problems: Problems): FieldSpec | undefined {
  const spec = fieldSpec(entity, field);
  if (!spec || field === 'workspace_id') problems.add(path, `Unknown ${entity} field: ${field}`);
  return spec && field !== 'workspace_id' ? spec : undefined;
}

function exactValue(spec: FieldSpec, value: Scalar, path: string, problems: Problems): Scalar | undefined {
  if (isNumeric(spec)) {
    const n = typeof value === 'number' ? value : Number(value);
    if (typeof value === 'boolean' || !Number.isFinite(n)) return problems.add(path, `Expected a number for a ${spec.type} field`);
    return n;
  }
  if (spec.type === 'boolean') {
    if (typeof value !== 'boolean') return problems.add(path, 'Expected true or false');
    return value;
  }
  if (spec.type === 'date') {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return problems.add(path, 'Expected an ISO-8601 date');
    return value;
  }
  // Keyword fields are stored through a lowercase normalizer; match it here so the filter is exact.
  return String(value).toLowerCase();
}

function keywordClause(entity: Entity, field: string, raw: Scalar | Scalar[], path: string, problems: Problems): Dsl | undefined {
  const spec = lookup(entity, field, path, problems);
  if (!spec) return undefined;
  const values = (Array.isArray(raw) ? raw : [raw]).map((v, i) =>
    exactValue(spec, v, Array.isArray(raw) ? `${path}[${i}]` : path, problems),
  );
  const target = spec.type === 'text' ? `${field}.keyword` : field;
  return { terms: { [target]: values } };
}

function rangeBound(spec: FieldSpec, value: number | string, path: string, problems: Problems): number | string | undefined {
  if (spec.type === 'date') {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return problems.add(path, 'Expected an ISO-8601 date');
    return value;
  }
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return problems.add(path, 'Expected a number');
  return n;
}

function rangeClause(entity: Entity, field: string, range: Record<string, number | string | undefined>, path: string, problems: Problems): Dsl | undefined {
  const spec = lookup(entity, field, path, problems);
  if (!spec) return undefined;
  if (!isNumeric(spec) && spec.type !== 'date') {
    return problems.add(path, `range_query needs a number or date field; ${field} is ${spec.type}`);
  }
  const bounds: Record<string, number | string | undefined> = {};
  for (const [op, value] of Object.entries(range)) {
    if (value !== undefined) bounds[op] = rangeBound(spec, value, `${path}.${op}`, problems);
  }
  return { range: { [field]: bounds } };
}

type TextClause = NonNullable<NonNullable<VqlWhere['text_matches']>['must']>[number];

function textClause(entity: Entity, clause: TextClause, path: string, problems: Problems): Dsl | undefined {
  const spec = lookup(entity, clause.filter_key, `${path}.filter_key`, problems);
  if (!spec) return undefined;
  if (spec.type !== 'text') return problems.add(`${path}.filter_key`, `text_matches needs a text field; ${clause.filter_key} is ${spec.type}`);
  if (clause.search_type === 'match') {
    return { match: { [clause.filter_key]: { query: clause.text_value, operator: clause.operator ?? 'or' } } };
  }
  return { [clause.search_type]: { [clause.filter_key]: { query: clause.text_value } } };
}

function compileWhere(entity: Entity, workspaceId: string, where: VqlWhere | undefined, problems: Problems): Dsl {
  const filter: Dsl[] = [{ term: { workspace_id: workspaceId } }];
  const must: Dsl[] = [];
  const mustNot: Dsl[] = [];
  const push = (list: Dsl[], clause: Dsl | undefined) => clause && list.push(clause);
  for (const side of ['must', 'must_not'] as const) {
    const exactList = side === 'must' ? filter : mustNot;
    for (const [field, value] of Object.entries(where?.keyword_match?.[side] ?? {})) {
      push(exactList, keywordClause(entity, field, value, `where.keyword_match.${side}.${field}`, problems));
    }
    for (const [field, value] of Object.entries(where?.range_query?.[side] ?? {})) {
      push(exactList, rangeClause(entity, field, value, `where.range_query.${side}.${field}`, problems));
    }
    (where?.text_matches?.[side] ?? []).forEach((clause, i) =>
      push(side === 'must' ? must : mustNot, textClause(entity, clause, `where.text_matches.${side}[${i}]`, problems)),
    );
  }
  const bool: Dsl = { filter };
  if (must.length > 0) bool.must = must;
  if (mustNot.length > 0) bool.must_not = mustNot;
  return { bool };
}

function sortKeyFor(entity: Entity, field: string, path: string, problems: Problems): string | undefined {
  const spec = lookup(entity, field, path, problems);
  if (!spec) return undefined;
  if (spec.type === 'boolean') return problems.add(path, `Cannot order by a boolean field`);
  return spec.type === 'text' ? `${field}.keyword` : field;
}

function compileSort(entity: Entity, query: VqlQuery, problems: Problems): { sort: Dsl[]; keys: string[] } {
  const sort: Dsl[] = [];
  const keys: string[] = [];
  const hasText = (query.where?.text_matches?.must?.length ?? 0) > 0;
  (query.order_by ?? []).forEach((o, i) => {
    const key = sortKeyFor(entity, o.order_by, `order_by[${i}].order_by`, problems);
    if (!key) return;
    sort.push({ [key]: { order: o.order_direction, missing: '_last' } });
    keys.push(key);
  });
  if (keys.length === 0 && hasText) {
    sort.push({ _score: { order: 'desc' } });
    keys.push('_score');
  }
  // uuid is unique within a workspace: as the last key it makes every cursor point at one row.
  if (keys.at(-1) !== 'uuid') {
    sort.push({ uuid: { order: 'asc' } });
    keys.push('uuid');
  }
  return { sort, keys };
}

function compileSource(entity: Entity, columns: readonly string[] | undefined, problems: Problems): Dsl | boolean {
  if (!columns || columns.length === 0) return { excludes: ['workspace_id'] };
  columns.forEach((c, i) => lookup(entity, c, `select_columns[${i}]`, problems));
  return { includes: [...new Set(['uuid', ...columns])] };
}

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

export function compileSearch(entity: Entity, workspaceId: string, query: VqlQuery): CompiledSearch {
  const problems = new Problems();
  const { size, from } = pageWindow(query, problems);
  const dslQuery = compileWhere(entity, workspaceId, query.where, problems);
  const { sort, keys } = compileSort(entity, query, problems);
  const source = compileSource(entity, query.select_columns, problems);
  if (query.cursor && query.cursor.length !== keys.length) {
    problems.add('cursor', `Expected ${keys.length} values (one per sort key: ${keys.join(', ')})`);
  }
  problems.throwIfAny();
  const body: Dsl = { query: dslQuery, sort, size, _source: source, track_total_hits: false };
  if (query.cursor) body.search_after = query.cursor;
  else if (from > 0) body.from = from;
  return { body, sortKeys: keys };
}

export function compileCount(entity: Entity, workspaceId: string, where: VqlWhere | undefined): Dsl {
  const problems = new Problems();
  const query = compileWhere(entity, workspaceId, where, problems);
  problems.throwIfAny();
  return { query };
}
