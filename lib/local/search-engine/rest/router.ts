import { badRequest, SearchEngineError } from '../errors.ts';
import * as h from './handlers.ts';
import type { RestHandler } from './types.ts';

type Method = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
type Route = readonly [pattern: string, handlers: Partial<Record<Method, RestHandler>>];

const ROUTES: readonly Route[] = [
  ['/', { GET: h.info, HEAD: h.info }],
  ['/_cluster/health', { GET: h.health }],
  ['/_cluster/health/{index}', { GET: h.health }],
  ['/_mapping', { GET: h.getMapping }],
  ['/_settings', { GET: h.getIndexSettings }],
  ['/_refresh', { GET: h.refresh, POST: h.refresh }],
  ['/_bulk', { POST: h.bulk, PUT: h.bulk }],
  ['/_mget', { GET: h.mget, POST: h.mget }],
  ['/_search', { GET: h.searchAll, POST: h.searchAll }],
  ['/_count', { GET: h.searchAll, POST: h.searchAll }],
  ['/_aliases', { POST: h.postAliases, GET: h.getAlias }],
  ['/_alias', { GET: h.getAlias }],
  ['/_alias/{name}', { GET: h.getAlias, HEAD: h.getAlias }],
  ['/{index}', { PUT: h.createIndex, DELETE: h.deleteIndex, HEAD: h.indexExists, GET: h.getIndex }],
  ['/{index}/_mapping', { GET: h.getMapping, PUT: h.updateMapping, POST: h.updateMapping }],
  ['/{index}/_settings', { GET: h.getIndexSettings, PUT: h.updateSettings }],
  ['/{index}/_refresh', { GET: h.refresh, POST: h.refresh }],
  ['/{index}/_bulk', { POST: h.bulk, PUT: h.bulk }],
  ['/{index}/_mget', { GET: h.mget, POST: h.mget }],
  ['/{index}/_doc', { POST: h.putDoc }],
  ['/{index}/_doc/{id}', { PUT: h.putDoc, POST: h.putDoc, GET: h.getDoc, HEAD: h.getDoc, DELETE: h.deleteDoc }],
  ['/{index}/_create/{id}', { PUT: h.createDoc, POST: h.createDoc }],
  ['/{index}/_source/{id}', { GET: h.getSource, HEAD: h.getSource }],
  ['/{index}/_update/{id}', { POST: h.updateDoc }],
  ['/{index}/_search', { GET: h.searchIndex, POST: h.searchIndex }],
  ['/{index}/_count', { GET: h.countIndex, POST: h.countIndex }],
  ['/{index}/_delete_by_query', { POST: h.deleteByQueryIndex }],
  ['/{index}/_alias', { GET: h.getAlias }],
  ['/{index}/_aliases', { GET: h.getAlias }],
  ['/{index}/_alias/{name}', { PUT: h.putIndexAlias, POST: h.putIndexAlias, DELETE: h.deleteIndexAlias, GET: h.getAlias, HEAD: h.getAlias }],
  ['/{index}/_aliases/{name}', { PUT: h.putIndexAlias, POST: h.putIndexAlias, DELETE: h.deleteIndexAlias }],
];

const COMPILED = ROUTES.map(([pattern, handlers]) => ({ pattern, segments: pattern.split('/').filter(Boolean), handlers }));

export interface RouteMatch {
  readonly handler: RestHandler;
  readonly params: ReadonlyMap<string, string>;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest('illegal_argument_exception', `invalid percent-encoding in path segment [${segment}]`);
  }
}

function matchSegments(segments: readonly string[], path: readonly string[]): Map<string, string> | undefined {
  if (segments.length !== path.length) return undefined;
  const params = new Map<string, string>();
  for (let i = 0; i < segments.length; i++) {
    const want = segments[i]!;
    const got = path[i]!;
    if (want.startsWith('{')) {
      // An index expression never starts with `_` (except `_all`), so `/_bulk` is not an index named "_bulk".
      if (want === '{index}' && got.startsWith('_') && got !== '_all') return undefined;
      params.set(want.slice(1, -1), got);
    } else if (want !== got) {
      return undefined;
    }
  }
  return params;
}

/** The handler for a request, or OpenSearch's 400 (unknown endpoint) / 405 (wrong method). */
export function route(method: string, pathname: string): RouteMatch {
  const path = pathname.split('/').filter(Boolean).map(decode);
  for (const r of COMPILED) {
    const params = matchSegments(r.segments, path);
    if (params === undefined) continue;
    const handler = r.handlers[method as Method];
    if (handler === undefined) {
      const allowed = Object.keys(r.handlers).join(',');
      throw new SearchEngineError(405, 'method_not_allowed', `Incorrect HTTP method for uri [${pathname}] and method [${method}], allowed: [${allowed}]`);
    }
    return { handler, params };
  }
  throw badRequest('illegal_argument_exception', `The local search engine does not support the endpoint [${method} ${pathname}] (no handler found for uri [${pathname}] and method [${method}])`);
}
