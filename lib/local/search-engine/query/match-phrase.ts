import { parsingError, unsupported } from '../errors.ts';
import { analyzeStandard } from '../mappings/analysis.ts';
import type { LeafField } from '../mappings/types.ts';
import { valuesAtPath } from '../source-values.ts';
import { TextFieldIndex } from '../storage/text-field.ts';
import { Bitset } from '../structures/bitset.ts';
import { boostOf, checkParams, emptyResult, MatchNoneQuery, singleField } from './common.ts';
import { checkAnalyzerParam, exactValueQuery, queryTokens, zeroTermsQuery } from './match.ts';
import { termsWithPrefix, unionOfTerms } from './prefix.ts';
import { idf, tfNorm } from './scoring.ts';
import { TermQuery } from './term.ts';
import type { ParseContext, Query, QueryResult, SearchContext } from './types.ts';

/** OpenSearch's default number of terms the last word of match_phrase_prefix expands to. */
const DEFAULT_MAX_EXPANSIONS = 50;

/** How many times `phrase` occurs in `tokens`; the last position accepts any of `lastAlternatives` when given. */
function phraseFrequency(tokens: readonly string[], phrase: readonly string[], lastAlternatives: ReadonlySet<string> | null): number {
  let freq = 0;
  const last = phrase.length - 1;
  for (let start = 0; start + phrase.length <= tokens.length; start++) {
    let ok = true;
    for (let i = 0; i < phrase.length && ok; i++) {
      const token = tokens[start + i]!;
      ok = i === last && lastAlternatives !== null ? lastAlternatives.has(token) : token === phrase[i];
    }
    if (ok) freq++;
  }
  return freq;
}

/**
 * Consecutive terms. Candidates come from the postings intersection; positions are checked by
 * re-analysing the candidates' `_source` values, which spares storing positions for every term.
 */
class PhraseQuery implements Query {
  constructor(
    private readonly field: LeafField,
    private readonly phrase: readonly string[],
    private readonly boost: number,
    private readonly prefixExpansions: number | null,
  ) {}

  execute(ctx: SearchContext, scoring: boolean): QueryResult {
    const index = ctx.segment.field(this.field.path);
    if (!(index instanceof TextFieldIndex)) return emptyResult(ctx);
    const fixed = this.prefixExpansions === null ? this.phrase : this.phrase.slice(0, -1);
    let candidates = Bitset.full(ctx.maxDoc);
    let idfSum = 0;
    for (const term of fixed) {
      const postings = index.terms.get(term);
      if (postings === undefined) return emptyResult(ctx);
      const bits = new Bitset(ctx.maxDoc);
      postings.addTo(bits);
      candidates = candidates.and(bits);
      idfSum += idf(index.docCount, postings.count);
    }
    let alternatives: Set<string> | null = null;
    if (this.prefixExpansions !== null) {
      const expansions = termsWithPrefix(ctx, this.field, this.phrase[this.phrase.length - 1]!, false).slice(0, this.prefixExpansions);
      const union = unionOfTerms(ctx, this.field, expansions);
      candidates = candidates.and(union);
      alternatives = new Set(expansions);
      idfSum += idf(index.docCount, union.count());
      // A lone prefix needs no position check: the expanded terms' postings are the answer.
      if (fixed.length === 0) return { bits: candidates, scores: null, constant: scoring ? this.boost * idfSum : 0 };
    }
    return this.verify(ctx, index, candidates, alternatives, scoring ? this.boost * idfSum : 0);
  }

  private verify(ctx: SearchContext, index: TextFieldIndex, candidates: Bitset, alternatives: Set<string> | null, weight: number): QueryResult {
    const bits = new Bitset(ctx.maxDoc);
    const scores = weight > 0 ? new Float32Array(ctx.maxDoc) : null;
    const avg = index.averageLength;
    candidates.forEach((doc) => {
      const record = ctx.segment.records[doc]!;
      let freq = 0;
      // Values of an array are separate texts: a phrase never spans two of them (position_increment_gap).
      for (const value of valuesAtPath(record.source, this.field.sourcePath)) {
        if (value !== null && typeof value !== 'object') freq += phraseFrequency(analyzeStandard(String(value)), this.phrase, alternatives);
      }
      if (freq === 0) return;
      bits.add(doc);
      if (scores !== null) scores[doc] = weight * tfNorm(freq, index.lengths.get(doc), avg);
    });
    return { bits, scores, constant: 0 };
  }
}

function parsePhraseParams(query: string, body: unknown): { field: string; params: Record<string, unknown>; boost: number } {
  const { field, params } = singleField(query, body, 'query');
  checkParams(query, params, ['query', 'slop', 'boost', '_name', 'analyzer', 'zero_terms_query', 'max_expansions']);
  if (params.query === undefined) throw parsingError(`[${query}] requires query value`);
  if (params.slop !== undefined && params.slop !== 0) throw unsupported(`[${query}] slop [${String(params.slop)}] (only exact phrases)`);
  if (query === 'match_phrase' && params.max_expansions !== undefined) throw unsupported(`parameter [max_expansions] of query [match_phrase]`);
  checkAnalyzerParam(query, params);
  return { field, params, boost: boostOf(query, params) };
}

export function parseMatchPhrase(body: unknown, pc: ParseContext): Query {
  const { field, params, boost } = parsePhraseParams('match_phrase', body);
  const leaf = pc.mapping.leaf(field);
  if (leaf === undefined) return new MatchNoneQuery();
  if (leaf.indexKind !== 'text') return exactValueQuery(leaf, params.query, pc, boost);
  const tokens = queryTokens(leaf, params.query);
  if (tokens.length === 0) return zeroTermsQuery('match_phrase', params);
  if (tokens.length === 1) return new TermQuery(leaf, { kind: 'term', term: tokens[0]! }, boost);
  return new PhraseQuery(leaf, tokens, boost, null);
}

export function parseMatchPhrasePrefix(body: unknown, pc: ParseContext): Query {
  const { field, params, boost } = parsePhraseParams('match_phrase_prefix', body);
  const maxExpansions = params.max_expansions ?? DEFAULT_MAX_EXPANSIONS;
  if (typeof maxExpansions !== 'number' || !Number.isInteger(maxExpansions) || maxExpansions < 1) throw parsingError('[match_phrase_prefix] max_expansions must be a positive integer');
  const leaf = pc.mapping.leaf(field);
  if (leaf === undefined) return new MatchNoneQuery();
  if (leaf.indexKind === 'numeric') return exactValueQuery(leaf, params.query, pc, boost);
  const tokens = leaf.indexKind === 'text' ? queryTokens(leaf, params.query) : [String(params.query)];
  if (tokens.length === 0) return zeroTermsQuery('match_phrase_prefix', params);
  if (leaf.indexKind === 'keyword') return new KeywordPrefixQuery(leaf, leaf.normalizer === null ? tokens[0]! : leaf.normalizer(tokens[0]!), maxExpansions, boost);
  return new PhraseQuery(leaf, tokens, boost, maxExpansions);
}

/** match_phrase_prefix on a keyword field: the normalised value as a prefix, capped at max_expansions terms. */
class KeywordPrefixQuery implements Query {
  constructor(
    private readonly field: LeafField,
    private readonly prefix: string,
    private readonly maxExpansions: number,
    private readonly boost: number,
  ) {}

  execute(ctx: SearchContext, scoring: boolean): QueryResult {
    const terms = termsWithPrefix(ctx, this.field, this.prefix, false).slice(0, this.maxExpansions);
    return { bits: unionOfTerms(ctx, this.field, terms), scores: null, constant: scoring ? this.boost : 0 };
  }
}
