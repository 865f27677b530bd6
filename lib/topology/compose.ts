/**
 * Composes feature modules into the one `Topology` both clouds read. Each feature brings its
 * functions and everything pointing at them; composing refuses what would silently clash (a
 * function, route, table, queue or index declared twice) and what would be missing (a declared
 * table, queue or index name no feature declares, or no feature providing the HTTP authorizer,
 * the WebSocket API, the bucket or the search setup).
 */
import { QUEUE_NAMES, SEARCH_INDEX_NAMES, TABLE_NAMES } from './types.ts';
import type { Feature, FunctionSpec, Topology } from './types.ts';

type Single = 'httpAuthorizer' | 'websocket' | 'bucket' | 'searchSetup';

function mergeRecords<V>(features: readonly Feature[], pick: (feature: Feature) => Readonly<Record<string, V>> | undefined, what: string): Record<string, V> {
  const merged: Record<string, V> = {};
  for (const feature of features) {
    for (const [name, value] of Object.entries(pick(feature) ?? {})) {
      if (Object.hasOwn(merged, name)) throw new Error(`${what} ${name} is declared by more than one feature (again in ${feature.name})`);
      merged[name] = value;
    }
  }
  return merged;
}

function single<K extends Single>(features: readonly Feature[], key: K): NonNullable<Feature[K]> {
  const providers = features.filter((feature) => feature[key] !== undefined);
  if (providers.length !== 1) {
    throw new Error(`exactly one feature must declare ${key}; found ${providers.map((f) => f.name).join(', ') || 'none'}`);
  }
  return providers[0]![key] as NonNullable<Feature[K]>;
}

function requireAll(declared: Record<string, unknown>, names: readonly string[], what: string): void {
  const missing = names.filter((name) => !Object.hasOwn(declared, name));
  if (missing.length > 0) throw new Error(`no feature declares the ${what} ${missing.join(', ')}`);
}

export function compose(service: string, features: readonly Feature[]): Topology {
  const names = features.map((feature) => feature.name);
  const repeated = names.filter((name, i) => names.indexOf(name) !== i);
  if (repeated.length > 0) throw new Error(`feature names must be unique: ${repeated.join(', ')}`);

  const functions = mergeRecords<FunctionSpec>(features, (f) => f.functions, 'function');
  const tables = mergeRecords(features, (f) => f.tables, 'table');
  const queues = mergeRecords(features, (f) => f.queues, 'queue');
  const searchIndexes = mergeRecords(features, (f) => f.searchIndexes, 'search index');
  requireAll(tables, TABLE_NAMES, 'table');
  requireAll(queues, QUEUE_NAMES, 'queue');
  requireAll(searchIndexes, SEARCH_INDEX_NAMES, 'search index');

  const routes = features.flatMap((feature) => feature.routes ?? []);
  const keys = routes.map((route) => `${route.method} ${route.path}`);
  const twice = keys.filter((key, i) => keys.indexOf(key) !== i);
  if (twice.length > 0) throw new Error(`HTTP routes declared twice: ${twice.join(', ')}`);

  return {
    service,
    functions,
    features: Object.fromEntries(features.map((feature) => [feature.name, Object.keys(feature.functions)])),
    http: { authorizer: single(features, 'httpAuthorizer'), routes },
    websocket: single(features, 'websocket'),
    tables: tables as Topology['tables'],
    queues: queues as Topology['queues'],
    bucket: single(features, 'bucket'),
    streams: features.flatMap((feature) => feature.streams ?? []),
    searchIndexes: searchIndexes as Topology['searchIndexes'],
    searchSetup: single(features, 'searchSetup'),
    schedules: features.flatMap((feature) => feature.schedules ?? []),
  };
}
