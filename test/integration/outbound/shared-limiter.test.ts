import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCallLog } from '../../../functions/adapters/dynamodb/call-log.dynamodb.ts';
import { DynamoRateCounter } from '../../../functions/adapters/dynamodb/rate-limits.dynamodb.ts';
import { FetchOutboundHttp } from '../../../functions/adapters/http/outbound-http.fetch.ts';
import { systemResolver } from '../../../functions/adapters/http/guarded-dispatcher.ts';
import { SharedLimiter, systemClock } from '../../../functions/domain/outbound/shared-limiter.ts';
import { parseOutboundConfig } from '../../../functions/platform/outbound-config.ts';
import { startControlTable, type ControlTable } from '../../helpers/control-table.ts';
import { startServer, type TestServer } from '../../unit/adapters/http/outbound-fixtures.ts';

const LIMIT = 5;
const WINDOW_S = 2;
const CLIENTS = 3;
const CALLS_PER_CLIENT = 6;
const WS = 'ws-outbound-it';

/** The provider's side: fixed windows aligned on the epoch, 429 + Retry-After beyond LIMIT. */
async function limitedProvider(): Promise<{ server: TestServer; tally: { served: number; rejected: number } }> {
  const counts = new Map<number, number>();
  const tally = { served: 0, rejected: 0 };
  const server = await startServer((_req, res) => {
    const now = Date.now();
    const window = Math.floor(now / (WINDOW_S * 1000));
    const count = (counts.get(window) ?? 0) + 1;
    counts.set(window, count);
    if (count > LIMIT) {
      tally.rejected += 1;
      res.writeHead(429, { 'retry-after': String(Math.ceil(((window + 1) * WINDOW_S * 1000 - now) / 1000)) }).end();
    } else {
      tally.served += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    }
  });
  return { server, tally };
}

describe('shared rate limits across clients, on DynamoDB Local', () => {
  let table: ControlTable;
  beforeAll(async () => {
    table = await startControlTable();
  });
  afterAll(() => table.stop());

  it('It should keep several concurrent clients together under the provider limit: no 429, every call served and logged', async () => {
    const { server: provider, tally } = await limitedProvider();
    const config = parseOutboundConfig({ PROVIDER_ROCKETREACH_BASE_URL: provider.origin, OUTBOUND_ALLOW_HOSTS: `127.0.0.1:${provider.port}`, PROVIDER_ROCKETREACH_MAX_RETRIES: '0' });
    // The provider counts per WINDOW_S seconds, a window env cannot name: the client gets the same pace directly.
    const providers = { ...config.providers, rocketreach: { ...config.providers.rocketreach, rateLimits: [{ limit: LIMIT, windowMs: WINDOW_S * 1000 }] } };
    const clients = Array.from({ length: CLIENTS }, () => {
      const doc = table.client();
      return new FetchOutboundHttp({
        config: { ...config, providers },
        limiter: new SharedLimiter(new DynamoRateCounter(doc, table.tableName), systemClock),
        callLog: new DynamoCallLog(doc, table.tableName),
        clock: systemClock,
        resolver: systemResolver,
      });
    });
    const from = new Date().toISOString();
    try {
      const results = await Promise.all(
        clients.map(async (http, c) => {
          const statuses: number[] = [];
          for (let i = 0; i < CALLS_PER_CLIENT; i++) {
            const response = await http.request({ provider: 'rocketreach', operation: 'lookup', url: `/lookup?c=${c}&i=${i}`, workspaceId: WS, credits: 1, maxWaitMs: 60_000 });
            statuses.push(response.status);
          }
          return statuses;
        }),
      );

      expect(tally.rejected).toBe(0);
      expect(tally.served).toBe(CLIENTS * CALLS_PER_CLIENT);
      expect(results.flat().every((status) => status === 200)).toBe(true);
      const logged = await new DynamoCallLog(table.client(), table.tableName).query({ workspaceId: WS, provider: 'rocketreach', from, to: new Date().toISOString() });
      expect(logged.entries).toHaveLength(CLIENTS * CALLS_PER_CLIENT);
      expect(logged.entries.every((e) => e.status === 200 && e.credits === 1 && e.operation === 'lookup')).toBe(true);
      const other = await new DynamoCallLog(table.client(), table.tableName).query({ workspaceId: 'ws-other', provider: 'rocketreach', from, to: new Date().toISOString() });
      expect(other.entries).toHaveLength(0);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
      await provider.close();
    }
  });

  it('It should share a concurrency cap: two clients never have more than the cap in flight at the provider', async () => {
    let inFlight = 0;
    let peak = 0;
    const provider = await startServer((_req, res) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        res.writeHead(200).end();
      }, 50);
    });
    const config = parseOutboundConfig({ PROVIDER_EDGAR_BASE_URL: provider.origin, PROVIDER_EDGAR_RATE_LIMITS: '', PROVIDER_EDGAR_CONCURRENCY: '2', OUTBOUND_ALLOW_HOSTS: `127.0.0.1:${provider.port}` });
    const clients = Array.from({ length: 2 }, () => {
      const doc = table.client();
      return new FetchOutboundHttp({ config, limiter: new SharedLimiter(new DynamoRateCounter(doc, table.tableName), systemClock), callLog: new DynamoCallLog(doc, table.tableName), clock: systemClock, resolver: systemResolver });
    });
    try {
      await Promise.all(clients.flatMap((http) => Array.from({ length: 4 }, (_, i) => http.request({ provider: 'edgar', operation: 'filing', url: `/f/${i}`, workspaceId: WS, maxWaitMs: 60_000 }))));

      expect(provider.requests).toHaveLength(8);
      expect(peak).toBeLessThanOrEqual(2);
      expect(peak).toBeGreaterThan(0);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
      await provider.close();
    }
  });
});
