import type { SearchEngine } from '../engine.ts';
import { parsingError } from '../errors.ts';
import { parseRefresh } from '../bulk.ts';
import { applySourceFilter, FULL_SOURCE, sourceFilterFromParams } from '../search/source-filter.ts';
import type { WriteResult } from '../storage/search-index.ts';
import { updateDocument } from '../storage/update.ts';
import { parseVersionType, PRIMARY_TERM } from '../storage/versioning.ts';
import type { WriteConditions } from '../storage/versioning.ts';

function intParam(params: URLSearchParams, name: string): number | undefined {
  const value = params.get(name);
  if (value === null) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw parsingError(`[${name}] must be an integer, found [${value}]`);
  return n;
}

export function writeConditions(params: URLSearchParams): WriteConditions {
  return {
    version: intParam(params, 'version'),
    versionType: parseVersionType(params.get('version_type') ?? undefined),
    ifSeqNo: intParam(params, 'if_seq_no'),
    ifPrimaryTerm: intParam(params, 'if_primary_term'),
  };
}

function finishWrite(engine: SearchEngine, target: string, result: WriteResult, params: URLSearchParams): WriteResult {
  const refresh = parseRefresh(params.get('refresh'));
  if (refresh === 'false') return result;
  engine.getIndex(target).refresh();
  return refresh === 'true' ? { ...result, forced_refresh: true } as WriteResult : result;
}

/** PUT/POST /{index}/_doc/{id}, POST /{index}/_doc, PUT /{index}/_create/{id}. */
export function indexDocument(engine: SearchEngine, target: string, id: string | undefined, source: unknown, params: URLSearchParams, create: boolean): WriteResult {
  if (params.has('pipeline')) throw parsingError('ingest pipelines are not supported: [pipeline]');
  const opType = create || params.get('op_type') === 'create' ? 'create' : 'index';
  const index = engine.writeTarget(target);
  return finishWrite(engine, index.name, index.index(id, source, writeConditions(params), opType), params);
}

export function deleteDocument(engine: SearchEngine, target: string, id: string, params: URLSearchParams): WriteResult {
  const index = engine.getIndex(target);
  return finishWrite(engine, index.name, index.delete(id, writeConditions(params)), params);
}

export function updateDocumentApi(engine: SearchEngine, target: string, id: string, body: unknown, params: URLSearchParams): WriteResult {
  const index = engine.writeTarget(target);
  return finishWrite(engine, index.name, updateDocument(index, id, body), params);
}

export interface GetResult {
  readonly found: boolean;
  readonly body: Record<string, unknown>;
}

/** GET /{index}/_doc/{id}: realtime, like OpenSearch, so unrefreshed writes are visible here. */
export function getDocument(engine: SearchEngine, target: string, id: string, params: URLSearchParams): GetResult {
  const index = engine.getIndex(target);
  if (params.get('refresh') === 'true') index.refresh();
  const realtime = params.get('realtime') !== 'false';
  const record = realtime ? index.get(id) : (() => {
    const doc = index.segment.docOf(id);
    return doc === undefined ? undefined : index.segment.records[doc];
  })();
  if (record === undefined) return { found: false, body: { _index: index.name, _id: id, found: false } };
  const body: Record<string, unknown> = { _index: index.name, _id: id, _version: record.version, _seq_no: record.seqNo, _primary_term: PRIMARY_TERM, found: true };
  const source = applySourceFilter(record.source, sourceFilterFromParams(params, FULL_SOURCE));
  if (source !== undefined) body._source = source;
  return { found: true, body };
}

/** POST /_mget and /{index}/_mget with `docs` or `ids`. */
export function multiGet(engine: SearchEngine, defaultIndex: string | undefined, body: unknown, params: URLSearchParams): { docs: Record<string, unknown>[] } {
  const obj = (body ?? {}) as Record<string, unknown>;
  const requests: Array<{ index: string | undefined; id: string }> = Array.isArray(obj.ids)
    ? obj.ids.map((id) => ({ index: defaultIndex, id: String(id) }))
    : Array.isArray(obj.docs)
      ? obj.docs.map((d: Record<string, unknown>) => ({ index: typeof d._index === 'string' ? d._index : defaultIndex, id: String(d._id) }))
      : [];
  if (requests.length === 0) throw parsingError('Validation Failed: 1: no documents to get;');
  return {
    docs: requests.map(({ index, id }) => {
      if (index === undefined) return { _index: null, _id: id, error: { type: 'action_request_validation_exception', reason: 'index is missing' } };
      try {
        return getDocument(engine, index, id, params).body;
      } catch (err) {
        return { _index: index, _id: id, error: { type: 'index_not_found_exception', reason: (err as Error).message } };
      }
    }),
  };
}
