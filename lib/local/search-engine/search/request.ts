import { parsingError, searchPhaseFailure, unsupported } from '../errors.ts';
import { parseAggregations } from '../aggregations/parse.ts';
import type { NamedAggregations } from '../aggregations/types.ts';
import { isObject } from '../query/common.ts';
import { parseQuery } from '../query/parse.ts';
import type { Query } from '../query/types.ts';
import type { SearchIndex } from '../storage/search-index.ts';
import { parseSort } from './sort.ts';
import type { SortSpec } from './sort.ts';
import { parseSourceFilter, sourceFilterFromParams } from './source-filter.ts';
import type { SourceFilter } from './source-filter.ts';

export const DEFAULT_SIZE = 10;
/** OpenSearch counts hits exactly up to this many unless `track_total_hits` says otherwise. */
export const DEFAULT_TRACK_TOTAL_HITS = 10_000;

const BODY_KEYS = new Set(['query', 'from', 'size', 'sort', 'search_after', '_source', 'track_total_hits', 'aggs', 'aggregations', 'track_scores', 'version', 'seq_no_primary_term', 'timeout', 'post_filter', 'explain']);
/** URL parameters that change nothing for one local shard. */
const INERT_PARAMS = new Set(['timeout', 'allow_no_indices', 'ignore_unavailable', 'expand_wildcards', 'preference', 'routing', 'request_cache', 'batched_reduce_size', 'ccs_minimize_roundtrips', 'pre_filter_shard_size', 'max_concurrent_shard_requests', 'allow_partial_search_results', 'search_type', 'pretty', 'human', 'error_trace', 'cancel_after_time_interval']);
const VALUE_PARAMS = new Set(['from', 'size', 'sort', '_source', '_source_includes', '_source_excludes', 'track_total_hits', 'track_scores', 'version', 'seq_no_primary_term', 'rest_total_hits_as_int']);

export interface SearchRequest {
  readonly query: Query;
  readonly postFilter: Query | undefined;
  readonly from: number;
  readonly size: number;
  readonly sort: SortSpec[] | undefined;
  readonly searchAfter: readonly unknown[] | undefined;
  readonly source: SourceFilter;
  readonly trackTotalHits: boolean | number;
  readonly trackScores: boolean;
  readonly aggs: NamedAggregations | undefined;
  readonly version: boolean;
  readonly seqNoPrimaryTerm: boolean;
  readonly totalHitsAsInt: boolean;
}

function nonNegativeInt(name: string, value: unknown, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw parsingError(`[${name}] must be an integer, found [${String(value)}]`);
  if (n < 0) throw parsingError(`[${name}] parameter cannot be negative, found [${n}]`);
  return n;
}

function parseTrackTotalHits(value: unknown): boolean | number {
  if (value === undefined || value === null) return DEFAULT_TRACK_TOTAL_HITS;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw parsingError(`[track_total_hits] must be a boolean or a non-negative integer, found [${String(value)}]`);
  return n;
}

function flag(value: unknown): boolean {
  return value === true || value === 'true' || value === '';
}

/** Merges URL parameters over the body (OpenSearch lets the URL win) after checking both for unsupported options. */
export function mergeSearchParams(body: unknown, params: URLSearchParams): Record<string, unknown> {
  if (body !== undefined && !isObject(body)) throw parsingError('request body must be an object');
  const merged: Record<string, unknown> = Object.assign(Object.create(null), body ?? {});
  for (const key of Object.keys(merged)) if (!BODY_KEYS.has(key)) throw unsupported(`search option [${key}]`);
  if (merged.explain === true) throw unsupported('search option [explain]');
  for (const [key, value] of params) {
    if (INERT_PARAMS.has(key) || key === '_source' || key === '_source_includes' || key === '_source_excludes') continue;
    if (!VALUE_PARAMS.has(key)) throw unsupported(`search parameter [${key}]`);
    merged[key] = value;
  }
  return merged;
}

function checkSearchAfter(req: Record<string, unknown>, sort: SortSpec[] | undefined, from: number): readonly unknown[] | undefined {
  const after = req.search_after;
  if (after === undefined) return undefined;
  if (!Array.isArray(after)) throw parsingError('[search_after] must be an array');
  if (sort === undefined) throw parsingError('Sort must contain at least one field.');
  if (after.length !== sort.length) throw parsingError(`search_after has ${after.length} value(s) but sort has ${sort.length}.`);
  if (from > 0) throw parsingError('`from` parameter must be set to 0 when `search_after` is used.');
  return after;
}

export function parseSearchRequest(rawBody: unknown, params: URLSearchParams, index: SearchIndex, now: number): SearchRequest {
  const req = mergeSearchParams(rawBody, params);
  const pc = { mapping: index.mapping, now };
  const from = nonNegativeInt('from', req.from, 0);
  const size = nonNegativeInt('size', req.size, DEFAULT_SIZE);
  const window = index.settings.maxResultWindow;
  if (from + size > window) {
    throw searchPhaseFailure(index.name, {
      type: 'illegal_argument_exception',
      reason: `Result window is too large, from + size must be less than or equal to: [${window}] but was [${from + size}]. See the scroll api for a more efficient way to request large data sets. This limit can be set by changing the [index.max_result_window] index level setting.`,
    });
  }
  const sort = parseSort(req.sort, index.mapping, index.name);
  const aggsJson = req.aggs ?? req.aggregations;
  return {
    query: parseQuery(req.query, pc),
    postFilter: req.post_filter === undefined ? undefined : parseQuery(req.post_filter, pc),
    from,
    size,
    sort,
    searchAfter: checkSearchAfter(req, sort, from),
    source: sourceFilterFromParams(params, parseSourceFilter(req._source)),
    trackTotalHits: flag(req.rest_total_hits_as_int) ? true : parseTrackTotalHits(req.track_total_hits),
    trackScores: flag(req.track_scores),
    aggs: aggsJson === undefined ? undefined : parseAggregations(aggsJson, index.mapping, index.name, now),
    version: flag(req.version),
    seqNoPrimaryTerm: flag(req.seq_no_primary_term),
    totalHitsAsInt: flag(req.rest_total_hits_as_int),
  };
}
