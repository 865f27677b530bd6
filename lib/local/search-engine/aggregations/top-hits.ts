import { illegalArgument, parsingError, unsupported } from '../errors.ts';
import type { IndexMapping } from '../mappings/mapping.ts';
import type { SearchContext } from '../query/types.ts';
import { parseSort, compileSortKey, type SortSpec } from '../search/sort.ts';
import { applySourceFilter, parseSourceFilter, type SourceFilter } from '../search/source-filter.ts';
import { TopK } from '../search/top-k.ts';
import type { Bitset } from '../structures/bitset.ts';
import type { Aggregation } from './types.ts';

/** OpenSearch's defaults: 3 hits, and `index.max_inner_result_window` bounding from + size. */
const DEFAULT_SIZE = 3;
const MAX_INNER_RESULT_WINDOW = 100;
const PARAMS = ['from', 'size', 'sort', '_source', 'track_scores', 'version'];

const SCORE_DESC: SortSpec = { kind: 'score', name: '_score', field: undefined, asc: false, missingFirst: false, useMax: false };

/**
 * `top_hits`: the best documents of each bucket, by `sort` or by score. Scores are the main
 * query's (the search passes them in the context); a filter-context query scores every doc alike,
 * so ties fall back to index order as in Lucene.
 */
export class TopHitsAggregation implements Aggregation {
  constructor(
    private readonly index: string,
    private readonly from: number,
    private readonly size: number,
    private readonly sort: readonly SortSpec[] | undefined,
    private readonly source: SourceFilter,
    private readonly trackScores: boolean,
    private readonly version: boolean,
  ) {}

  /** Whether running it needs the main query's scores. */
  get usesScores(): boolean {
    return this.sort === undefined || this.trackScores || this.sort.some((s) => s.kind === 'score');
  }

  run(ctx: SearchContext, docs: Bitset): Record<string, unknown> {
    const specs = this.sort ?? [SCORE_DESC];
    const keys = specs.map((spec) => compileSortKey(spec, ctx.segment));
    const score = ctx.score ?? (() => 0);
    const top = new TopK(this.from + this.size, keys.length);
    const row = new Float64Array(keys.length);
    let maxScore = Number.NEGATIVE_INFINITY;
    docs.forEach((doc) => {
      const s = score(doc);
      if (s > maxScore) maxScore = s;
      for (let i = 0; i < keys.length; i++) row[i] = keys[i]!.key(doc, s);
      top.offer(doc, row);
    });
    const showScore = this.usesScores;
    const hits = top.sorted().slice(this.from).map((doc) => {
      const record = ctx.segment.records[doc]!;
      const s = score(doc);
      const hit: Record<string, unknown> = { _index: this.index, _id: record.id };
      if (this.version) hit._version = record.version;
      hit._score = showScore ? s : null;
      const source = applySourceFilter(record.source, this.source);
      if (source !== undefined) hit._source = source;
      if (this.sort !== undefined) hit.sort = keys.map((key) => key.value(doc, s));
      return hit;
    });
    const count = docs.count();
    return { hits: { total: { value: count, relation: 'eq' }, max_score: showScore && count > 0 ? maxScore : null, hits } };
  }
}

function nonNegativeInt(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw parsingError(`[top_hits] [${name}] must be a non-negative integer, found [${String(value)}]`);
  return value;
}

export function parseTopHits(name: string, body: Record<string, unknown>, mapping: IndexMapping, index: string): TopHitsAggregation {
  for (const key of Object.keys(body)) if (!PARAMS.includes(key)) throw unsupported(`parameter [${key}] of aggregation [top_hits]`);
  const from = nonNegativeInt('from', body.from, 0);
  const size = nonNegativeInt('size', body.size, DEFAULT_SIZE);
  if (from + size > MAX_INNER_RESULT_WINDOW) {
    throw illegalArgument(
      `Top hits result window is too large, the top hits aggregator [${name}]'s from + size must be less than or equal to: [${MAX_INNER_RESULT_WINDOW}] but was [${from + size}]. This limit can be set by changing the [index.max_inner_result_window] index level setting.`,
    );
  }
  const sort = parseSort(body.sort, mapping, index);
  return new TopHitsAggregation(index, from, size, sort, parseSourceFilter(body._source), body.track_scores === true, body.version === true);
}
