import { parsingError } from '../errors.ts';
import type { LeafField } from '../mappings/types.ts';
import { Bitset } from '../structures/bitset.ts';
import { boostOf, checkParams, constantResult, emptyResult, isObject, MatchNoneQuery, singleField } from './common.ts';
import { docsWithValue, resolveValue } from './field-values.ts';
import type { ResolvedValue } from './field-values.ts';
import { IdsQuery } from './ids.ts';
import { scoredTermResult } from './term-scoring.ts';
import type { ParseContext, Query, QueryResult, SearchContext } from './types.ts';

/** Lucene's cap on clauses in one terms query (`index.max_terms_count`). */
export const MAX_TERMS_COUNT = 65_536;

export class TermQuery implements Query {
  constructor(
    private readonly field: LeafField,
    private readonly value: ResolvedValue,
    private readonly boost: number,
  ) {}

  execute(ctx: SearchContext, scoring: boolean): QueryResult {
    if (this.value.kind === 'term') return scoredTermResult(ctx, this.field, this.value.term, this.boost, scoring);
    if (this.value.kind === 'none') return emptyResult(ctx);
    // Numeric, date and boolean terms are point queries: constant score, as in OpenSearch.
    return constantResult(docsWithValue(ctx, this.field, this.value), scoring, this.boost);
  }
}

export function parseTerm(body: unknown, pc: ParseContext): Query {
  const { field, params } = singleField('term', body, 'value');
  checkParams('term', params, ['value', 'boost', '_name', 'case_insensitive']);
  if (params.value === undefined) throw parsingError('[term] query requires a value');
  const boost = boostOf('term', params);
  if (field === '_id') return new IdsQuery([String(params.value)], boost);
  const leaf = pc.mapping.leaf(field);
  if (leaf === undefined) return new MatchNoneQuery();
  if (params.case_insensitive === true && leaf.indexKind !== 'numeric' && !(leaf.type === 'keyword' && leaf.normalizer !== null)) {
    // Only a lowercase-normalised field makes case_insensitive a no-op this engine can honour.
    return new CaseInsensitiveTermsQuery(leaf, [String(params.value)], boost);
  }
  return new TermQuery(leaf, resolveValue(leaf, params.value, pc.now), boost);
}

/** Terms matched regardless of case by scanning the dictionary: fine for local data sizes. */
class CaseInsensitiveTermsQuery implements Query {
  constructor(
    private readonly field: LeafField,
    private readonly values: string[],
    private readonly boost: number,
  ) {}

  execute(ctx: SearchContext, scoring: boolean): QueryResult {
    const index = ctx.segment.field(this.field.path);
    const bits = new Bitset(ctx.maxDoc);
    const wanted = new Set(this.values.map((v) => v.toLowerCase()));
    if (index !== undefined && index.kind !== 'numeric') {
      for (const term of index.termKeys()) if (wanted.has(term.toLowerCase())) index.addTermDocs(term, bits);
    }
    return constantResult(bits, scoring, this.boost);
  }
}

export class TermsQuery implements Query {
  constructor(
    private readonly field: LeafField,
    private readonly values: ResolvedValue[],
    private readonly boost: number,
  ) {}

  execute(ctx: SearchContext, scoring: boolean): QueryResult {
    const bits = new Bitset(ctx.maxDoc);
    for (const value of this.values) bits.or(docsWithValue(ctx, this.field, value));
    return constantResult(bits, scoring, this.boost);
  }
}

export function parseTerms(body: unknown, pc: ParseContext): Query {
  if (!isObject(body)) throw parsingError('[terms] query malformed');
  const fields = Object.keys(body).filter((k) => k !== 'boost' && k !== '_name');
  if (fields.length !== 1) throw parsingError(`[terms] query requires exactly one field, found [${fields.join(', ')}]`);
  const field = fields[0]!;
  const values = body[field];
  if (isObject(values)) throw parsingError(`[terms] query does not support terms lookup on field [${field}] here`);
  if (!Array.isArray(values)) throw parsingError(`[terms] query requires an array of values for field [${field}]`);
  if (values.length > MAX_TERMS_COUNT) throw parsingError(`The number of terms [${values.length}] used in the Terms Query request has exceeded the allowed maximum of [${MAX_TERMS_COUNT}].`);
  const boost = boostOf('terms', body);
  if (field === '_id') return new IdsQuery(values.map(String), boost);
  const leaf = pc.mapping.leaf(field);
  if (leaf === undefined) return new MatchNoneQuery();
  return new TermsQuery(leaf, values.map((v) => resolveValue(leaf, v, pc.now)), boost);
}
