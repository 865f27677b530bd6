import type { SearchEngine } from '../engine.ts';
import { badRequest, parsingError, unsupported, versionConflict } from '../errors.ts';
import { parseRefresh } from '../bulk.ts';
import { isObject } from '../query/common.ts';
import { parseQuery } from '../query/parse.ts';
import { executeSearch, matchingDocs } from '../search/execute.ts';
import type { SearchResponse } from '../search/execute.ts';
import { parseSearchRequest } from '../search/request.ts';

const SHARDS = { total: 1, successful: 1, skipped: 0, failed: 0 } as const;
const COUNT_PARAMS = new Set(['ignore_unavailable', 'allow_no_indices', 'expand_wildcards', 'preference', 'routing', 'pretty', 'human', 'error_trace']);
const DBQ_PARAMS = new Set(['refresh', 'conflicts', 'wait_for_completion', 'slices', 'scroll_size', 'max_docs', 'timeout', 'routing', 'pretty', 'human', 'error_trace', 'requests_per_second', 'wait_for_active_shards']);

function checkParams(api: string, params: URLSearchParams, allowed: ReadonlySet<string>): void {
  for (const key of params.keys()) if (!allowed.has(key)) throw unsupported(`${api} parameter [${key}]`);
}

function queryOnlyBody(api: string, body: unknown, extra: readonly string[] = []): Record<string, unknown> {
  if (body === undefined) return {};
  if (!isObject(body)) throw parsingError('request body must be an object');
  for (const key of Object.keys(body)) if (key !== 'query' && !extra.includes(key)) throw parsingError(`request does not support [${key}]`);
  return body;
}

export function search(engine: SearchEngine, target: string, body: unknown, params = new URLSearchParams()): SearchResponse {
  if (params.has('q')) throw unsupported('search parameter [q] (Lucene query string)');
  if (params.has('scroll')) throw unsupported('scroll searches');
  const index = engine.getIndex(target);
  return executeSearch(index, parseSearchRequest(body, params, index, Date.now()));
}

export function count(engine: SearchEngine, target: string, body: unknown, params = new URLSearchParams()): { count: number; _shards: typeof SHARDS } {
  if (params.has('q')) throw unsupported('count parameter [q] (Lucene query string)');
  checkParams('count', params, COUNT_PARAMS);
  const index = engine.getIndex(target);
  const query = parseQuery(queryOnlyBody('count', body).query, { mapping: index.mapping, now: Date.now() });
  return { count: matchingDocs(index, { query }).count(), _shards: SHARDS };
}

export interface DeleteByQueryResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/**
 * Deletes what the last refresh shows as matching. A doc changed since then is a version
 * conflict, which aborts the request unless `conflicts=proceed`, as in OpenSearch.
 */
export function deleteByQuery(engine: SearchEngine, target: string, body: unknown, params = new URLSearchParams()): DeleteByQueryResponse {
  checkParams('delete_by_query', params, DBQ_PARAMS);
  if (params.get('wait_for_completion') === 'false') throw unsupported('delete_by_query as a task (wait_for_completion=false)');
  const conflicts = params.get('conflicts') ?? 'abort';
  if (conflicts !== 'abort' && conflicts !== 'proceed') throw badRequest('illegal_argument_exception', `conflicts may only be "proceed" or "abort" but was [${conflicts}]`);
  const started = performance.now();
  const index = engine.getIndex(target);
  const req = queryOnlyBody('delete_by_query', body, ['max_docs']);
  if (req.query === undefined) throw badRequest('action_request_validation_exception', 'Validation Failed: 1: query is missing;');
  const maxDocs = Number(params.get('max_docs') ?? req.max_docs ?? Number.POSITIVE_INFINITY);
  const query = parseQuery(req.query, { mapping: index.mapping, now: Date.now() });
  let deleted = 0;
  let conflictCount = 0;
  let total = 0;
  const failures: Record<string, unknown>[] = [];
  matchingDocs(index, { query }).forEach((doc) => {
    if (total >= maxDocs) return false;
    total++;
    const record = index.segment.records[doc]!;
    const outcome = index.deleteIfUnchanged(record);
    if (outcome === 'deleted') deleted++;
    else {
      conflictCount++;
      if (conflicts === 'abort') {
        const cause = versionConflict(index.name, record.id, `current version differs from the one read by the search [${record.version}]`).toCause();
        failures.push({ index: index.name, id: record.id, cause, status: 409 });
        return false;
      }
    }
    return true;
  });
  if (parseRefresh(params.get('refresh')) !== 'false') index.refresh();
  const response = {
    took: Math.round(performance.now() - started), timed_out: false, total, deleted, batches: 1, version_conflicts: conflictCount, noops: 0,
    retries: { bulk: 0, search: 0 }, throttled_millis: 0, requests_per_second: -1, throttled_until_millis: 0, failures,
  };
  return { status: failures.length > 0 ? 409 : 200, body: response };
}
