/**
 * RocketReach lookups through the local cloud against the fake RocketReach that `npm start` runs:
 *
 * 1. Credits: a bulk of 100 where 50 repeat earlier lookups must cost exactly the 50 new ones,
 *    counted by the fake's own account (`/__fake/usage`), not by our ledger.
 * 2. Throughput: a bulk job against a lowered per-minute limit on the fake, lookups per clock
 *    minute as a share of that limit (goal ≥ 0.9) and lookups that surfaced a 429 (goal 0).
 * 3. Added latency: p50 of `GET /v1/lookups/person` uncached beside the same lookup made straight
 *    against the fake, and of a cached answer.
 */
import { DEFAULT_ROCKETREACH_SETTINGS, FAKE_ROCKETREACH_API_KEY, rocketReachDataset, type FakePerson } from '../lib/local/fakes/rocketreach/index.ts';
import { startLocalCloud } from '../lib/local/cloud.ts';
import { ensureDevWorkspace } from '../lib/local/dev-workspace.ts';
import { DEFAULT_FAKE_SEED } from '../lib/local/options.ts';
import { describeMachine, percentile } from './machine.ts';

const REPEATS = 50;
const BULK_SIZE = 100;
/** The lowered per-minute person-lookup limit the throughput part runs against (keeps it ~2.5 min). */
const THROUGHPUT_LIMIT_PER_MINUTE = 20;
const THROUGHPUT_LOOKUPS = 50;
const THROUGHPUT_GOAL = 0.9;
const LATENCY_SAMPLES = 25;
/** Pause between latency samples: under our shared limiter's 5 calls/s, so it never waits. */
const LATENCY_PACE_MS = 250;
const JOB_POLL_MS = 500;
const JOB_TIMEOUT_MS = 600_000;
/** Above everything the benchmark spends in an hour, so the per-user limit is not what is measured. */
const BENCH_USER_LOOKUPS_PER_HOUR = '5000';
const MINUTE_MS = 60_000;

interface FakeUsage {
  readonly lookupCreditsUsed: number;
  readonly rateLimited: number;
  readonly requests: number;
}
interface BulkItem {
  readonly error?: { readonly code: string };
}
/** The parts of `GET /v1/jobs/{id}` and the bulk job's result this benchmark reads. */
interface BulkJob {
  readonly status: string;
  readonly message?: string;
  readonly error?: unknown;
  readonly result?: { readonly credits?: number; readonly cached?: number; readonly results?: readonly BulkItem[] };
}
interface ApiAnswer {
  readonly status: number;
  readonly body: { readonly job_id?: string; readonly job?: BulkJob };
}
type Api = (path: string, body?: unknown) => Promise<ApiAnswer>;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function fakeControl(fakeUrl: string) {
  return async <T>(name: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${fakeUrl}/__fake/${name}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`fake RocketReach control ${name}: HTTP ${response.status}`);
    return (await response.json()) as T;
  };
}

async function runBulk(api: Api, people: readonly FakePerson[]): Promise<BulkJob> {
  const created = await api('/v1/lookups/bulk', { lookups: people.map((person) => ({ id: String(person.profile.id) })) });
  if (created.status !== 201) throw new Error(`bulk refused: ${created.status} ${JSON.stringify(created.body)}`);
  const deadline = Date.now() + JOB_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const { job } = (await api(`/v1/jobs/${String(created.body.job_id)}`)).body;
    if (job && ['completed', 'failed', 'cancelled'].includes(job.status)) return job;
    await sleep(JOB_POLL_MS);
  }
  throw new Error('bulk job did not finish in time');
}

const rateLimitedItems = (job: BulkJob): number => (job.result?.results ?? []).filter((item) => item.error?.code === 'ERR_RATE_LIMITED').length;

async function creditsPart(api: Api, usage: () => Promise<FakeUsage>, earlier: readonly FakePerson[], fresh: readonly FakePerson[]): Promise<void> {
  const warm = await runBulk(api, earlier);
  const before = await usage();
  // Repeats and new lookups interleaved, as a real list would mix them.
  const mixed = earlier.flatMap((person, i) => [person, fresh[i] as FakePerson]);
  const job = await runBulk(api, mixed);
  const after = await usage();
  const spent = after.lookupCreditsUsed - before.lookupCreditsUsed;
  const expected = fresh.filter((person) => person.chargeable).length;
  console.log(`\n### 1. Credits: a bulk of ${mixed.length} with ${earlier.length} repeats of an earlier bulk (status ${warm.status})`);
  console.log('| lookups | repeats | new (chargeable) | expected credits | fake\'s credits used | job summary credits | job summary cached | exact |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---|');
  console.log(`| ${mixed.length} | ${earlier.length} | ${expected} | ${expected} | ${spent} | ${job.result?.credits ?? 'n/a'} | ${job.result?.cached ?? 'n/a'} | ${spent === expected ? 'yes' : 'NO'} |`);
  if (job.status !== 'completed') console.log(`job ended ${job.status}: ${JSON.stringify(job.error ?? job.message ?? '')}`);
}

/** Samples the fake's credit counter each second, bucketing lookups by the fake's own clock minute. */
async function throughputPart(api: Api, usage: () => Promise<FakeUsage>, control: ReturnType<typeof fakeControl>, people: readonly FakePerson[]): Promise<void> {
  await control('settings', { perMinute: { person_lookup: THROUGHPUT_LIMIT_PER_MINUTE } });
  const perMinute = new Map<number, number>();
  const start = await usage();
  let last = start.lookupCreditsUsed;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      await sleep(1_000);
      const now = await usage();
      const minute = Math.floor(Date.now() / MINUTE_MS);
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + now.lookupCreditsUsed - last);
      last = now.lookupCreditsUsed;
    }
  })();
  const started = performance.now();
  const startMinute = Math.floor(Date.now() / MINUTE_MS);
  const job = await runBulk(api, people);
  const seconds = (performance.now() - started) / 1000;
  const endMinute = Math.floor(Date.now() / MINUTE_MS);
  sampling = false;
  await sampler;
  const end = await usage();
  await control('settings', { perMinute: { person_lookup: DEFAULT_ROCKETREACH_SETTINGS.perMinute.person_lookup } });
  const served = end.lookupCreditsUsed - start.lookupCreditsUsed;
  // Whole minutes only: the first and last are cut by the run's start and end.
  const interior = [...perMinute.entries()].filter(([minute]) => minute > startMinute && minute < endMinute).map(([, count]) => count);
  const interiorShare = interior.length === 0 ? Number.NaN : interior.reduce((a, b) => a + b, 0) / (interior.length * THROUGHPUT_LIMIT_PER_MINUTE);
  const wallShare = served / (seconds / 60) / THROUGHPUT_LIMIT_PER_MINUTE;
  const surfaced = rateLimitedItems(job) + (job.status === 'completed' ? 0 : 1);
  console.log(`\n### 2. Throughput: a bulk of ${people.length} new lookups against the fake's person_lookup limit lowered to ${THROUGHPUT_LIMIT_PER_MINUTE}/min`);
  console.log('| lookups served | wall s | lookups/min (wall) | ÷ limit (wall) | whole clock minutes | per whole minute | ÷ limit (whole minutes) | fake 429s absorbed | 429s surfacing | job status |');
  console.log('|---:|---:|---:|---:|---:|---|---:|---:|---:|---|');
  console.log(`| ${served} | ${seconds.toFixed(1)} | ${(served / (seconds / 60)).toFixed(1)} | ${wallShare.toFixed(3)} | ${interior.length} | ${interior.join(', ') || '-'} | ${interiorShare.toFixed(3)} | ${end.rateLimited - start.rateLimited} | ${surfaced} | ${job.status} |`);
  if (job.status !== 'completed') console.log(`job ended ${job.status}: ${JSON.stringify(job.error ?? job.message ?? '')}`);
  console.log(`goal: ÷ limit over whole minutes ≥ ${THROUGHPUT_GOAL} and zero 429s surfacing → ${interiorShare >= THROUGHPUT_GOAL && surfaced === 0 ? 'met' : 'NOT met'}`);
}

async function timed(call: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const response = await call();
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (!response.ok) throw new Error(`latency sample answered HTTP ${response.status}`);
  return elapsed;
}

async function latencyPart(baseUrl: string, apiKey: string, fakeUrl: string, ours: readonly FakePerson[], direct: readonly FakePerson[]): Promise<void> {
  const viaApi = (person: FakePerson) => () => fetch(`${baseUrl}/v1/lookups/person?id=${person.profile.id}`, { headers: { authorization: `Bearer ${apiKey}` } });
  const viaFake = (person: FakePerson) => () => fetch(`${fakeUrl}/api/v2/person/lookup?id=${person.profile.id}`, { headers: { 'api-key': FAKE_ROCKETREACH_API_KEY } });
  const sample = async (calls: readonly (() => Promise<Response>)[]): Promise<number[]> => {
    const times: number[] = [];
    for (const call of calls) {
      times.push(await timed(call));
      await sleep(LATENCY_PACE_MS);
    }
    return times.sort((a, b) => a - b);
  };
  const fake = await sample(direct.map(viaFake));
  const uncached = await sample(ours.map(viaApi));
  const cached = await sample(ours.map(viaApi));
  const p50 = (times: readonly number[]) => percentile(times, 50);
  console.log(`\n### 3. Latency: ${LATENCY_SAMPLES} sequential person lookups each (profiles that complete at once), ${LATENCY_PACE_MS} ms apart`);
  console.log('| path | p50 ms | p95 ms | max ms |');
  console.log('|---|---:|---:|---:|');
  for (const [label, times] of [['fake RocketReach directly', fake], ['GET /v1/lookups/person uncached', uncached], ['GET /v1/lookups/person cached', cached]] as const) {
    console.log(`| ${label} | ${p50(times).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${(times.at(-1) ?? Number.NaN).toFixed(1)} |`);
  }
  console.log(`our added latency (p50 uncached − p50 direct): ${(p50(uncached) - p50(fake)).toFixed(1)} ms`);
}

export async function runLookupsBench(): Promise<void> {
  console.log(`\n## RocketReach lookups against the fake RocketReach — ${describeMachine()}`);
  process.env.LOOKUP_USER_LIMIT_PER_HOUR ??= BENCH_USER_LOOKUPS_PER_HOUR;
  const cloud = await startLocalCloud({ ephemeral: true, quiet: true, ports: { http: 0, ws: 0, dynamodb: 0, sqs: 0, s3: 0, search: 0, mail: 0 } });
  try {
    const { apiKey } = await ensureDevWorkspace(cloud);
    const api: Api = async (path, body) => {
      const response = await fetch(`${cloud.endpoints.http}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as ApiAnswer['body'] };
    };
    const fakeUrl = cloud.fakes.find((fake) => fake.name === 'rocketreach')!.url;
    const control = fakeControl(fakeUrl);
    const usage = () => control<FakeUsage>('usage');
    const people = rocketReachDataset(`${DEFAULT_FAKE_SEED}:rocketreach`).people().filter((person) => person.chargeable && person.profile.emails.length > 0);
    const quick = people.filter((person) => person.pollsToComplete === 0);
    const quickIds = new Set(quick.slice(0, LATENCY_SAMPLES * 2).map((person) => person.profile.id));
    const rest = people.filter((person) => !quickIds.has(person.profile.id));
    const fresh = BULK_SIZE - REPEATS;
    await creditsPart(api, usage, rest.slice(0, REPEATS), rest.slice(REPEATS, REPEATS + fresh));
    await throughputPart(api, usage, control, rest.slice(REPEATS + fresh, REPEATS + fresh + THROUGHPUT_LOOKUPS));
    await latencyPart(cloud.endpoints.http, apiKey, fakeUrl, quick.slice(0, LATENCY_SAMPLES), quick.slice(LATENCY_SAMPLES, LATENCY_SAMPLES * 2));
  } finally {
    await cloud.stop();
  }
}
