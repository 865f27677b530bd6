import { AliasRegistry } from './aliases.ts';
import { count, search } from './api/search.ts';
import type { SearchResponse } from './search/execute.ts';
import { executeBulk } from './bulk.ts';
import type { BulkOperation, BulkResponse, RefreshPolicy } from './bulk.ts';
import { badRequest, illegalArgument, indexNotFound, unsupported } from './errors.ts';
import { matchesWildcard, validateIndexName } from './names.ts';
import { DataDir } from './persistence.ts';
import type { IndexLogFile } from './persistence.ts';
import { isObject } from './query/common.ts';
import { parseIndexSettings } from './settings.ts';
import { SearchIndex } from './storage/search-index.ts';

/** How often the periodic refresh looks for indexes whose refresh interval has elapsed. */
const REFRESH_TICK_MS = 100;
const CREATE_INDEX_KEYS = new Set(['settings', 'mappings', 'aliases']);

export interface EngineOptions {
  /** Persist indexes here; undefined keeps everything in memory. */
  readonly dataDir?: string;
}

/**
 * The in-process engine: the index registry, aliases, periodic refresh and persistence. The
 * REST layer and the benchmark both drive it; it never touches the network.
 */
export class SearchEngine {
  private readonly indices = new Map<string, SearchIndex>();
  readonly aliases = new AliasRegistry();
  private readonly dataDir: DataDir | undefined;
  private readonly logs = new Map<string, IndexLogFile>();
  private readonly staleMeta = new Set<string>();
  private aliasesStale = false;
  private timer: NodeJS.Timeout | undefined;

  private constructor(dataDir: DataDir | undefined) {
    this.dataDir = dataDir;
  }

  static async open(opts: EngineOptions = {}): Promise<SearchEngine> {
    const engine = new SearchEngine(opts.dataDir === undefined ? undefined : new DataDir(opts.dataDir));
    if (engine.dataDir !== undefined) await engine.load(engine.dataDir);
    engine.timer = setInterval(() => engine.refreshDue(), REFRESH_TICK_MS);
    engine.timer.unref();
    return engine;
  }

  private async load(dir: DataDir): Promise<void> {
    dir.lock();
    for (const name of dir.indexNames()) {
      const meta = dir.readMeta(name);
      const index = new SearchIndex({ name: meta.name, uuid: meta.uuid, creationDate: meta.creationDate }, parseIndexSettings(meta.settings), meta.mappings);
      const lines = await dir.replay(name, (entry) => index.replay(entry));
      index.refresh();
      this.attach(index, dir.openLog(name, lines));
    }
    this.aliases.load(dir.readAliases());
  }

  private attach(index: SearchIndex, log: IndexLogFile | undefined): void {
    this.indices.set(index.name, index);
    if (log !== undefined) {
      this.logs.set(index.name, log);
      index.log = log;
      index.onMappingChange = () => this.staleMeta.add(index.name);
    }
  }

  indexNames(): string[] {
    return [...this.indices.keys()].sort();
  }

  /** One concrete index for a name or an alias; aliases spanning several indexes are refused. */
  getIndex(name: string): SearchIndex {
    const index = this.indices.get(name);
    if (index !== undefined) return index;
    if (name.includes(',') || name.includes('*') || name === '_all') throw unsupported(`requests over several indices ([${name}]); name one index or alias`);
    const targets = this.aliases.indicesOf(name);
    if (targets === undefined) throw indexNotFound(name);
    if (targets.size > 1) throw unsupported(`requests on alias [${name}] pointing to ${targets.size} indices (only single-index aliases)`);
    const only = this.indices.get([...targets][0]!);
    if (only === undefined) throw indexNotFound(name);
    return only;
  }

  /** Index names for an expression: comma lists, `*` wildcards, `_all`, and aliases. */
  resolve(expression: string, allowMissing = false): SearchIndex[] {
    const out = new Map<string, SearchIndex>();
    for (const part of expression.split(',')) {
      if (part === '_all' || part.includes('*')) {
        const pattern = part === '_all' ? '*' : part;
        for (const [name, index] of this.indices) if (matchesWildcard(pattern, name)) out.set(name, index);
        for (const alias of this.aliases.names()) {
          if (matchesWildcard(pattern, alias)) for (const name of this.aliases.indicesOf(alias) ?? []) out.set(name, this.indices.get(name)!);
        }
        continue;
      }
      const direct = this.indices.get(part);
      const viaAlias = this.aliases.indicesOf(part);
      if (direct !== undefined) out.set(part, direct);
      else if (viaAlias !== undefined) for (const name of viaAlias) out.set(name, this.indices.get(name)!);
      else if (!allowMissing) throw indexNotFound(part);
    }
    return [...out.values()];
  }

  /** The index a write goes to, created with default settings when missing (`action.auto_create_index`). */
  writeTarget(name: string): SearchIndex {
    if (this.indices.has(name)) return this.indices.get(name)!;
    const targets = this.aliases.indicesOf(name);
    if (targets !== undefined) {
      if (targets.size > 1) {
        throw illegalArgument(`no write index is defined for alias [${name}]. The write index may be explicitly disabled using is_write_index=false or the alias points to multiple indices without one being designated as a write index`);
      }
      return this.indices.get([...targets][0]!)!;
    }
    this.createIndex(name, {});
    return this.indices.get(name)!;
  }

  createIndex(name: string, body: unknown): { acknowledged: true; shards_acknowledged: true; index: string } {
    validateIndexName(name);
    if (this.indices.has(name)) {
      const existing = this.indices.get(name)!;
      throw badRequest('resource_already_exists_exception', `index [${name}/${existing.meta.uuid}] already exists`, { index_uuid: existing.meta.uuid, index: name });
    }
    if (this.aliases.has(name)) throw badRequest('invalid_index_name_exception', `Invalid index name [${name}], already exists as alias`, { index_uuid: '_na_', index: name });
    const def = body ?? {};
    if (!isObject(def)) throw badRequest('parse_exception', 'request body must be an object');
    for (const key of Object.keys(def)) if (!CREATE_INDEX_KEYS.has(key)) throw badRequest('parse_exception', `unknown key [${key}] for create index`);
    const index = SearchIndex.create(name, parseIndexSettings(def.settings), def.mappings);
    const aliasNames = def.aliases === undefined ? [] : this.checkCreateAliases(def.aliases);
    this.attach(index, this.dataDir?.openLog(name, 0));
    for (const alias of aliasNames) this.aliases.add(alias, name);
    this.staleMeta.add(name);
    this.aliasesStale ||= aliasNames.length > 0;
    this.flush();
    return { acknowledged: true, shards_acknowledged: true, index: name };
  }

  private checkCreateAliases(aliases: unknown): string[] {
    if (!isObject(aliases)) throw badRequest('parse_exception', '[aliases] must be an object');
    return Object.keys(aliases).map((alias) => {
      validateIndexName(alias, 'alias');
      const def = aliases[alias];
      if (isObject(def) && Object.keys(def).length > 0) throw unsupported(`alias options [${Object.keys(def).join(', ')}] (on alias [${alias}])`);
      if (this.indices.has(alias)) throw badRequest('invalid_alias_name_exception', `Invalid alias name [${alias}]: an index or data stream exists with the same name as the alias`);
      return alias;
    });
  }

  deleteIndex(expression: string): { acknowledged: true } {
    for (const part of expression.split(',')) {
      if (!part.includes('*') && part !== '_all' && !this.indices.has(part)) {
        if (this.aliases.has(part)) throw illegalArgument(`The provided expression [${part}] matches an alias, specify the corresponding concrete indices instead.`);
        throw indexNotFound(part);
      }
    }
    for (const index of this.resolve(expression, true)) {
      this.indices.delete(index.name);
      this.logs.get(index.name)?.flush(index);
      this.logs.delete(index.name);
      this.staleMeta.delete(index.name);
      this.aliases.removeIndex(index.name);
      this.dataDir?.removeIndex(index.name);
    }
    this.aliasesStale = true;
    this.flush();
    return { acknowledged: true };
  }

  /** The `_bulk` API without HTTP: what the benchmark drives. Sources are kept as given, not copied: do not mutate them afterwards. */
  bulk(operations: readonly BulkOperation[], refresh: RefreshPolicy = 'false'): BulkResponse {
    const response = executeBulk(this, operations, refresh);
    this.flush();
    return response;
  }

  /** The `_search` API without HTTP. Hits share `_source` objects with the engine: treat them as read-only. */
  search(target: string, body: unknown, params?: URLSearchParams): SearchResponse {
    return search(this, target, body, params);
  }

  /** The `_count` API without HTTP. */
  count(target: string, body: unknown, params?: URLSearchParams): number {
    return count(this, target, body, params).count;
  }

  markMetaStale(name: string): void {
    this.staleMeta.add(name);
  }

  markAliasesStale(): void {
    this.aliasesStale = true;
  }

  refresh(expression?: string): { _shards: { total: number; successful: number; failed: number } } {
    const indices = expression === undefined ? [...this.indices.values()] : this.resolve(expression);
    for (const index of indices) index.refresh();
    return { _shards: { total: indices.length * 2, successful: indices.length, failed: 0 } };
  }

  private refreshDue(): void {
    const now = Date.now();
    for (const index of this.indices.values()) {
      const interval = index.settings.refreshIntervalMs;
      if (interval >= 0 && index.hasPendingWrites && now - index.lastRefresh >= interval) index.refresh();
    }
  }

  /** Persists buffered log lines and changed metadata; called after every request. */
  flush(): void {
    const dir = this.dataDir;
    if (dir === undefined) return;
    for (const name of this.staleMeta) {
      const index = this.indices.get(name);
      if (index === undefined) continue;
      dir.writeMeta({ ...index.meta, settings: index.settings.raw, mappings: index.mapping.toJson() });
    }
    this.staleMeta.clear();
    for (const [name, log] of this.logs) log.flush(this.indices.get(name)!);
    if (this.aliasesStale) dir.writeAliases(this.aliases.toJson());
    this.aliasesStale = false;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.flush();
    for (const [name, log] of this.logs) log.close(this.indices.get(name)!);
    this.logs.clear();
    this.dataDir?.unlock();
  }
}
