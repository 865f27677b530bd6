import type { SearchEngine } from '../engine.ts';
import { badRequest, parsingError, SearchEngineError, unsupported } from '../errors.ts';
import { validateIndexName } from '../names.ts';
import { isObject } from '../query/common.ts';
import { updateIndexSettings } from '../settings.ts';
import type { SearchIndex } from '../storage/search-index.ts';

/** Settings as GET _settings shows them: nested under `index`, values as strings. */
function settingsJson(index: SearchIndex): Record<string, unknown> {
  const flat: Record<string, unknown> = {
    number_of_shards: String(index.settings.numberOfShards),
    number_of_replicas: String(index.settings.numberOfReplicas),
    uuid: index.meta.uuid,
    creation_date: String(index.meta.creationDate),
    provided_name: index.name,
    version: { created: '136408027' },
  };
  for (const [key, value] of Object.entries(index.settings.raw)) {
    if (key.startsWith('number_of_')) continue;
    let node = flat;
    const parts = key.split('.');
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]!] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return { index: flat };
}

function aliasesJson(engine: SearchEngine, index: string): Record<string, unknown> {
  return Object.fromEntries(engine.aliases.aliasesOf(index).map((alias) => [alias, {}]));
}

export function describeIndices(engine: SearchEngine, expression: string): Record<string, unknown> {
  return Object.fromEntries(
    engine.resolve(expression).map((index) => [index.name, { aliases: aliasesJson(engine, index.name), mappings: index.mapping.toJson(), settings: settingsJson(index) }]),
  );
}

export function getMappings(engine: SearchEngine, expression = '_all'): Record<string, unknown> {
  return Object.fromEntries(engine.resolve(expression).map((index) => [index.name, { mappings: index.mapping.toJson() }]));
}

export function putMapping(engine: SearchEngine, expression: string, body: unknown): { acknowledged: true } {
  for (const index of engine.resolve(expression)) {
    index.mapping.merge(index.settings, body);
    engine.markMetaStale(index.name);
  }
  return { acknowledged: true };
}

export function getSettings(engine: SearchEngine, expression = '_all'): Record<string, unknown> {
  return Object.fromEntries(engine.resolve(expression).map((index) => [index.name, { settings: settingsJson(index) }]));
}

export function putSettings(engine: SearchEngine, expression: string, body: unknown): { acknowledged: true } {
  const update = isObject(body) && isObject(body.settings) ? body.settings : body;
  for (const index of engine.resolve(expression)) {
    index.settings = updateIndexSettings(index.settings, update);
    engine.markMetaStale(index.name);
  }
  return { acknowledged: true };
}

interface AliasAction {
  readonly kind: 'add' | 'remove';
  readonly indices: string[];
  readonly aliases: string[];
  /** For remove: whether a missing alias is an error (OpenSearch's default) or a no-op. */
  readonly mustExist: boolean;
}

function names(def: Record<string, unknown>, single: string, plural: string): string[] {
  const list = def[plural] ?? (def[single] === undefined ? undefined : [def[single]]);
  if (!Array.isArray(list) || list.length === 0) throw badRequest('action_request_validation_exception', `Validation Failed: 1: [${single}] is missing;`);
  return list.map((n) => {
    const name = String(n);
    if (name.includes('*')) throw unsupported(`wildcards in alias actions ([${name}])`);
    return name;
  });
}

function parseAliasAction(entry: unknown): AliasAction {
  const kind = isObject(entry) ? Object.keys(entry)[0] : undefined;
  if (kind === 'remove_index') throw unsupported('alias action [remove_index]');
  if (kind !== 'add' && kind !== 'remove') throw parsingError(`[aliases] unknown action [${String(kind)}]`);
  const def = (entry as Record<string, unknown>)[kind];
  if (!isObject(def)) throw parsingError(`[aliases] action [${kind}] must be an object`);
  for (const key of Object.keys(def)) {
    if (!['index', 'indices', 'alias', 'aliases', 'must_exist'].includes(key)) throw unsupported(`alias option [${key}]`);
  }
  return { kind, indices: names(def, 'index', 'indices'), aliases: names(def, 'alias', 'aliases'), mustExist: def.must_exist !== false };
}

/** POST /_aliases: every action is validated before any is applied, so the swap is atomic. */
export function updateAliases(engine: SearchEngine, body: unknown): { acknowledged: true } {
  if (!isObject(body) || !Array.isArray(body.actions)) throw parsingError('[aliases] requires an [actions] array');
  const actions = body.actions.map(parseAliasAction);
  for (const action of actions) {
    for (const index of action.indices) engine.getIndex(index);
    for (const alias of action.aliases) {
      validateIndexName(alias, 'alias');
      if (engine.indexNames().includes(alias)) throw badRequest('invalid_alias_name_exception', `Invalid alias name [${alias}]: an index or data stream exists with the same name as the alias`);
      if (action.kind === 'remove' && action.mustExist && !action.indices.some((i) => engine.aliases.indicesOf(alias)?.has(engine.getIndex(i).name))) {
        throw new SearchEngineError(404, 'aliases_not_found_exception', `aliases [${alias}] missing`, { 'resource.type': 'aliases', 'resource.id': alias });
      }
    }
  }
  for (const action of actions) {
    for (const index of action.indices) {
      const name = engine.getIndex(index).name;
      for (const alias of action.aliases) {
        if (action.kind === 'add') engine.aliases.add(alias, name);
        else if (engine.aliases.indicesOf(alias)?.has(name)) engine.aliases.remove(alias, name);
      }
    }
  }
  engine.markAliasesStale();
  return { acknowledged: true };
}

export function putAlias(engine: SearchEngine, index: string, alias: string, body: unknown): { acknowledged: true } {
  if (isObject(body) && Object.keys(body).length > 0) throw unsupported(`alias options [${Object.keys(body).join(', ')}]`);
  return updateAliases(engine, { actions: [{ add: { index, alias } }] });
}

export function deleteAlias(engine: SearchEngine, index: string, alias: string): { acknowledged: true } {
  return updateAliases(engine, { actions: [{ remove: { index, alias } }] });
}

export interface AliasLookup {
  readonly found: boolean;
  readonly body: Record<string, unknown>;
}

/** GET /_alias/{name}, /{index}/_alias[/{name}]: OpenSearch answers 404 with a short error when an alias is missing. */
export function getAliases(engine: SearchEngine, indexExpression: string | undefined, aliasExpression: string | undefined): AliasLookup {
  const indices = indexExpression === undefined ? engine.resolve('_all') : engine.resolve(indexExpression);
  const wanted = aliasExpression === undefined ? undefined : aliasExpression.split(',');
  const body: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const index of indices) {
    const aliases = engine.aliases.aliasesOf(index.name).filter((a) => wanted === undefined || wanted.includes(a) || wanted.includes('*'));
    aliases.forEach((a) => seen.add(a));
    if (aliases.length > 0 || wanted === undefined) body[index.name] = { aliases: Object.fromEntries(aliases.map((a) => [a, {}])) };
  }
  const missing = wanted?.filter((a) => a !== '*' && !seen.has(a)) ?? [];
  if (missing.length > 0) return { found: false, body: { ...body, error: `alias [${missing.join(',')}] missing`, status: 404 } };
  return { found: true, body };
}
