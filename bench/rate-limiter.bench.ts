/**
 * The shared rate limiter: WORKERS concurrent outbound clients (each with its own DynamoDB
 * client, as separate Lambdas would be) call a loopback fake that allows N calls per window
 * (fixed windows aligned on the epoch) and answers 429 + Retry-After beyond it. The limiter
 * shares its counters through DynamoDB Local. Measured over whole windows:
 * achieved rate / N (goal ≥ 0.9) and the number of 429s (goal zero).
 */
import { DynamoCallLog } from '../functions/adapters/dynamodb/call-log.dynamodb.ts';
import { DynamoRateCounter } from '../functions/adapters/dynamodb/rate-limits.dynamodb.ts';
import { systemResolver } from '../functions/adapters/http/guarded-dispatcher.ts';
import { FetchOutboundHttp } from '../functions/adapters/http/outbound-http.fetch.ts';
import { SharedLimiter, systemClock } from '../functions/domain/outbound/shared-limiter.ts';
import { parseOutboundConfig } from '../functions/platform/outbound-config.ts';
import { startControlTable } from '../test/helpers/control-table.ts';
import { startServer } from '../test/unit/adapters/http/outbound-fixtures.ts';
import { describeMachine } from './machine.ts';

const WORKERS = 4;
const WORKSPACE = 'bench-rate-limiter';

export interface RateLimiterBenchOptions {
  /** Calls the fake allows per window. */
  readonly limit: number;
  readonly windowMs: number;
  /** Whole windows measured. */
  readonly windows: number;
}

export async function runRateLimiterBench(opts: RateLimiterBenchOptions): Promise<void> {
  console.log(`\n## Shared rate limiter: ${WORKERS} workers against a fake allowing ${opts.limit} calls per ${opts.windowMs / 1000} s, ${opts.windows} windows — ${describeMachine()}`);
  const counts = new Map<number, number>();
  const tally = { servedInSpan: 0, rejected: 0, rejectedInSpan: 0 };
  let span = { start: Number.POSITIVE_INFINITY, end: 0 };
  const fake = await startServer((_req, res) => {
    const now = Date.now();
    const window = Math.floor(now / opts.windowMs);
    const count = (counts.get(window) ?? 0) + 1;
    counts.set(window, count);
    if (count > opts.limit) {
      tally.rejected += 1;
      if (now >= span.start && now < span.end) tally.rejectedInSpan += 1;
      res.writeHead(429, { 'retry-after': String(Math.ceil(((window + 1) * opts.windowMs - now) / 1000)) }).end();
      return;
    }
    if (now >= span.start && now < span.end) tally.servedInSpan += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  const table = await startControlTable();
  const config = parseOutboundConfig({ PROVIDER_ROCKETREACH_BASE_URL: fake.origin, OUTBOUND_ALLOW_HOSTS: `127.0.0.1:${fake.port}`, PROVIDER_ROCKETREACH_MAX_RETRIES: '0' });
  const providers = { ...config.providers, rocketreach: { ...config.providers.rocketreach, concurrency: WORKERS, rateLimits: [{ limit: opts.limit, windowMs: opts.windowMs }] } };
  const clients = Array.from({ length: WORKERS }, () => {
    const doc = table.client();
    return new FetchOutboundHttp({ config: { ...config, providers }, limiter: new SharedLimiter(new DynamoRateCounter(doc, table.tableName), systemClock), callLog: new DynamoCallLog(doc, table.tableName), clock: systemClock, resolver: systemResolver });
  });
  try {
    // Measure from the next window boundary; calls before it warm up the clients and the table.
    const start = Math.ceil(Date.now() / opts.windowMs) * opts.windowMs;
    span = { start, end: start + opts.windows * opts.windowMs };
    const stop = AbortSignal.timeout(span.end - Date.now());
    let calls = 0;
    await Promise.all(
      clients.map(async (http) => {
        while (!stop.aborted) {
          try {
            await http.request({ provider: 'rocketreach', operation: 'bench', url: '/call', workspaceId: WORKSPACE, maxWaitMs: opts.windowMs * 2, signal: stop });
            calls += 1;
          } catch (error) {
            if (!stop.aborted) throw error;
          }
        }
      }),
    );
    const allowed = opts.limit * opts.windows;
    console.log('| workers | calls made | served in the measured windows | allowed (N × windows) | achieved / N | 429s (in the measured windows) |');
    console.log('|---|---|---|---|---|---|');
    console.log(`| ${WORKERS} | ${calls} | ${tally.servedInSpan} | ${allowed} | ${(tally.servedInSpan / allowed).toFixed(3)} | ${tally.rejected} (${tally.rejectedInSpan}) |`);
    console.log(`goal: achieved / N ≥ 0.9 and zero 429s → ${tally.servedInSpan / allowed >= 0.9 && tally.rejected === 0 ? 'met' : 'NOT met'}`);
  } finally {
    await Promise.all(clients.map((c) => c.close()));
    await table.stop();
    await fake.close();
  }
}
