import { parsingError, unsupported } from '../errors.ts';
import { isObject } from '../query/common.ts';
import type { SearchIndex, WriteResult } from './search-index.ts';
import { PRIMARY_TERM } from './versioning.ts';

const UPDATE_KEYS = ['doc', 'doc_as_upsert', 'upsert', 'detect_noop', '_source'];

/** Deep-merges a partial doc the way OpenSearch's update does: objects merge, everything else replaces. */
function merge(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  // Null prototype: a `__proto__` key in the patch must stay data, never become a prototype.
  const out: Record<string, unknown> = Object.assign(Object.create(null), base);
  for (const key of Object.keys(patch)) {
    const current = Object.prototype.hasOwnProperty.call(base, key) ? base[key] : undefined;
    const next = patch[key];
    out[key] = isObject(current) && isObject(next) ? merge(current, next) : next;
  }
  return out;
}

function sameJson(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    // Too deep to serialise: not a no-op, and indexing it will answer the mapper error.
    return false;
  }
}

/** The partial-document update (`_update`, bulk `update`); scripts are not supported. */
export function updateDocument(index: SearchIndex, id: string, body: unknown): WriteResult {
  if (!isObject(body)) throw parsingError('[UpdateRequest] request body must be an object');
  for (const key of Object.keys(body)) {
    if (key === 'script' || key === 'scripted_upsert') throw unsupported('scripts (in update)');
    if (!UPDATE_KEYS.includes(key)) throw parsingError(`[UpdateRequest] unknown field [${key}]`);
  }
  if (body._source !== undefined) throw unsupported('[_source] in update requests');
  const doc = body.doc;
  if (doc !== undefined && !isObject(doc)) throw parsingError('[UpdateRequest] [doc] must be an object');
  const current = index.get(id);
  if (current === undefined) {
    const upsert = body.doc_as_upsert === true ? doc : body.upsert;
    if (upsert === undefined) throw index.documentMissing(id);
    return index.index(id, upsert, { versionType: 'internal' }, 'create');
  }
  if (doc === undefined) throw parsingError('Validation Failed: 1: script or doc is missing;');
  const merged = merge(current.source, doc);
  if (body.detect_noop !== false && sameJson(merged, current.source)) {
    const shards = { total: 1 + index.settings.numberOfReplicas, successful: 0, failed: 0 };
    return { _index: index.name, _id: id, _version: current.version, result: 'noop', _shards: shards, _seq_no: current.seqNo, _primary_term: PRIMARY_TERM, status: 200 };
  }
  return index.index(id, merged, { versionType: 'internal', ifSeqNo: current.seqNo, ifPrimaryTerm: PRIMARY_TERM }, 'index');
}
