import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@opensearch-project/opensearch';
import { afterAll, beforeAll } from 'vitest';
import { startSearchEngine } from '../../../../lib/local/search-engine/index.ts';
import type { RunningSearchEngine, SearchEngineOptions } from '../../../../lib/local/search-engine/index.ts';

// Tests walk responses field by field, including error bodies and requests the client's typed
// API would refuse on purpose (unsupported features, malformed values); typing each shape here
// would only restate what the assertions check.
type Json = any;

export interface LooseResponse {
  readonly body: Json;
  readonly statusCode: number | null;
}

type Call = (params?: Record<string, unknown>) => Promise<LooseResponse>;

/** The official client, with untyped request parameters. */
export interface LooseClient {
  info: Call;
  search: Call;
  count: Call;
  bulk: Call;
  index: Call;
  create: Call;
  get: Call;
  update: Call;
  delete: Call;
  deleteByQuery: Call;
  mget: Call;
  indices: Record<'create' | 'delete' | 'exists' | 'getMapping' | 'putMapping' | 'getSettings' | 'putSettings' | 'refresh' | 'putAlias' | 'getAlias' | 'existsAlias' | 'updateAliases', Call>;
  cluster: Record<'health', Call>;
  close(): Promise<void>;
}

export interface TestEngine {
  readonly engine: RunningSearchEngine;
  readonly client: LooseClient;
  stop(): Promise<void>;
}

export async function startTestEngine(opts: SearchEngineOptions = {}): Promise<TestEngine> {
  const engine = await startSearchEngine({ port: 0, ...opts });
  const client = new Client({ node: engine.url }) as unknown as LooseClient;
  return {
    engine,
    client,
    stop: async () => {
      await client.close();
      await engine.close();
    },
  };
}

/**
 * One engine for the whole test file, started before its tests (seeded with `seed` when given)
 * and stopped after them. The returned object reads through to the running engine.
 */
export function useTestEngine(seed?: { index: string; docs: readonly Contact[] }): TestEngine {
  let running: TestEngine | undefined;
  beforeAll(async () => {
    running = await startTestEngine();
    if (seed) await seedContacts(running.client, seed.index, seed.docs);
  });
  afterAll(async () => running?.stop());
  const current = (): TestEngine => {
    if (!running) throw new Error('The test engine is used before beforeAll started it');
    return running;
  };
  return {
    get engine() {
      return current().engine;
    },
    get client() {
      return current().client;
    },
    stop: () => current().stop(),
  };
}

/** A fresh directory under the repo's .tmp (never the system temp dir). */
export function tempDataDir(): string {
  return mkdtempSync(join(process.cwd(), '.tmp', 'search-engine-'));
}

export const LOWERCASE_SETTINGS = { analysis: { normalizer: { lowercase: { type: 'custom', filter: ['lowercase'] } } } } as const;

const keyword = { type: 'keyword', normalizer: 'lowercase' } as const;
const text = { type: 'text', analyzer: 'standard', fields: { keyword: { type: 'keyword', normalizer: 'lowercase', ignore_above: 256 } } } as const;

/** Shaped like the contact mapping the records index uses (lib/search-mappings.ts). */
export const CONTACT_MAPPINGS = {
  dynamic: 'strict',
  properties: {
    uuid: { type: 'keyword' },
    workspace_id: { type: 'keyword' },
    first_name: text,
    last_name: text,
    title: text,
    email: keyword,
    country: keyword,
    seniority: keyword,
    departments: keyword,
    employees: { type: 'integer' },
    revenue: { type: 'long' },
    score: { type: 'double' },
    created_at: { type: 'date' },
    verified: { type: 'boolean' },
  },
} as const;

export type Contact = Partial<Record<keyof typeof CONTACT_MAPPINGS.properties, unknown>>;

/** Creates `index` with the contact mapping and indexes `docs` (ids "1", "2", ...), refreshed. */
export async function seedContacts(client: LooseClient, index: string, docs: readonly Contact[]): Promise<void> {
  await client.indices.create({ index, body: { settings: LOWERCASE_SETTINGS, mappings: CONTACT_MAPPINGS } });
  if (docs.length === 0) return;
  const body = docs.flatMap((doc, i) => [{ index: { _index: index, _id: String(i + 1) } }, doc]);
  const response = await client.bulk({ body, refresh: 'true' });
  if (response.body.errors) throw new Error(`seeding failed: ${JSON.stringify(response.body.items)}`);
}

export interface HttpFailure {
  readonly statusCode: number;
  readonly body: { error: { type: string; reason: string; root_cause: Array<{ type: string; reason: string }> }; status: number };
}

/** The status and OpenSearch error body of a request expected to fail. */
export async function failure(request: Promise<unknown>): Promise<HttpFailure> {
  try {
    await request;
  } catch (err) {
    const meta = (err as { meta?: { statusCode?: number; body?: unknown } }).meta;
    if (meta?.statusCode !== undefined) return { statusCode: meta.statusCode, body: meta.body as HttpFailure['body'] };
    throw err;
  }
  throw new Error('expected the request to fail');
}

interface Hit {
  _id: string;
  _score: number | null;
  _source?: Record<string, unknown>;
  sort?: unknown[];
}

export function hitsOf(response: { body: unknown }): Hit[] {
  return (response.body as { hits: { hits: Hit[] } }).hits.hits;
}

export function idsOf(response: { body: unknown }): string[] {
  return hitsOf(response).map((h) => h._id);
}

/** Ids of a search, sorted, for assertions that do not depend on order. */
export async function matchingIds(client: LooseClient, index: string, query: unknown): Promise<string[]> {
  const response = await client.search({ index, body: { query, size: 100 } });
  return idsOf(response).sort((a, b) => Number(a) - Number(b));
}
