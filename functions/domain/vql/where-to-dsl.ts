import type { Entity, FieldSpec } from '../records/fields.ts';
import { MAX_TOTAL_FILTER_VALUES } from './limits.ts';
import { isNumeric, lookupFilterField, type Problems, type ResolvedField } from './problems.ts';
import type { VqlAnyKeywordClause, VqlTextClause, VqlWhere } from './vql-schema.ts';
import { workspaceFilter } from './workspace-scope.ts';

/**
 * `where` → bool queries. Exact filters (keyword, range, exists) go in filter context (cached,
 * not scored); text clauses go in must so they rank. For contacts, clauses on `company.*`
 * fields are gathered into a second bool query over companies, resolved by the caller into
 * company ids (see MAX_JOINED_COMPANIES).
 */

export type Dsl = Record<string, unknown>;
type Scalar = string | number | boolean;
type Side = 'must' | 'must_not';

class BoolLists {
  readonly filter: Dsl[];
  readonly must: Dsl[] = [];
  readonly mustNot: Dsl[] = [];
  constructor(workspaceId: string) {
    this.filter = [workspaceFilter(workspaceId)];
  }
  /** Exact clauses: filter context for must, must_not otherwise. */
  exact(side: Side, clause: Dsl): void {
    (side === 'must' ? this.filter : this.mustNot).push(clause);
  }
  scored(side: Side, clause: Dsl): void {
    (side === 'must' ? this.must : this.mustNot).push(clause);
  }
  get empty(): boolean {
    return this.filter.length === 1 && this.must.length === 0 && this.mustNot.length === 0;
  }
  toQuery(): Dsl {
    const bool: Dsl = { filter: this.filter };
    if (this.must.length > 0) bool.must = this.must;
    if (this.mustNot.length > 0) bool.must_not = this.mustNot;
    return { bool };
  }
}

export interface CompiledWhere {
  readonly query: Dsl;
  /** Contacts only: the companies their `company.*` clauses select (a full bool query). */
  readonly companyQuery: Dsl | undefined;
  /** Whether the record's own query ranks (has text must clauses). */
  readonly scored: boolean;
}

const ISO_DATE = 'Expected an ISO-8601 date';

function exactValue(spec: FieldSpec, value: Scalar, path: string, problems: Problems): Scalar | undefined {
  if (isNumeric(spec)) {
    const n = typeof value === 'number' ? value : Number(value);
    if (typeof value === 'boolean' || (typeof value === 'string' && value.trim() === '') || !Number.isFinite(n)) {
      return problems.add(path, `Expected a number for a ${spec.type} field`);
    }
    return n;
  }
  if (spec.type === 'boolean') {
    if (typeof value !== 'boolean') return problems.add(path, 'Expected true or false');
    return value;
  }
  if (spec.type === 'date') {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return problems.add(path, ISO_DATE);
    return value;
  }
  // Keyword fields are stored through a lowercase normalizer; match it here so the filter is exact.
  return String(value).toLowerCase();
}

const exactTarget = (field: ResolvedField): string => (field.spec.type === 'text' ? `${field.name}.keyword` : field.name);

function keywordClause(field: ResolvedField, raw: Scalar | Scalar[], path: string, problems: Problems): Dsl {
  const values = (Array.isArray(raw) ? raw : [raw]).map((v, i) => exactValue(field.spec, v, Array.isArray(raw) ? `${path}[${i}]` : path, problems));
  return { terms: { [exactTarget(field)]: values } };
}

function rangeBound(spec: FieldSpec, value: number | string, path: string, problems: Problems): number | string | undefined {
  if (spec.type === 'date') {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return problems.add(path, ISO_DATE);
    return value;
  }
  const n = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(n)) return problems.add(path, 'Expected a number');
  return n;
}

function rangeClause(field: ResolvedField, range: Record<string, number | string | undefined>, path: string, problems: Problems): Dsl | undefined {
  if (!isNumeric(field.spec) && field.spec.type !== 'date') {
    return problems.add(path, `range_query needs a number or date field; it is ${field.spec.type}`);
  }
  const bounds: Record<string, number | string | undefined> = {};
  for (const [op, value] of Object.entries(range)) {
    if (value !== undefined) bounds[op] = rangeBound(field.spec, value, `${path}.${op}`, problems);
  }
  return { range: { [field.name]: bounds } };
}

function anyOf(clauses: Dsl[]): Dsl {
  return clauses.length === 1 ? clauses[0]! : { bool: { should: clauses, minimum_should_match: 1 } };
}

function textLeaf(clause: VqlTextClause, field: string, text: string): Dsl {
  if (clause.search_type === 'match') return { match: { [field]: { query: text, operator: clause.operator ?? 'or' } } };
  return { [clause.search_type]: { [field]: { query: text } } };
}

/** Resolves a text clause; all its fields must sit on the same record (own or company). */
function textClause(entity: Entity, clause: VqlTextClause, path: string, problems: Problems): { dsl: Dsl; onCompany: boolean } | undefined {
  const keys = Array.isArray(clause.filter_key) ? clause.filter_key : [clause.filter_key];
  const keyPath = (i: number) => (Array.isArray(clause.filter_key) ? `${path}.filter_key[${i}]` : `${path}.filter_key`);
  const fields: ResolvedField[] = [];
  keys.forEach((key, i) => {
    const field = lookupFilterField(entity, key, keyPath(i), problems);
    if (!field) return;
    if (field.spec.type !== 'text') return problems.add(keyPath(i), `text_matches needs a text field; ${key} is ${field.spec.type}`);
    fields.push(field);
  });
  if (clause.operator !== undefined && clause.search_type !== 'match') problems.add(`${path}.operator`, 'operator applies to search_type match only');
  if (fields.length !== keys.length) return undefined;
  const onCompany = fields[0]!.onCompany;
  if (fields.some((f) => f.onCompany !== onCompany)) return problems.add(`${path}.filter_key`, 'Cannot mix contact and company fields in one clause');
  const texts = Array.isArray(clause.text_value) ? clause.text_value : [clause.text_value];
  return { dsl: anyOf(fields.flatMap((f) => texts.map((t) => textLeaf(clause, f.name, t)))), onCompany };
}

/** `keyword_any`: one terms query per field, any of which matches; all on one record. */
function anyKeywordClause(entity: Entity, clause: VqlAnyKeywordClause, path: string, problems: Problems): { dsl: Dsl; onCompany: boolean } | undefined {
  const fields = clause.filter_key.map((key, i) => lookupFilterField(entity, key, `${path}.filter_key[${i}]`, problems));
  if (fields.some((f) => f === undefined)) return undefined;
  const resolved = fields as ResolvedField[];
  const onCompany = resolved[0]!.onCompany;
  if (resolved.some((f) => f.onCompany !== onCompany)) return problems.add(`${path}.filter_key`, 'Cannot mix contact and company fields in one clause');
  return { dsl: anyOf(resolved.map((field) => keywordClause(field, clause.values, `${path}.values`, problems))), onCompany };
}

function countValues(where: VqlWhere | undefined): number {
  let total = 0;
  for (const side of ['must', 'must_not'] as const) {
    for (const value of Object.values(where?.keyword_match?.[side] ?? {})) total += Array.isArray(value) ? value.length : 1;
  }
  return total;
}

export function compileWhere(entity: Entity, workspaceId: string, where: VqlWhere | undefined, problems: Problems): CompiledWhere {
  const own = new BoolLists(workspaceId);
  const company = new BoolLists(workspaceId);
  const listsFor = (field: ResolvedField) => (field.onCompany ? company : own);
  if (countValues(where) > MAX_TOTAL_FILTER_VALUES) {
    problems.add('where.keyword_match', `At most ${MAX_TOTAL_FILTER_VALUES} values across all keyword filters`);
  }
  for (const side of ['must', 'must_not'] as const) {
    for (const [key, value] of Object.entries(where?.keyword_match?.[side] ?? {})) {
      const path = `where.keyword_match.${side}.${key}`;
      const field = lookupFilterField(entity, key, path, problems);
      if (field) listsFor(field).exact(side, keywordClause(field, value, path, problems));
    }
    for (const [key, value] of Object.entries(where?.range_query?.[side] ?? {})) {
      const path = `where.range_query.${side}.${key}`;
      const field = lookupFilterField(entity, key, path, problems);
      const ranges = Array.isArray(value) ? value : [value];
      const clauses = field ? ranges.map((range, i) => rangeClause(field, range, Array.isArray(value) ? `${path}[${i}]` : path, problems)) : [];
      if (field && clauses.every((c) => c !== undefined)) listsFor(field).exact(side, anyOf(clauses as Dsl[]));
    }
    (where?.keyword_any?.[side] ?? []).forEach((clause, i) => {
      const compiled = anyKeywordClause(entity, clause, `where.keyword_any.${side}[${i}]`, problems);
      if (compiled) (compiled.onCompany ? company : own).exact(side, compiled.dsl);
    });
    (where?.exists?.[side] ?? []).forEach((key, i) => {
      const field = lookupFilterField(entity, key, `where.exists.${side}[${i}]`, problems);
      if (field) listsFor(field).exact(side, { exists: { field: field.name } });
    });
    (where?.text_matches?.[side] ?? []).forEach((clause, i) => {
      const compiled = textClause(entity, clause, `where.text_matches.${side}[${i}]`, problems);
      if (compiled) (compiled.onCompany ? company : own).scored(side, compiled.dsl);
    });
  }
  return { query: own.toQuery(), companyQuery: company.empty ? undefined : company.toQuery(), scored: own.must.length > 0 };
}
