import type { IndexMapping } from '../mappings/mapping.ts';
import type { Segment } from '../storage/segment.ts';
import type { Bitset } from '../structures/bitset.ts';

/** What a query runs against: one refresh's view of an index. */
export interface SearchContext {
  readonly segment: Segment;
  readonly maxDoc: number;
  /** The main query's score of a doc, for aggregations that rank by it (top_hits). */
  readonly score?: (doc: number) => number;
}

/** What a query is parsed against. */
export interface ParseContext {
  readonly mapping: IndexMapping;
  /** `now` for date math, fixed once per request as OpenSearch does. */
  readonly now: number;
}

/**
 * Matching docs and their scores. A doc's score is `scores[doc] + constant`; `scores` is null
 * when every match scores the same, which spares a per-doc array for filters.
 */
export interface QueryResult {
  readonly bits: Bitset;
  readonly scores: Float32Array | null;
  readonly constant: number;
}

export interface Query {
  /** `scoring` is false in filter context, where clauses may skip computing scores. */
  execute(ctx: SearchContext, scoring: boolean): QueryResult;
}

export type QueryParser = (body: unknown, pc: ParseContext) => Query;
