import { runAll } from '../aggregations/types.ts';
import type { QueryResult, SearchContext } from '../query/types.ts';
import type { SearchIndex } from '../storage/search-index.ts';
import { PRIMARY_TERM } from '../storage/versioning.ts';
import type { Bitset } from '../structures/bitset.ts';
import type { SearchRequest } from './request.ts';
import { compileSortKey } from './sort.ts';
import type { SortKey, SortSpec } from './sort.ts';
import { applySourceFilter } from './source-filter.ts';
import { compareKeys, TopK } from './top-k.ts';

const SCORE_DESC: SortSpec = { kind: 'score', name: '_score', field: undefined, asc: false, missingFirst: false, useMax: false };

export interface SearchResponse {
  took: number;
  timed_out: boolean;
  _shards: { total: number; successful: number; skipped: number; failed: number };
  hits: { total?: { value: number; relation: 'eq' | 'gte' } | number; max_score: number | null; hits: Record<string, unknown>[] };
  aggregations?: Record<string, unknown>;
}

function scoreOf(result: QueryResult): (doc: number) => number {
  const { scores, constant } = result;
  return scores === null ? () => constant : (doc) => scores[doc]! + constant;
}

/** Matches ordered by the sort keys, first `k` only, after the `search_after` point when given. */
function collectTop(bits: Bitset, keys: readonly SortKey[], score: (doc: number) => number, k: number, after: Float64Array | null, docOrderIsSortOrder: boolean): number[] {
  const width = keys.length;
  if (after === null && docOrderIsSortOrder) {
    const docs: number[] = [];
    bits.forEach((doc) => (docs.push(doc), docs.length < k));
    return k === 0 ? [] : docs;
  }
  const top = new TopK(k, width);
  const row = new Float64Array(width);
  bits.forEach((doc) => {
    const s = score(doc);
    // Keys are computed lazily: once the heap is full, most docs lose to its worst entry on the first key.
    let i = 0;
    if (top.isFull) {
      for (; i < width; i++) {
        const key = keys[i]!.key(doc, s);
        row[i] = key;
        const worst = top.worstKey(i);
        if (key > worst) return;
        if (key < worst) break;
      }
      if (i === width && doc > top.worstDoc) return;
      i++;
    }
    for (; i < width; i++) row[i] = keys[i]!.key(doc, s);
    if (after !== null && compareKeys(row, after, width) <= 0) return;
    top.offer(doc, row);
  });
  return top.sorted();
}

function totalHits(total: number, track: boolean | number, asInt: boolean): SearchResponse['hits']['total'] {
  if (asInt) return total;
  if (track === false) return undefined;
  if (track === true || total <= track) return { value: total, relation: 'eq' };
  return { value: track, relation: 'gte' };
}

function maxScore(bits: Bitset, result: QueryResult): number | null {
  if (bits.isEmpty()) return null;
  if (result.scores === null) return result.constant;
  let max = Number.NEGATIVE_INFINITY;
  const scores = result.scores;
  bits.forEach((doc) => {
    const s = scores[doc]!;
    if (s > max) max = s;
  });
  return max + result.constant;
}

/** Runs a parsed search against the index's last refresh. */
export function executeSearch(index: SearchIndex, req: SearchRequest): SearchResponse {
  const started = performance.now();
  const segment = index.segment;
  const ctx: SearchContext = { segment, maxDoc: segment.maxDoc };
  const sorts = req.sort ?? [SCORE_DESC];
  // Aggregations may rank by score (top_hits), so they get real scores too.
  const scoring = req.trackScores || sorts.some((s) => s.kind === 'score') || req.aggs !== undefined;
  const result = req.query.execute(ctx, scoring);
  const matched = result.bits.and(segment.liveDocs());
  const score = scoreOf(result);
  const aggregations = req.aggs === undefined ? undefined : runAll(req.aggs, { ...ctx, score }, matched);
  const hitsBits = req.postFilter === undefined ? matched : matched.clone().and(req.postFilter.execute(ctx, false).bits);
  const keys = sorts.map((spec) => compileSortKey(spec, segment));
  const after = req.searchAfter === undefined ? null : Float64Array.from(req.searchAfter, (v, i) => keys[i]!.afterKey(v));
  // Doc order already is the answer for `_doc` ascending, and for a score sort when every score ties.
  const only = sorts.length === 1 ? sorts[0]! : undefined;
  const docOrder = (only?.kind === 'score' && result.scores === null) || (only?.kind === 'doc' && only.asc);
  const docs = req.size === 0 ? [] : collectTop(hitsBits, keys, score, req.from + req.size, after, docOrder);
  const showScore = req.sort === undefined || req.trackScores || sorts.some((s) => s.kind === 'score');
  const hits = docs.slice(req.from).map((doc) => {
    const record = segment.records[doc]!;
    const s = score(doc);
    const hit: Record<string, unknown> = { _index: index.name, _id: record.id };
    if (req.version) hit._version = record.version;
    if (req.seqNoPrimaryTerm) Object.assign(hit, { _seq_no: record.seqNo, _primary_term: PRIMARY_TERM });
    hit._score = showScore ? s : null;
    const source = applySourceFilter(record.source, req.source);
    if (source !== undefined) hit._source = source;
    if (req.sort !== undefined) hit.sort = keys.map((key) => key.value(doc, s));
    return hit;
  });
  const total = totalHits(hitsBits.count(), req.trackTotalHits, req.totalHitsAsInt);
  return {
    took: Math.round(performance.now() - started),
    timed_out: false,
    _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
    hits: { ...(total === undefined ? {} : { total }), max_score: showScore ? maxScore(hitsBits, result) : null, hits },
    ...(aggregations === undefined ? {} : { aggregations }),
  };
}

/** Live docs matching `query` in the index's last refresh, for _count and _delete_by_query. */
export function matchingDocs(index: SearchIndex, req: Pick<SearchRequest, 'query'>): Bitset {
  const segment = index.segment;
  return req.query.execute({ segment, maxDoc: segment.maxDoc }, false).bits.and(segment.liveDocs());
}
