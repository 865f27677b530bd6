import { parsingError } from '../errors.ts';
import type { LeafField } from '../mappings/types.ts';
import { KeywordFieldIndex, lowerBound } from '../storage/keyword-field.ts';
import { TextFieldIndex } from '../storage/text-field.ts';
import { Bitset } from '../structures/bitset.ts';
import { boostOf, checkParams, constantResult, MatchNoneQuery, singleField } from './common.ts';
import { queryShardError, termFor } from './field-values.ts';
import type { ParseContext, Query, QueryResult, SearchContext } from './types.ts';

/** Terms of `field` starting with `prefix`, in term order. */
export function termsWithPrefix(ctx: SearchContext, field: LeafField, prefix: string, caseInsensitive: boolean): string[] {
  const index = ctx.segment.field(field.path);
  if (!(index instanceof KeywordFieldIndex || index instanceof TextFieldIndex)) return [];
  const terms = index.sortedTerms();
  if (caseInsensitive) {
    const lower = prefix.toLowerCase();
    return terms.filter((t) => t.toLowerCase().startsWith(lower));
  }
  const out: string[] = [];
  for (let i = lowerBound(terms, prefix); i < terms.length && terms[i]!.startsWith(prefix); i++) out.push(terms[i]!);
  return out;
}

export function unionOfTerms(ctx: SearchContext, field: LeafField, terms: readonly string[]): Bitset {
  const index = ctx.segment.field(field.path);
  const bits = new Bitset(ctx.maxDoc);
  if (index instanceof KeywordFieldIndex || index instanceof TextFieldIndex) for (const term of terms) index.addTermDocs(term, bits);
  return bits;
}

class PrefixQuery implements Query {
  constructor(
    private readonly field: LeafField,
    private readonly prefix: string,
    private readonly caseInsensitive: boolean,
    private readonly boost: number,
  ) {}

  execute(ctx: SearchContext, scoring: boolean): QueryResult {
    const terms = termsWithPrefix(ctx, this.field, this.prefix, this.caseInsensitive);
    return constantResult(unionOfTerms(ctx, this.field, terms), scoring, this.boost);
  }
}

export function checkTermField(query: string, field: LeafField): void {
  if (field.indexKind === 'numeric') {
    throw queryShardError(`Can only use ${query} queries on keyword and text fields - not on [${field.path}] which is of type [${field.type}]`);
  }
}

export function parsePrefix(body: unknown, pc: ParseContext): Query {
  const { field, params } = singleField('prefix', body, 'value');
  checkParams('prefix', params, ['value', 'boost', '_name', 'case_insensitive']);
  if (typeof params.value !== 'string' && typeof params.value !== 'number') throw parsingError('[prefix] query requires a [value]');
  const boost = boostOf('prefix', params);
  const leaf = pc.mapping.leaf(field);
  if (leaf === undefined) return new MatchNoneQuery();
  checkTermField('prefix', leaf);
  return new PrefixQuery(leaf, termFor(leaf, params.value), params.case_insensitive === true, boost);
}
