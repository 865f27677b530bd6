import { parsingError } from '../errors.ts';
import { Bitset } from '../structures/bitset.ts';
import type { Query, QueryResult, SearchContext } from './types.ts';

export interface BoolClauses {
  readonly must?: readonly Query[];
  readonly filter?: readonly Query[];
  readonly should?: readonly Query[];
  readonly mustNot?: readonly Query[];
  /** As given (number or "75%"); undefined means OpenSearch's default. */
  readonly minimumShouldMatch?: unknown;
  readonly boost?: number;
}

/** Lucene's `calculateMinShouldMatch`: integers and percentages, negative meaning "all but". */
export function minimumShouldMatch(spec: unknown, optional: number): number {
  const text = String(spec).trim();
  let result: number;
  if (/^-?\d+%$/.test(text)) {
    const calc = Math.trunc((optional * Number(text.slice(0, -1))) / 100);
    result = calc < 0 ? optional + calc : calc;
  } else if (/^-?\d+$/.test(text)) {
    const calc = Number(text);
    result = calc < 0 ? optional + calc : calc;
  } else {
    throw parsingError(`[bool] unsupported minimum_should_match [${text}] (integers and percentages only)`);
  }
  return result < 0 ? 0 : result;
}

/** Adds a clause's scores into `into` for the docs it matched. */
function addScores(into: Float32Array, result: QueryResult): void {
  const { scores, constant } = result;
  if (scores === null && constant === 0) return;
  result.bits.forEach((doc) => {
    into[doc]! += (scores === null ? 0 : scores[doc]!) + constant;
  });
}

/** Docs matched by at least `min` of `results`. */
function atLeast(results: readonly QueryResult[], min: number, maxDoc: number): Bitset {
  if (min <= 1) {
    const union = new Bitset(maxDoc);
    for (const r of results) union.or(r.bits);
    return union;
  }
  const counts = new Uint16Array(maxDoc);
  const bits = new Bitset(maxDoc);
  for (const r of results) {
    r.bits.forEach((doc) => {
      if (++counts[doc]! === min) bits.add(doc);
    });
  }
  return bits;
}

export class BoolQuery implements Query {
  private readonly must: readonly Query[];
  private readonly filter: readonly Query[];
  private readonly should: readonly Query[];
  private readonly mustNot: readonly Query[];
  private readonly msm: number;
  private readonly boost: number;

  constructor(clauses: BoolClauses) {
    this.must = clauses.must ?? [];
    this.filter = clauses.filter ?? [];
    this.should = clauses.should ?? [];
    this.mustNot = clauses.mustNot ?? [];
    this.boost = clauses.boost ?? 1;
    // With no must/filter clause, at least one should clause has to match.
    const fallback = this.must.length + this.filter.length === 0 && this.should.length > 0 ? 1 : 0;
    this.msm = clauses.minimumShouldMatch === undefined || clauses.minimumShouldMatch === null ? fallback : minimumShouldMatch(clauses.minimumShouldMatch, this.should.length);
  }

  execute(ctx: SearchContext, scoring: boolean): QueryResult {
    let bits: Bitset | null = null;
    let constant = 0;
    const perDoc: QueryResult[] = [];
    for (const clause of this.must) {
      const r = clause.execute(ctx, scoring);
      bits = bits === null ? r.bits : bits.and(r.bits);
      constant += r.constant;
      if (r.scores !== null) perDoc.push({ bits: r.bits, scores: r.scores, constant: 0 });
    }
    for (const clause of this.filter) {
      const r = clause.execute(ctx, false);
      bits = bits === null ? r.bits : bits.and(r.bits);
    }
    if (this.should.length > 0) {
      const results = this.should.map((clause) => clause.execute(ctx, scoring));
      if (this.msm > this.should.length) return { bits: new Bitset(ctx.maxDoc), scores: null, constant: 0 };
      if (this.msm > 0) bits = bits === null ? atLeast(results, this.msm, ctx.maxDoc) : bits.and(atLeast(results, this.msm, ctx.maxDoc));
      if (scoring) perDoc.push(...results);
    }
    bits ??= Bitset.full(ctx.maxDoc);
    for (const clause of this.mustNot) bits.andNot(clause.execute(ctx, false).bits);
    if (!scoring) return { bits, scores: null, constant: 0 };
    if (perDoc.length === 0) return { bits, scores: null, constant: constant * this.boost };
    const scores = new Float32Array(ctx.maxDoc);
    for (const r of perDoc) addScores(scores, r);
    if (this.boost !== 1) for (let i = 0; i < scores.length; i++) scores[i]! *= this.boost;
    return { bits, scores, constant: constant * this.boost };
  }
}
