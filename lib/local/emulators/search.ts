/** The embedded OpenSearch-compatible engine (lib/local/search-engine), on loopback. */
import type { CloudLog } from '../log.ts';
import { LOOPBACK } from '../net.ts';
import { startSearchEngine } from '../search-engine/index.ts';

export interface SearchEmulator {
  endpoint: string;
  stop(): Promise<void>;
}

/** Without `dataDir` the indexes live in memory (ephemeral clouds). */
export const startSearch = async (opts: { port: number; dataDir?: string; log: CloudLog }): Promise<SearchEmulator> => {
  const engine = await startSearchEngine({ host: LOOPBACK, port: opts.port, ...(opts.dataDir === undefined ? {} : { dataDir: opts.dataDir }) });
  opts.log.info(`search engine on ${engine.url} (${opts.dataDir ?? 'in memory'})`);
  return { endpoint: engine.url, stop: () => engine.close() };
};
