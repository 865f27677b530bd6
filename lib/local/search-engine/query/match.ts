import { parsingError, unsupported } from '../errors.ts';
import { analyzeStandard } from '../mappings/analysis.ts';
import type { LeafField } from '../mappings/types.ts';
import { BoolQuery } from './bool.ts';
import { boostOf, checkParams, MatchAllQuery, MatchNoneQuery, singleField } from './common.ts';
import { resolveValue } from './field-values.ts';
import { TermQuery } from './term.ts';
import type { ParseContext, Query } from './types.ts';

export function checkAnalyzerParam(query: string, params: Record<string, unknown>): void {
  if (params.analyzer !== undefined && params.analyzer !== 'standard') throw unsupported(`[${query}] analyzer [${String(params.analyzer)}]`);
}

export function zeroTermsQuery(query: string, params: Record<string, unknown>): Query {
  const mode = params.zero_terms_query ?? 'none';
  if (mode === 'none' || mode === 'NONE') return new MatchNoneQuery();
  if (mode === 'all' || mode === 'ALL') return new MatchAllQuery();
  throw parsingError(`[${query}] unsupported zero_terms_query value [${String(mode)}]`);
}

/** Query text turned into the terms a field indexes: analysed for text, normalised whole for keyword. */
export function queryTokens(field: LeafField, text: unknown): string[] {
  if (text === null || typeof text === 'object') throw parsingError(`[match] query text must be a string, number or boolean`);
  return analyzeStandard(String(text));
}

/** Non-text fields match the whole query value as one term, as OpenSearch's match does. */
export function exactValueQuery(leaf: LeafField, value: unknown, pc: ParseContext, boost: number): Query {
  return new TermQuery(leaf, resolveValue(leaf, value, pc.now), boost);
}

export function parseMatch(body: unknown, pc: ParseContext): Query {
  const { field, params } = singleField('match', body, 'query');
  checkParams('match', params, ['query', 'operator', 'minimum_should_match', 'boost', '_name', 'zero_terms_query', 'analyzer', 'auto_generate_synonyms_phrase_query', 'lenient']);
  if (params.query === undefined) throw parsingError('[match] requires query value');
  checkAnalyzerParam('match', params);
  const boost = boostOf('match', params);
  const leaf = pc.mapping.leaf(field);
  if (leaf === undefined) return new MatchNoneQuery();
  if (leaf.indexKind !== 'text') {
    try {
      return exactValueQuery(leaf, params.query, pc, boost);
    } catch (err) {
      // `lenient` turns a value the field cannot hold into no match instead of an error.
      if (params.lenient === true) return new MatchNoneQuery();
      throw err;
    }
  }
  const tokens = queryTokens(leaf, params.query);
  if (tokens.length === 0) return zeroTermsQuery('match', params);
  const clauses = tokens.map((token) => new TermQuery(leaf, { kind: 'term', term: token }, 1));
  const operator = String(params.operator ?? 'or').toLowerCase();
  if (operator === 'and') return new BoolQuery({ must: clauses, boost });
  if (operator !== 'or') throw parsingError(`[match] unknown operator [${String(params.operator)}]`);
  return new BoolQuery({ should: clauses, minimumShouldMatch: params.minimum_should_match ?? 1, boost });
}
