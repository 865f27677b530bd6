/**
 * The same documents and queries in Orama (@orama/orama), for comparison. A VQL query is
 * translated only where Orama can express its exact meaning; otherwise the translation says
 * why not, and the benchmark prints that instead of timing an approximation.
 *
 * Mapping: keyword fields are Orama `enum` / `enum[]` (exact values), text fields are `string`
 * (tokenized: a `where` on a string property matches docs holding any of the value's tokens,
 * exactly, which is `match` with operator or), numbers are `number`, dates are epoch-millis
 * `number` (Orama has no date type).
 */
import { create, insertMultiple, search } from '@orama/orama';
import type { AnyOrama } from '@orama/orama';
import { fieldSpec, FIELDS, type Entity } from '../../functions/domain/records/fields.ts';
import type { VqlQuery, VqlWhere } from '../../functions/domain/vql/vql-schema.ts';
import type { Doc } from '../corpus/records.ts';

const INSERT_BATCH = 5_000;

type Where = Record<string, unknown>;

export type OramaPlan = { readonly params: Record<string, unknown> } | { readonly unsupported: string };

function oramaType(entity: Entity, field: string): string | undefined {
  if (field === 'uuid') return undefined; // the Orama document id
  const spec = fieldSpec(entity, field)!;
  switch (spec.type) {
    case 'keyword':
      return spec.array ? 'enum[]' : 'enum';
    case 'text':
      return spec.array ? 'string[]' : 'string';
    case 'boolean':
      return 'boolean';
    default:
      return 'number';
  }
}

export function oramaSchema(entity: Entity): Record<string, string> {
  const schema: Record<string, string> = {};
  for (const field of Object.keys(FIELDS[entity])) {
    const type = oramaType(entity, field);
    if (type !== undefined) schema[field] = type;
  }
  return schema;
}

const isDate = (entity: Entity, field: string): boolean => fieldSpec(entity, field)?.type === 'date';

/** Orama's copy of a document: the same fields, dates as epoch millis, the uuid as its id. */
function oramaDoc(entity: Entity, doc: Doc): Doc {
  const copy: Doc = { ...doc, id: doc.uuid };
  for (const field of ['created_at', 'updated_at']) if (typeof doc[field] === 'string') copy[field] = Date.parse(doc[field] as string);
  return copy;
}

/** A loaded Orama database for one record type. */
export async function loadOrama(entity: Entity, docs: readonly Doc[]): Promise<AnyOrama> {
  const schema = oramaSchema(entity);
  // Sorting indexes only for fields the suites sort by: Orama builds one per sortable field otherwise.
  const sortable = new Set(['created_at', 'first_name', 'last_name', 'name', 'annual_revenue', 'employees_count', 'founded_year']);
  const db = create({
    schema,
    components: { tokenizer: { stemming: false, stopWords: false } },
    sort: { unsortableProperties: Object.keys(schema).filter((f) => !sortable.has(f) && schema[f] !== 'enum' && schema[f] !== 'enum[]') },
  } as Parameters<typeof create>[0]);
  for (let from = 0; from < docs.length; from += INSERT_BATCH) {
    await insertMultiple(db, docs.slice(from, from + INSERT_BATCH).map((d) => oramaDoc(entity, d)) as never[], INSERT_BATCH);
  }
  return db;
}

type TextClause = NonNullable<NonNullable<VqlWhere['text_matches']>['must']>[number];

interface Translation {
  readonly where: Where[];
  readonly term?: { term: string; properties: string[] };
}

function rangeWhere(entity: Entity, field: string, bounds: Record<string, string | number | undefined>): Where[] {
  const out: Where[] = [];
  for (const [op, raw] of Object.entries(bounds)) {
    if (raw === undefined) continue;
    const value = isDate(entity, field) ? Date.parse(String(raw)) : Number(raw);
    out.push({ [field]: { [op]: value } });
  }
  return out;
}

function keywordWhere(entity: Entity, field: string, raw: unknown): Where | string {
  const values = (Array.isArray(raw) ? raw : [raw]).map((v) => String(v).toLowerCase());
  const type = oramaType(entity, field);
  if (type === 'enum') return { [field]: { in: values } };
  if (type === 'enum[]') return { [field]: { containsAny: values } };
  return `keyword_match on ${field}: Orama filters ${type ?? 'ids'} fields by token, not by whole value`;
}

function textWhere(clause: TextClause, negated: boolean): Translation | string {
  const fields = [clause.filter_key].flat();
  const texts = [clause.text_value].flat();
  if (fields.length > 1 || texts.length > 1) return 'several fields or texts in one clause';
  const field = fields[0]!;
  const text = texts[0]!;
  if (clause.search_type === 'match_phrase') return 'match_phrase: Orama indexes no token positions, so it cannot test adjacency';
  if (clause.search_type === 'match_phrase_prefix') {
    if (text.trim().split(/\s+/).length > 1) return 'match_phrase_prefix over several words: Orama indexes no token positions';
    if (negated) return 'must_not match_phrase_prefix: Orama cannot negate its full-text term';
    // A lone word: docs holding a token that starts with it, which Orama's prefix search returns.
    return { where: [], term: { term: text, properties: [field] } };
  }
  const words = text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (clause.operator === 'and') return { where: words.map((w) => ({ [field]: w })) };
  return { where: [{ [field]: words.join(' ') }] };
}

/** VQL → Orama search params, or why Orama cannot express the query exactly. */
export function toOrama(entity: Entity, workspaceId: string, query: VqlQuery): OramaPlan {
  if (query.cursor !== undefined) return { unsupported: 'cursor paging: Orama has no search_after' };
  const where = query.where;
  const and: Where[] = [{ workspace_id: { eq: workspaceId } }];
  let term: Translation['term'];
  for (const side of ['must', 'must_not'] as const) {
    const clauses: Where[] = [];
    for (const [field, value] of Object.entries(where?.keyword_match?.[side] ?? {})) {
      const w = keywordWhere(entity, field, value);
      if (typeof w === 'string') return { unsupported: w };
      clauses.push(w);
    }
    for (const [field, bounds] of Object.entries(where?.range_query?.[side] ?? {})) {
      const parts = rangeWhere(entity, field, bounds as Record<string, string | number>);
      clauses.push(parts.length === 1 ? parts[0]! : { and: parts });
    }
    if ((where?.exists?.[side] ?? []).length > 0) return { unsupported: 'exists: Orama cannot filter on a value being present' };
    for (const clause of where?.text_matches?.[side] ?? []) {
      const t = textWhere(clause, side === 'must_not');
      if (typeof t === 'string') return { unsupported: t };
      if (t.term !== undefined) {
        if (term !== undefined) return { unsupported: 'two prefix clauses: Orama runs one full-text term per search' };
        term = t.term;
      }
      if (t.where.length > 0) clauses.push(t.where.length === 1 ? t.where[0]! : { and: t.where });
    }
    if (side === 'must') and.push(...clauses);
    else for (const c of clauses) and.push({ not: c });
  }
  const params: Record<string, unknown> = { where: { and }, limit: query.limit ?? 25, offset: ((query.page ?? 1) - 1) * (query.limit ?? 25) };
  if (term !== undefined) Object.assign(params, term, { exact: false, tolerance: 0, threshold: 0 });
  const order = query.order_by ?? [];
  if (order.length === 1) params.sortBy = { property: order[0]!.order_by, order: order[0]!.order_direction === 'desc' ? 'DESC' : 'ASC' };
  else if (order.length > 1) {
    // Several keys: Orama takes a comparator over [id, score, document].
    params.sortBy = (a: [unknown, number, Doc], b: [unknown, number, Doc]): number => {
      for (const o of order) {
        const x = a[2][o.order_by] as string | number;
        const y = b[2][o.order_by] as string | number;
        if (x !== y) return (x < y ? -1 : 1) * (o.order_direction === 'desc' ? -1 : 1);
      }
      return 0;
    };
  }
  return { params };
}

export interface OramaResult {
  readonly count: number;
  readonly page: string[];
}

export async function oramaSearch(db: AnyOrama, params: Record<string, unknown>): Promise<OramaResult> {
  const result = await search(db, params as never);
  return { count: result.count, page: result.hits.map((h) => h.id) };
}
