/**
 * Apollo collection throughput under a rate limit: the collection job's own code (runner, page
 * worker) through the real API adapter, outbound client and shared limiter, against the fake
 * Apollo with its per-minute limit set to N and the provider's limit configured to the same N.
 * Job, segment and record stores are the in-memory doubles the unit tests use (the DynamoDB
 * paths are measured by the upsert-path benchmark), so the figures are about pacing, not storage.
 *
 * Printed: organisations saved per hour beside the most N requests a minute allow (100 a page;
 * goal ≥ 0.9), pages lost against the fake's ground truth (goal 0), 429s the fake answered and
 * rate-limit refusals that reached a task (goal 0), and the run's duration.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloApiSource } from '../functions/adapters/apollo/apollo-api.source.ts';
import { systemResolver } from '../functions/adapters/http/guarded-dispatcher.ts';
import { FetchOutboundHttp } from '../functions/adapters/http/outbound-http.fetch.ts';
import { collectPage, type CollectPageDeps, type CollectPageResult } from '../functions/domain/apollo/collect-page.ts';
import { runApolloCollection, type ApolloCollectionDeps } from '../functions/domain/apollo/run-apollo-collection.ts';
import type { Job } from '../functions/domain/jobs/job.ts';
import type { JobRunOutcome } from '../functions/domain/jobs/runner.ts';
import { SharedLimiter, systemClock } from '../functions/domain/outbound/shared-limiter.ts';
import { parseOutboundConfig } from '../functions/platform/outbound-config.ts';
import type { PageTaskMessage, PageTaskQueue } from '../functions/ports/apollo-collection.port.ts';
import { ApolloSourceError, type ApolloSource } from '../functions/ports/apollo-source.port.ts';
import { OutboundRequeueError } from '../functions/ports/outbound-http.port.ts';
import type { StoredItem, UpsertOutcome } from '../functions/ports/records.port.ts';
import type { PreparedRecord } from '../functions/domain/records/prepare.ts';
import { NO_FAULTS } from '../lib/local/fakes/fake-provider.ts';
import { APOLLO_INDUSTRIES, apolloGroundTruth, FAKE_APOLLO_API_KEY, startFakeApollo } from '../lib/local/fakes/apollo/index.ts';
import { MemoryCollectionStore } from '../test/helpers/memory-apollo-collection.ts';
import { MemoryJobStore } from '../test/unit/domain/jobs/memory-job-store.ts';
import { MemoryCallLog, MemoryCounter } from '../test/unit/adapters/http/outbound-fixtures.ts';
import { describeMachine } from './machine.ts';

const SEED = 'bench:apollo-collection';
const WS = 'bench-apollo';
const JOB = '01900000-0000-7000-8000-0000000000b1';
const ORGS_PER_PAGE = 100;
const RATE_GOAL = 0.9;
/** Page messages delivered at once, as SQS hands a worker fleet several. */
const PAGE_WORKERS = 4;
/** The runner's slice before it asks to continue, as a Lambda's remaining time would end it. */
const RUNNER_SLICE_MS = 5_000;
const RUNNER_POLL_MS = 250;
const IDLE_POLL_MS = 20;

export interface ApolloCollectionBenchOptions {
  /** Requests a minute the fake allows and the provider's limit is set to. */
  readonly ratePerMinute: number;
  /** The search: this many of the fake's industries (more industries, more pages). */
  readonly industries: number;
}

/** The page queue with SQS's delays honoured in real time. */
class DelayedQueue implements PageTaskQueue {
  private readonly ready: { message: PageTaskMessage; at: number }[] = [];
  async send(messages: readonly PageTaskMessage[], delaySeconds?: number): Promise<void> {
    for (const message of messages) this.ready.push({ message, at: Date.now() + (delaySeconds ?? 0) * 1000 });
  }
  take(): PageTaskMessage | undefined {
    const index = this.ready.findIndex((entry) => entry.at <= Date.now());
    return index < 0 ? undefined : this.ready.splice(index, 1)[0]?.message;
  }
}

/** Records kept by uuid, as the upsert path would keep them. */
class Records {
  readonly items = new Map<string, StoredItem>();
  async get(_ws: string, entity: string, uuid: string) {
    return this.items.get(`${entity}#${uuid}`);
  }
  async upsertMany(_ws: string, records: readonly PreparedRecord[]): Promise<UpsertOutcome[]> {
    return records.map((record) => {
      this.items.set(`${record.entity}#${record.uuid}`, { ...record.fields, extra: record.extra, uuid: record.uuid });
      return { ok: true, uuid: record.uuid, created: true };
    });
  }
}

/** Forwards to the fake and counts its answers by status: the fake itself keeps no such count. */
async function countingProxy(target: string): Promise<{ url: string; statuses: Map<number, number>; close: () => Promise<void> }> {
  const statuses = new Map<number, number>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name, value]) => typeof value === 'string' && name !== 'host' && name !== 'content-length')) as Record<string, string>;
      const answer = await fetch(`${target}${request.url ?? '/'}`, { method: request.method ?? 'GET', headers, ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}) });
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const body = Buffer.from(await answer.arrayBuffer());
      const out: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (name !== 'content-encoding' && name !== 'content-length' && name !== 'transfer-encoding') out[name] = value;
      });
      response.writeHead(answer.status, out).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, statuses, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function sourceFor(baseUrl: string, ratePerMinute: number): ApolloSource {
  const config = parseOutboundConfig({ PROVIDER_APOLLO_BASE_URL: baseUrl, PROVIDER_APOLLO_RATE_LIMITS: `${ratePerMinute}/min`, OUTBOUND_ALLOW_HOSTS: new URL(baseUrl).host });
  const limiter = new SharedLimiter(new MemoryCounter(), systemClock);
  const http = new FetchOutboundHttp({ config, limiter, callLog: new MemoryCallLog(), clock: systemClock, resolver: systemResolver });
  return new ApolloApiSource({ http, apiKey: FAKE_APOLLO_API_KEY });
}

/** Why a rate-limit refusal reached the job's code: the limiter's own wait, or an answer 429. */
type RefusalCause = 'limiter wait over the bound' | '429 with a long Retry-After' | '429 after retries';

function causeOf(error: ApolloSourceError): RefusalCause {
  const cause = error.cause;
  if (!(cause instanceof OutboundRequeueError)) return '429 after retries';
  // The limiter names its scope (`apollo#<workspace>`); the retry loop names the provider alone.
  return cause.provider.includes('#') ? 'limiter wait over the bound' : '429 with a long Retry-After';
}

/** Counts every rate-limit refusal the source hands to the job's code (planning or a page), by cause. */
function countingRefusals(source: ApolloSource): { source: ApolloSource; refusals: Map<RefusalCause, number> } {
  const refusals = new Map<RefusalCause, number>();
  const wrapped: ApolloSource = Object.assign(Object.create(source) as ApolloSource, {
    search: async (...args: Parameters<ApolloSource['search']>) => {
      try {
        return await source.search(...args);
      } catch (error) {
        if (error instanceof ApolloSourceError && error.code === 'RATE_LIMITED') refusals.set(causeOf(error), (refusals.get(causeOf(error)) ?? 0) + 1);
        throw error;
      }
    },
    close: async () => undefined,
  });
  return { source: wrapped, refusals };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function runToCompletion(runDeps: ApolloCollectionDeps, pageDeps: CollectPageDeps, jobs: MemoryJobStore, queue: DelayedQueue): Promise<{ outcome: JobRunOutcome; pages: Map<CollectPageResult | 'thrown', number>; thrown: Map<string, number> }> {
  const pages = new Map<CollectPageResult | 'thrown', number>();
  const thrown = new Map<string, number>();
  let finished = false;
  const worker = async () => {
    while (!finished) {
      const message = queue.take();
      if (!message) {
        await sleep(IDLE_POLL_MS);
        continue;
      }
      const result = await collectPage(pageDeps, message).catch(async (error: unknown) => {
        // As SQS would: the message comes back after a short visibility timeout.
        await queue.send([message], 1);
        const code = error instanceof ApolloSourceError ? `${error.code}: ${error.message.slice(0, 80)}` : String(error).slice(0, 80);
        thrown.set(code, (thrown.get(code) ?? 0) + 1);
        return 'thrown' as const;
      });
      pages.set(result, (pages.get(result) ?? 0) + 1);
    }
  };
  const workers = Array.from({ length: PAGE_WORKERS }, worker);
  let outcome: JobRunOutcome;
  for (;;) {
    const sliceEnd = Date.now() + RUNNER_SLICE_MS;
    const job = jobs.jobs.get(`${WS}/${JOB}`) as Job;
    outcome = await runApolloCollection(runDeps, { job, jobs, events: { publish: async () => undefined }, remainingMs: () => sliceEnd - Date.now() });
    if (outcome.outcome !== 'continue') break;
  }
  finished = true;
  await Promise.all(workers);
  return { outcome, pages, thrown };
}

export async function runApolloCollectionBench(opts: ApolloCollectionBenchOptions): Promise<void> {
  console.log(`\n## Apollo collection under a rate limit of ${opts.ratePerMinute}/min — ${describeMachine()}`);
  const tagIds = APOLLO_INDUSTRIES.slice(0, opts.industries).map((industry) => industry.tagId);
  const truth = apolloGroundTruth({ seed: SEED, params: { organization_industry_tag_ids: tagIds } });
  const fake = await startFakeApollo({ host: '127.0.0.1', port: 0, seed: SEED, knobs: NO_FAULTS, apolloKnobs: { ratePerMinute: opts.ratePerMinute, ratePerHour: 0, ratePerDay: 0 } });
  const proxy = await countingProxy(fake.url);
  try {
    const jobs = new MemoryJobStore();
    const at = new Date().toISOString();
    const query = tagIds.map((tagId) => `organizationIndustryTagIds[]=${tagId}`).join('&');
    jobs.seed({
      id: JOB, workspaceId: WS, type: 'apollo_collection', status: 'processing', data: { apollo_url: `https://app.apollo.io/#/companies?${query}`, task_name: 'bench', include_people: false },
      retryCount: 3, attempts: 0, progress: 0, counters: {}, createdAt: at, updatedAt: at, version: 1,
    } as unknown as Job);
    const store = new MemoryCollectionStore();
    const queue = new DelayedQueue();
    const records = new Records();
    const counted = countingRefusals(sourceFor(proxy.url, opts.ratePerMinute));
    const openSource = async () => counted.source;
    const catalogues = { industries: APOLLO_INDUSTRIES.map((industry) => industry.tagId) };
    const runDeps: ApolloCollectionDeps = { store, queue, openSource, allowedHosts: new Set(['app.apollo.io']), catalogues, pollIntervalMs: RUNNER_POLL_MS };
    const pageDeps: CollectPageDeps = { jobs, store, queue, records, openSource };
    const started = performance.now();
    const startedAt = Date.now();
    const { outcome, pages, thrown } = await runToCompletion(runDeps, pageDeps, jobs, queue);
    const seconds = (performance.now() - started) / 1000;
    printFigures({ opts, seconds, outcome, pages, thrown, truth, store, records, statuses: proxy.statuses, refusals: counted.refusals, startedAt, endedAt: Date.now() });
  } finally {
    await proxy.close();
    await fake.close();
  }
}

interface Figures {
  readonly opts: ApolloCollectionBenchOptions;
  readonly seconds: number;
  readonly outcome: JobRunOutcome;
  readonly pages: Map<string, number>;
  readonly thrown: Map<string, number>;
  readonly truth: { readonly ids: readonly string[]; readonly total: number; readonly totalEntries: number };
  readonly store: MemoryCollectionStore;
  readonly records: Records;
  readonly statuses: Map<number, number>;
  readonly refusals: ReadonlyMap<RefusalCause, number>;
  readonly startedAt: number;
  readonly endedAt: number;
}

const MINUTE_MS = 60_000;

function printFigures(f: Figures): void {
  const collected = new Set([...f.store.seenSet.entries()].filter(([key, state]) => key.startsWith(`${WS}#${JOB}#`) && state === 'completed').map(([key]) => key.split('#')[2]));
  const truthIds = new Set(f.truth.ids);
  const missing = f.truth.ids.filter((id) => !collected.has(id));
  const extra = [...collected].filter((id) => id !== undefined && !truthIds.has(id));
  // A lost page loses its rows: the organisations missing, in pages of 100 (rounded up).
  const pagesLost = Math.ceil(missing.length / ORGS_PER_PAGE);
  const served = f.statuses.get(200) ?? 0;
  const tooMany = f.statuses.get(429) ?? 0;
  const refusals = [...f.refusals.values()].reduce((sum, n) => sum + n, 0);
  const refusalsFrom429 = refusals - (f.refusals.get('limiter wait over the bound') ?? 0);
  const perHour = (collected.size / f.seconds) * 3_600;
  const allowedPerHour = f.opts.ratePerMinute * 60 * ORGS_PER_PAGE;
  const ratio = perHour / allowedPerHour;
  // A short run can use a whole window's allowance at its start and another at its end: measured
  // against the minute windows it touched, the ratio cannot exceed 1.
  const windows = Math.floor(f.endedAt / MINUTE_MS) - Math.floor(f.startedAt / MINUTE_MS) + 1;
  const windowRatio = collected.size / (windows * f.opts.ratePerMinute * ORGS_PER_PAGE);
  const expectedPages = Math.ceil(f.truth.totalEntries / ORGS_PER_PAGE);
  console.log(`search: ${f.opts.industries} industries, ${f.truth.total} organisations (${f.truth.totalEntries} rows with repeats, ${expectedPages} pages of ${ORGS_PER_PAGE}); outcome ${f.outcome.outcome}`);
  console.log('Limiter: the shared fixed-window limiter (SharedLimiter) on an in-memory counter; stores: in-memory doubles.');
  console.log('| N/min | duration s | orgs saved | orgs/h | most N allows (orgs/h) | ratio (wall time) | minute windows touched | ratio (windows touched) | requests 200 | pages lost | orgs missing | orgs not in truth | 429s from fake | rate limits reaching a task | of them from a 429 |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  console.log(`| ${f.opts.ratePerMinute} | ${f.seconds.toFixed(1)} | ${collected.size} | ${perHour.toFixed(0)} | ${allowedPerHour} | ${ratio.toFixed(3)} | ${windows} | ${windowRatio.toFixed(3)} | ${served} | ${pagesLost} | ${missing.length} | ${extra.length} | ${tooMany} | ${refusals} | ${refusalsFrom429} |`);
  console.log(`rate limits reaching a task, by cause: ${JSON.stringify(Object.fromEntries(f.refusals))}`);
  console.log(`page results: ${JSON.stringify(Object.fromEntries(f.pages))}; statuses from the fake: ${JSON.stringify(Object.fromEntries(f.statuses))}`);
  if (f.thrown.size > 0) console.log(`page deliveries that threw (redelivered after 1 s): ${JSON.stringify(Object.fromEntries(f.thrown))}`);
  const met = Math.min(ratio, windowRatio) >= RATE_GOAL && pagesLost === 0 && refusalsFrom429 === 0;
  console.log(`goal: ratio ≥ ${RATE_GOAL} (both), zero pages lost, zero 429s reaching a task → ${met ? 'met' : 'NOT met'}`);
  console.log('(ratios count distinct organisations: the fake repeats about 2% of rows and planning spends requests on counts; runs shorter than ~10 minutes overstate the wall-time ratio)');
}
