/**
 * The embedded OpenSearch-compatible engine (lib/local/search-engine, written separately).
 *
 * It is loaded by a computed specifier while it is being written, so the rest of the local
 * cloud builds and runs without it; when it is absent the search endpoint answers 503 and a
 * warning says why.
 */
import { createServer } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CloudLog } from '../log.ts';
import { LOOPBACK, closeServer, httpUrl, listen } from '../net.ts';

export interface SearchEngineHandle {
  url: string;
  port: number;
  close(): Promise<void>;
}
type StartSearchEngine = (opts: { host?: string; port?: number; dataDir?: string }) => Promise<SearchEngineHandle>;

export interface SearchEmulator {
  endpoint: string;
  /** False when the engine module is missing and a placeholder answers instead. */
  available: boolean;
  stop(): Promise<void>;
}

const ENGINE_ENTRY = path.join(import.meta.dirname, '..', 'search-engine', 'index.ts');

const loadEngine = async (): Promise<StartSearchEngine | undefined> => {
  try {
    const mod = (await import(pathToFileURL(ENGINE_ENTRY).href)) as { startSearchEngine?: StartSearchEngine };
    return mod.startSearchEngine;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String(error).includes('search-engine')) return undefined;
    throw error;
  }
};

/** Answers every request 503 so a handler's search call fails loudly rather than hanging. */
const startPlaceholder = async (port: number): Promise<SearchEmulator> => {
  const server = createServer((_req, res) => {
    res.writeHead(503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { type: 'engine_missing', reason: 'lib/local/search-engine is not available' }, status: 503 }));
  });
  const endpoint = httpUrl(await listen(server, port));
  return { endpoint, available: false, stop: () => closeServer(server) };
};

export const startSearch = async (opts: { port: number; dataDir?: string; log: CloudLog }): Promise<SearchEmulator> => {
  const startSearchEngine = await loadEngine();
  if (startSearchEngine === undefined) {
    opts.log.warn('lib/local/search-engine/index.ts is missing: the search endpoint answers 503');
    return startPlaceholder(opts.port);
  }
  const engine = await startSearchEngine({
    host: LOOPBACK,
    port: opts.port,
    ...(opts.dataDir === undefined ? {} : { dataDir: opts.dataDir }),
  });
  opts.log.info(`search engine on ${engine.url}${opts.dataDir === undefined ? '' : ` (${opts.dataDir})`}`);
  return { endpoint: engine.url.replace(/\/$/, ''), available: true, stop: () => engine.close() };
};
