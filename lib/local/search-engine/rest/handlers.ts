import { randomUUID } from 'node:crypto';
import { deleteAlias, describeIndices, getAliases, getMappings, getSettings, putAlias, putMapping, putSettings, updateAliases } from '../api/admin.ts';
import { deleteDocument, getDocument, indexDocument, multiGet, updateDocumentApi } from '../api/documents.ts';
import { count, deleteByQuery, search } from '../api/search.ts';
import { executeBulk, parseBulkBody, parseRefresh } from '../bulk.ts';
import { unsupported } from '../errors.ts';
import type { RestHandler, RestRequest } from './types.ts';
import { ok, param } from './types.ts';

/** The OpenSearch release whose REST semantics the engine follows. */
export const EMULATED_VERSION = '2.19.0';
const CLUSTER_NAME = 'leadstack-local';
const CLUSTER_UUID = randomUUID();

export const info: RestHandler = () =>
  ok({
    name: CLUSTER_NAME,
    cluster_name: CLUSTER_NAME,
    cluster_uuid: CLUSTER_UUID,
    version: {
      distribution: 'opensearch',
      number: EMULATED_VERSION,
      build_type: 'tar',
      build_hash: 'local',
      build_date: '2025-01-01T00:00:00.000Z',
      build_snapshot: false,
      lucene_version: '9.12.1',
      minimum_wire_compatibility_version: '7.10.0',
      minimum_index_compatibility_version: '7.0.0',
    },
    tagline: 'The OpenSearch Project: https://opensearch.org/',
  });

export const health: RestHandler = (engine, req) => {
  const target = req.params.get('index');
  const indices = target === undefined ? engine.indexNames() : engine.resolve(target).map((i) => i.name);
  return ok({
    cluster_name: CLUSTER_NAME, status: 'green', timed_out: false, number_of_nodes: 1, number_of_data_nodes: 1, discovered_master: true, discovered_cluster_manager: true,
    active_primary_shards: indices.length, active_shards: indices.length, relocating_shards: 0, initializing_shards: 0, unassigned_shards: 0,
    delayed_unassigned_shards: 0, number_of_pending_tasks: 0, number_of_in_flight_fetch: 0, task_max_waiting_in_queue_millis: 0, active_shards_percent_as_number: 100,
  });
};

export const createIndex: RestHandler = (engine, req) => ok(engine.createIndex(param(req, 'index'), req.json()));
export const deleteIndex: RestHandler = (engine, req) => ok(engine.deleteIndex(param(req, 'index')));
export const indexExists: RestHandler = (engine, req) => {
  try {
    return ok(undefined, engine.resolve(param(req, 'index')).length > 0 ? 200 : 404);
  } catch {
    return ok(undefined, 404);
  }
};
export const getIndex: RestHandler = (engine, req) => ok(describeIndices(engine, param(req, 'index')));
export const getMapping: RestHandler = (engine, req) => ok(getMappings(engine, req.params.get('index')));
export const updateMapping: RestHandler = (engine, req) => ok(putMapping(engine, param(req, 'index'), req.json()));
export const getIndexSettings: RestHandler = (engine, req) => ok(getSettings(engine, req.params.get('index')));
export const updateSettings: RestHandler = (engine, req) => ok(putSettings(engine, param(req, 'index'), req.json()));
export const refresh: RestHandler = (engine, req) => ok(engine.refresh(req.params.get('index')));

export const bulk: RestHandler = (engine, req) => {
  if (req.query.has('pipeline')) throw unsupported('ingest pipelines ([pipeline] parameter)');
  const ops = parseBulkBody(req.text(), req.params.get('index'));
  return ok(executeBulk(engine, ops, parseRefresh(req.query.get('refresh'))));
};

export const putDoc: RestHandler = (engine, req) => {
  const result = indexDocument(engine, param(req, 'index'), req.params.get('id'), req.json(), req.query, false);
  return ok(result, result.status);
};
export const createDoc: RestHandler = (engine, req) => {
  const result = indexDocument(engine, param(req, 'index'), param(req, 'id'), req.json(), req.query, true);
  return ok(result, result.status);
};
export const getDoc: RestHandler = (engine, req) => {
  const result = getDocument(engine, param(req, 'index'), param(req, 'id'), req.query);
  return ok(result.body, result.found ? 200 : 404);
};
export const getSource: RestHandler = (engine, req) => {
  const result = getDocument(engine, param(req, 'index'), param(req, 'id'), req.query);
  if (!result.found) return ok({ error: { root_cause: [], type: 'resource_not_found_exception', reason: `Document not found [${param(req, 'index')}]/[${param(req, 'id')}]` }, status: 404 }, 404);
  return ok(result.body._source ?? {});
};
export const deleteDoc: RestHandler = (engine, req) => {
  const result = deleteDocument(engine, param(req, 'index'), param(req, 'id'), req.query);
  return ok(result, result.status);
};
export const updateDoc: RestHandler = (engine, req) => {
  const result = updateDocumentApi(engine, param(req, 'index'), param(req, 'id'), req.json(), req.query);
  return ok(result, result.status);
};
export const mget: RestHandler = (engine, req) => ok(multiGet(engine, req.params.get('index'), req.json(), req.query));

export const searchIndex: RestHandler = (engine, req) => ok(search(engine, param(req, 'index'), req.json(), req.query));
export const countIndex: RestHandler = (engine, req) => ok(count(engine, param(req, 'index'), req.json(), req.query));
export const deleteByQueryIndex: RestHandler = (engine, req) => {
  const result = deleteByQuery(engine, param(req, 'index'), req.json(), req.query);
  return ok(result.body, result.status);
};
export const searchAll: RestHandler = () => {
  throw unsupported('searching without an index in the path (name one index or alias)');
};

export const postAliases: RestHandler = (engine, req) => ok(updateAliases(engine, req.json()));
export const putIndexAlias: RestHandler = (engine, req) => ok(putAlias(engine, param(req, 'index'), param(req, 'name'), req.json()));
export const deleteIndexAlias: RestHandler = (engine, req) => ok(deleteAlias(engine, param(req, 'index'), param(req, 'name')));
export const getAlias: RestHandler = (engine, req: RestRequest) => {
  const result = getAliases(engine, req.params.get('index'), req.params.get('name'));
  return ok(result.body, result.found ? 200 : 404);
};
