/**
 * Scheduled monitoring end to end through the local cloud: workspace A saves a monitoring setting
 * with a webhook, the schedule's handler is invoked as EventBridge would (a scheduled event), the
 * monitor_signals job it starts runs on the real job worker against the fake EDGAR, and a
 * receiver written here gets the new signals in a POST whose signature it checks with node's
 * own HMAC, before trusting the body.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../../../lib/local/fakes/fake-provider.ts';
import { startFakeEdgar, type FakeEdgarServer, type FilingTruth } from '../../../lib/local/fakes/edgar/index.ts';
import { scheduledEvent } from '../../../lib/local/schedules.ts';
import { eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

const JOB_TIMEOUT_MS = 120_000;
/** A first check reads the configured look-back (90 days by default): pick filings well inside it. */
const WINDOW_DAYS = 60;
const DAY_MS = 86_400_000;

interface Delivery {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly raw: Buffer;
}

function startReceiver() {
  const deliveries: Delivery[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      deliveries.push({ headers: { ...req.headers, method: req.method }, raw: Buffer.concat(chunks) });
      res.writeHead(204).end();
    });
  });
  return new Promise<{ url: string; hostPort: string; deliveries: Delivery[]; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/hooks/signals`, hostPort: `127.0.0.1:${port}`, deliveries, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

/** A ticker whose recent filings are all served, readable and signal something. */
function pickTicker(edgar: FakeEdgarServer): { ticker: string; filings: FilingTruth[] } {
  const since = new Date(Date.now() - WINDOW_DAYS * DAY_MS).toISOString().slice(0, 10);
  const byTicker = new Map<string, FilingTruth[]>();
  for (const filing of edgar.truth.filings) byTicker.set(filing.ticker, [...(byTicker.get(filing.ticker) ?? []), filing]);
  for (const [ticker, filings] of byTicker) {
    const recent = filings.filter((f) => f.filingDate >= since);
    const clean = recent.length > 0 && recent.every((f) => !f.pending && !f.malformed && !f.amends && f.signals.length > 0);
    const older = filings.filter((f) => f.filingDate < since && f.filingDate >= new Date(Date.now() - 95 * DAY_MS).toISOString().slice(0, 10));
    if (clean && older.length === 0) return { ticker, filings: recent };
  }
  throw new Error('the fake EDGAR has no ticker with clean recent filings');
}

const verify = (secret: string, raw: Buffer, header: unknown): boolean => {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`);
  const given = Buffer.from(String(header ?? ''));
  return expected.length === given.length && timingSafeEqual(expected, given);
};

let t: TestCloud;
let edgar: FakeEdgarServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  edgar = await startFakeEdgar({ host: '127.0.0.1', port: 0, seed: 'scheduled-monitoring', knobs: NO_FAULTS });
  receiver = await startReceiver();
  t = await startTestCloud({ providerUrls: { edgar: edgar.url }, allowHosts: [new URL(edgar.url).host, receiver.hostPort] });
}, 120_000);

afterAll(async () => {
  await t?.stop();
  await receiver?.close();
  await edgar?.close();
});

describe('scheduled signal monitoring', () => {
  it('It should refuse a webhook URL the SSRF guard blocks, naming the field, and a setting without targets', async () => {
    const blocked = await t.api('/v1/signals/monitoring', { method: 'PUT', body: { enabled: true, companies: [{ ticker: 'ZZZZ' }], webhook_url: 'http://169.254.169.254/latest/meta-data' } });
    expect(blocked.status).toBe(422);
    expect(blocked.body.error).toMatchObject({ code: 'ERR_URL_BLOCKED', details: [{ path: 'webhook_url' }] });
    const empty = await t.api('/v1/signals/monitoring', { method: 'PUT', body: { enabled: true } });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body.error.details)).toContain('companies');
  });

  it('It should start a job for the enabled workspace on a tick, once a day, and POST its new signals signed to the webhook', async () => {
    // Arrange
    const { ticker, filings } = pickTicker(edgar);
    const saved = await t.api('/v1/signals/monitoring', { method: 'PUT', body: { enabled: true, companies: [{ ticker }], webhook_url: receiver.url } });
    expect(saved.status).toBe(200);
    const secret = saved.body.webhook_secret as string;
    expect(secret).toMatch(/^whsec_/);
    const got = await t.api('/v1/signals/monitoring');
    expect(got.body).toMatchObject({ enabled: true, companies: [{ ticker }], webhook_url: receiver.url, webhook_secret_hint: secret.slice(-4), last_check: null });
    expect(JSON.stringify(got.body)).not.toContain(secret);
    const { handler } = await import('../../../functions/workers/signals-schedule.handler.ts');

    // Act
    const first = await handler(scheduledEvent('signals-schedule-test', new Date()));
    const second = await handler(scheduledEvent('signals-schedule-test', new Date()));

    // Assess: one job, today's marker
    expect(first).toEqual({ started: 1, failed: 0 });
    expect(second).toEqual({ started: 0, failed: 0 });
    expect((await t.api('/v1/signals/monitoring')).body.last_check).toBe(new Date().toISOString().slice(0, 10));
    const job = await eventually(async () => {
      const listed = (await t.api('/v1/jobs?limit=10')).body.data as { id: string; job_type: string; status: string; job_data: Record<string, unknown> }[];
      const monitor = listed.find((j) => j.job_type === 'monitor_signals');
      return monitor && ['completed', 'failed'].includes(monitor.status) ? monitor : undefined;
    }, 'the scheduled monitoring job to finish', JOB_TIMEOUT_MS);
    expect(job).toMatchObject({ status: 'completed', job_data: { companies: [{ ticker }] } });

    // Assess: the webhook got every new signal, signed over the raw body
    const jobId = job.id;
    // The job's signals are listed from the search index, which the records stream fills shortly after.
    const monitor = await eventually(async () => {
      const answer = (await t.api(`/v1/signals/monitor/${jobId}`)).body;
      return answer.signals_found > 0 && answer.signals.length === answer.signals_found ? answer : undefined;
    }, 'the job\'s signals indexed', 30_000);
    const deliveries = await eventually(async () => (receiver.deliveries.length > 0 ? receiver.deliveries : undefined), 'a webhook delivery', 30_000);
    const delivery = deliveries[0] as Delivery;
    expect(delivery.headers.method).toBe('POST');
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(verify(secret, delivery.raw, delivery.headers['x-leadstack-signature'])).toBe(true);
    expect(verify('whsec_wrong', delivery.raw, delivery.headers['x-leadstack-signature'])).toBe(false);
    const body = JSON.parse(delivery.raw.toString('utf8'));
    expect(body).toMatchObject({ type: 'signals.created', job_id: jobId });
    const pushed = deliveries.flatMap((d) => JSON.parse(d.raw.toString('utf8')).signals as { uuid: string; ticker: string; signal_type: string; filing_date: string }[]);
    expect(pushed.map((s) => s.uuid).sort()).toEqual(monitor.signals.map((s: { uuid: string }) => s.uuid).sort());
    expect(new Set(pushed.map((s) => s.ticker))).toEqual(new Set([ticker]));
    // Every pushed signal is one the fake's ground truth says its filing carries.
    const truth = new Set(filings.flatMap((f) => f.signals.map((s) => `${f.filingDate}:${s.type}`)));
    for (const signal of pushed) expect(truth.has(`${signal.filing_date}:${signal.signal_type}`), JSON.stringify(signal)).toBe(true);

    // Assess: another workspace sees A's setting nowhere
    const other = await t.api('/v1/signals/monitoring', { key: t.keys.b });
    expect(other.body).toMatchObject({ enabled: false, webhook_url: null });
  }, JOB_TIMEOUT_MS + 60_000);
});
