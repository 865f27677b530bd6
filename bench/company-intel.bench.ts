/**
 * Company intelligence against the fakes, scored on their ground truth:
 *
 * 1. EDGAR throughput: the monitor job's own code (`runMonitorSignals` → EDGAR adapter → signal
 *    detection) against the fake EDGAR started through the fake frame, through the real outbound
 *    client and shared limiter (its counters in memory: the DynamoDB counter needs DynamoDB
 *    Local, which the rate-limiter benchmark already measures). Requests and filings per second
 *    beside EDGAR's 10 requests/s allowance (goal ≥ 0.8 of it) and the 403s the fake gave (goal 0).
 * 2. Signal precision and recall per type against `/__fake/edgar/truth`.
 * 3. Customer-to-ticker matching (./customer-tickers.scoring.ts).
 */
import { EdgarClient } from '../functions/adapters/edgar/edgar.client.ts';
import { systemResolver } from '../functions/adapters/http/guarded-dispatcher.ts';
import { FetchOutboundHttp } from '../functions/adapters/http/outbound-http.fetch.ts';
import type { Job } from '../functions/domain/jobs/job.ts';
import type { JobRunContext } from '../functions/domain/jobs/runner.ts';
import { SharedLimiter, systemClock } from '../functions/domain/outbound/shared-limiter.ts';
import { templateBriefWriter } from '../functions/domain/signals/persona-briefs.ts';
import { runMonitorSignals } from '../functions/domain/signals/run-monitor-signals.ts';
import type { Signal } from '../functions/domain/signals/signal.ts';
import { parseOutboundConfig } from '../functions/platform/outbound-config.ts';
import type { CompanyTicker } from '../functions/ports/company-tickers.port.ts';
import type { EdgarCacheEntry } from '../functions/ports/edgar-filings.port.ts';
import type { JobEvents } from '../functions/ports/job-events.port.ts';
import type { JobStore } from '../functions/ports/jobs.port.ts';
import { NO_FAULTS } from '../lib/local/fakes/fake-provider.ts';
import { EDGAR_CONTROL_PREFIX, EDGAR_REQUESTS_PER_SECOND, fakeEdgar } from '../lib/local/fakes/edgar/index.ts';
import type { EdgarTruth, FairAccessStats } from '../lib/local/fakes/edgar/index.ts';
import { MemoryCallLog, MemoryCounter } from '../test/unit/adapters/http/outbound-fixtures.ts';
import { runCustomerTickersPart } from './customer-tickers.scoring.ts';
import { printScoreTable, scoreByLabel } from './intel-scoring.ts';
import { describeMachine } from './machine.ts';

/** One seed for the fake EDGAR and the fake web, so runs are comparable. */
export const INTEL_SEED = 'bench:company-intel';
const WORKSPACE = 'bench-company-intel';
const CONTACT = 'bench@leadstack.example';
/** The fake's filings go back a year; the monitor reads all of them. */
const LOOK_BACK_DAYS = 365;
const DAY_MS = 86_400_000;
/** The goal: at least this share of EDGAR's allowance used. */
const RATE_GOAL = 0.8;

export interface CompanyIntelBenchOptions {
  /** Registrants monitored (each costs one submissions call plus one per 8-K with a signal item). */
  readonly companies: number;
}

const control = async <T>(baseUrl: string, name: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${baseUrl}${EDGAR_CONTROL_PREFIX}${name}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`fake EDGAR control ${name}: HTTP ${response.status}`);
  return (await response.json()) as T;
};

function edgarClientFor(baseUrl: string): EdgarClient {
  const config = parseOutboundConfig({ PROVIDER_EDGAR_BASE_URL: baseUrl, OUTBOUND_ALLOW_HOSTS: new URL(baseUrl).host });
  const limiter = new SharedLimiter(new MemoryCounter(), systemClock);
  const http = new FetchOutboundHttp({ config, limiter, callLog: new MemoryCallLog(), clock: systemClock, resolver: systemResolver });
  const entries = new Map<string, EdgarCacheEntry>();
  const cache = { get: async (key: string) => entries.get(key), put: async (key: string, entry: EdgarCacheEntry) => void entries.set(key, entry) };
  return new EdgarClient({ http, cache, clock: systemClock, baseUrl, contactEmail: CONTACT });
}

/** The job context a worker would give, kept in memory: reports always land, events go nowhere. */
function jobContext(data: Record<string, unknown>): JobRunContext {
  const now = new Date().toISOString();
  const job = { id: 'bench-monitor', workspaceId: WORKSPACE, type: 'monitor_signals', status: 'processing', data, retryCount: 1, attempts: 1, progress: 0, counters: {}, createdAt: now, updatedAt: now } as unknown as Job;
  const jobs = { report: async () => true } as unknown as JobStore;
  const events: JobEvents = { publish: async () => undefined } as unknown as JobEvents;
  return { job, jobs, events, remainingMs: () => Number.POSITIVE_INFINITY };
}

/** The first `count` registrants of the list, one ticker each (share classes are one registrant). */
function pickRegistrants(list: readonly CompanyTicker[], count: number): CompanyTicker[] {
  const seen = new Set<string>();
  const picked: CompanyTicker[] = [];
  for (const row of list) {
    if (picked.length >= count) break;
    if (seen.has(row.cik)) continue;
    seen.add(row.cik);
    picked.push(row);
  }
  return picked;
}

const refusedOf = (stats: FairAccessStats): number => stats.refused.rateExceeded + stats.refused.coolingDown + stats.refused.undeclared;

async function throughputAndSignals(baseUrl: string, client: EdgarClient, opts: CompanyIntelBenchOptions): Promise<readonly CompanyTicker[]> {
  const truth = await control<EdgarTruth>(baseUrl, 'truth');
  const since = new Date(new Date(`${truth.asOf}T00:00:00Z`).getTime() - LOOK_BACK_DAYS * DAY_MS).toISOString().slice(0, 10);
  await control(baseUrl, 'fair-access', { reset: true });
  const started = performance.now();
  const startedAt = Date.now();
  const list = await client.list({ workspaceId: WORKSPACE });
  const targets = pickRegistrants(list, opts.companies);
  const found: Signal[] = [];
  const deps = { tickers: client, filings: client, signals: { upsert: async (_ws: string, signals: readonly Signal[]) => void found.push(...signals) }, clients: { find: async () => undefined }, briefs: templateBriefWriter, defaultLookbackDays: LOOK_BACK_DAYS };
  const outcome = await runMonitorSignals(deps, jobContext({ companies: targets.map((t) => ({ ticker: t.ticker })), since }));
  const seconds = (performance.now() - started) / 1000;
  // The fake counts on epoch-aligned seconds: the allowance is 10 per window the run touched.
  const windows = Math.floor(Date.now() / 1000) - Math.floor(startedAt / 1000) + 1;
  const stats = await control<FairAccessStats>(baseUrl, 'fair-access');
  if (outcome.outcome !== 'completed') throw new Error(`monitor run ended ${outcome.outcome}`);
  const filingsRead = Number(outcome.result.filings_read);
  const requestsPerSecond = stats.served / seconds;
  const rateShare = stats.served / (windows * EDGAR_REQUESTS_PER_SECOND);
  const refused = refusedOf(stats);
  console.log('Limiter: the shared fixed-window limiter (SharedLimiter) on an in-memory counter (MemoryCounter), not DynamoDB.');
  console.log(`| companies | filings read | requests served | wall s | seconds (windows) touched | filings/s | requests/s | served ÷ (${EDGAR_REQUESTS_PER_SECOND} × windows) | filings/s ÷ ${EDGAR_REQUESTS_PER_SECOND} | peak in one second | 403s |`);
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  console.log(`| ${targets.length} | ${filingsRead} | ${stats.served} | ${seconds.toFixed(1)} | ${windows} | ${(filingsRead / seconds).toFixed(2)} | ${requestsPerSecond.toFixed(2)} | ${rateShare.toFixed(3)} | ${(filingsRead / seconds / EDGAR_REQUESTS_PER_SECOND).toFixed(3)} | ${stats.peakPerSecond} | ${refused} |`);
  console.log(`goal: served ÷ allowance ≥ ${RATE_GOAL} and zero 403s → ${rateShare >= RATE_GOAL && refused === 0 ? 'met' : 'NOT met'}`);
  console.log('(each company costs one submissions request beside its filings, so filings/s stays below requests/s by design)');

  const checked = new Set(targets.map((t) => Number(t.cik)));
  const expected = new Map<string, string>();
  for (const filing of truth.filings) {
    if (!checked.has(filing.cik) || filing.pending || filing.filingDate < since) continue;
    for (const signal of filing.signals) expected.set(`${filing.accessionNumber}#${signal.type}`, signal.type);
  }
  const detected = new Map(found.map((s) => [`${s.accession_number}#${s.signal_type}`, s.signal_type] as const));
  console.log(`\nSignals against the fake's ground truth (${checked.size} companies, filings since ${since}, pending filings excluded):`);
  printScoreTable('signal type', scoreByLabel(expected, detected));
  return list;
}

export async function runCompanyIntelBench(opts: CompanyIntelBenchOptions): Promise<void> {
  console.log(`\n## Company intelligence: EDGAR monitoring and customer tickers on the fakes — ${describeMachine()}`);
  const fake = await fakeEdgar.start({ host: '127.0.0.1', port: 0, seed: INTEL_SEED, knobs: NO_FAULTS });
  try {
    const client = edgarClientFor(fake.url);
    const list = await throughputAndSignals(fake.url, client, opts);
    runCustomerTickersPart(list, INTEL_SEED);
  } finally {
    await fake.close();
  }
}
