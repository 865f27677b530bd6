import type { AddressInfo } from 'node:net';
import { SearchEngine } from './engine.ts';
import { createEngineServer } from './server.ts';

export { SearchEngine } from './engine.ts';
export type { EngineOptions } from './engine.ts';
export { SearchEngineError } from './errors.ts';
export type { BulkOperation, BulkResponse, RefreshPolicy } from './bulk.ts';
export { executeBulk } from './bulk.ts';
export { count, deleteByQuery, search } from './api/search.ts';
export type { SearchResponse } from './search/execute.ts';
export { MAX_BODY_BYTES } from './server.ts';

export interface SearchEngineOptions {
  /** Loopback only: 127.0.0.1 (default), localhost or ::1. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Persist indexes here; undefined keeps everything in memory. */
  dataDir?: string;
}

export interface RunningSearchEngine {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK_BINDS: ReadonlyMap<string, string> = new Map([
  ['127.0.0.1', '127.0.0.1'],
  ['localhost', '127.0.0.1'],
  ['::1', '::1'],
]);

/**
 * Starts the OpenSearch-compatible engine for local development on a loopback port.
 *
 * @example
 * const engine = await startSearchEngine({ port: 0, dataDir: '.leadstack/search' });
 * const client = new Client({ node: engine.url });
 * await engine.close();
 */
export async function startSearchEngine(opts: SearchEngineOptions = {}): Promise<RunningSearchEngine> {
  const bind = LOOPBACK_BINDS.get(opts.host ?? '127.0.0.1');
  if (bind === undefined) throw new Error(`search engine host must be a loopback address (127.0.0.1, localhost or ::1), got ${opts.host}`);
  const engine = await SearchEngine.open({ dataDir: opts.dataDir });
  const server = createEngineServer(engine);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, bind, () => resolve());
    });
  } catch (err) {
    await engine.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const host = bind.includes(':') ? `[${bind}]` : bind;
  return {
    url: `http://${host}:${port}`,
    port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await engine.close();
    },
  };
}
