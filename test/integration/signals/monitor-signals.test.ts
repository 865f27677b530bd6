/**
 * Signal monitoring end to end through the local cloud: a monitor_signals job created with fetch,
 * run by the real job worker against a small EDGAR stub written here (the full fake EDGAR lives
 * elsewhere), which enforces fair access (a contact in the User-Agent, at most 10 requests in any
 * second) and fails one company's submissions for a while, so the job must retry and resume.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

const CONTACT = 'signals-test@example.com';
const FAIR_ACCESS_PER_SECOND = 10;
const JOB_TIMEOUT_MS = 120_000;

const TICKERS = { 0: { cik_str: 101, ticker: 'GLBX', title: 'Globex Corp' }, 1: { cik_str: 102, ticker: 'INIT', title: 'Initech, Inc.' } };
const recent = (rows: [string, string, string, string][]) => ({
  accessionNumber: rows.map((r) => r[0]),
  filingDate: rows.map((r) => r[1]),
  form: rows.map((r) => r[2]),
  items: rows.map((r) => r[3]),
  acceptanceDateTime: rows.map((r) => `${r[1]}T16:00:00.000Z`),
  primaryDocument: rows.map((r) => `${r[0]}.htm`),
});
const SUBMISSIONS: Record<string, unknown> = {
  '0000000101': { cik: '101', name: 'Globex Corp', tickers: ['GLBX'], filings: { recent: recent([['0000000101-26-000003', '2026-11-20', '8-K', '5.02,9.01'], ['0000000101-26-000002', '2026-11-10', '8-K', '8.01'], ['0000000101-26-000001', '2026-11-05', '8-K/A', '2.01']]) } },
  '0000000102': { cik: '102', name: 'Initech, Inc.', tickers: ['INIT'], filings: { recent: recent([['0000000102-26-000001', '2026-11-15', '8-K', '1.05']]) } },
};
const DOCUMENTS: Record<string, string> = {
  '0000000101-26-000003': '<html><body><p>Item&#160;5.02 Departure of Directors or Certain Officers</p><p>On November 18, 2026 the Board appointed Ann&#8201;Lee as Chief Information Officer.</p><p>Item 9.01 Exhibits</p></body></html>',
  '0000000101-26-000001': '<html><body><table><tr><td>Item 2.01</td><td>Completion of Acquisition</td></tr></table><p>Globex completed its acquisition of Hooli Labs.</p></body></html>',
  '0000000102-26-000001': '<html><body><p>ITEM 1.05. MATERIAL CYBERSECURITY INCIDENTS</p><p>Initech detected unauthorized access.</p><p>SIGNATURES</p></body></html>',
};

interface Seen {
  readonly at: number;
  readonly path: string;
  readonly userAgent: string;
}

function startEdgarStub(failInitechSubmissions: number) {
  const seen: Seen[] = [];
  let throttled = 0;
  let failuresLeft = failInitechSubmissions;
  const send = (res: ServerResponse, status: number, body: string, type = 'application/json') => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const at = Date.now();
    const path = new URL(req.url ?? '/', 'http://stub').pathname;
    const userAgent = String(req.headers['user-agent'] ?? '');
    seen.push({ at, path, userAgent });
    const lastSecond = seen.filter((s) => s.at > at - 1_000).length;
    if (!/@/.test(userAgent) || lastSecond > FAIR_ACCESS_PER_SECOND) {
      throttled += 1;
      return send(res, 403, 'Request Rate Threshold Exceeded', 'text/html');
    }
    if (path === '/files/company_tickers.json') return send(res, 200, JSON.stringify(TICKERS));
    const submissions = /^\/submissions\/CIK(\d{10})\.json$/.exec(path);
    if (submissions) {
      if (submissions[1] === '0000000102' && failuresLeft > 0) {
        failuresLeft -= 1;
        return send(res, 503, 'down', 'text/html');
      }
      const body = SUBMISSIONS[submissions[1] ?? ''];
      return body ? send(res, 200, JSON.stringify(body)) : send(res, 404, 'not found', 'text/html');
    }
    const archive = /^\/Archives\/edgar\/data\/\d+\/(\d{10})(\d{2})(\d{6})\/[^/]+$/.exec(path);
    const document = archive ? DOCUMENTS[`${archive[1]}-${archive[2]}-${archive[3]}`] : undefined;
    return document ? send(res, 200, document, 'text/html') : send(res, 404, 'not found', 'text/html');
  });
  return new Promise<{ url: string; hostPort: string; seen: Seen[]; throttled: () => number; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, hostPort: `127.0.0.1:${port}`, seen, throttled: () => throttled, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

let t: TestCloud;
let stub: Awaited<ReturnType<typeof startEdgarStub>>;
const previousContact = process.env.EDGAR_CONTACT_EMAIL;

beforeAll(async () => {
  // Enough 503s to outlast the outbound client's own retries once: the job run fails and is retried.
  stub = await startEdgarStub(4);
  process.env.EDGAR_CONTACT_EMAIL = CONTACT;
  t = await startTestCloud({ providerUrls: { edgar: stub.url }, allowHosts: [stub.hostPort] });
}, 120_000);

afterAll(async () => {
  await t?.stop();
  await stub?.close();
  if (previousContact === undefined) delete process.env.EDGAR_CONTACT_EMAIL;
  else process.env.EDGAR_CONTACT_EMAIL = previousContact;
});

describe('monitor_signals', () => {
  it('It should turn known filings into exact signals, within fair access, resuming after EDGAR fails mid-run', async () => {
    // Act
    const created = await t.api('/v1/signals/monitor', { body: { companies: [{ ticker: 'GLBX' }, { name: 'Initech Inc' }, { name: 'Hooli' }], since: '2026-11-01', saas_client_name: 'ShieldCo' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'in_queue', message: 'Monitoring job created for ShieldCo customers' });
    const jobId = created.body.job_id as string;
    const job = await eventually(async () => {
      const got = (await t.api(`/v1/jobs/${jobId}`)).body.job;
      return ['completed', 'failed'].includes(got?.status) ? got : undefined;
    }, 'the monitoring job to finish', JOB_TIMEOUT_MS);

    // Assess: the job
    expect(job).toMatchObject({ status: 'completed', result: { signals_found: 3, companies_checked: 2, filings_read: 3, customers_without_ticker: [{ name: 'Hooli', reason: 'no_ticker_for_name' }] } });
    // The failing run gave up on Initech (four 503s through the client's retries); the retried run
    // resumed at Initech: Globex was checked in the first run only.
    expect(stub.seen.filter((s) => s.path === '/submissions/CIK0000000102.json')).toHaveLength(5);
    expect(stub.seen.filter((s) => s.path === '/submissions/CIK0000000101.json')).toHaveLength(1);

    // Assess: the signals, through the search path
    const listed = await eventually(async () => {
      const page = await t.api('/v1/signals?limit=10');
      return page.body.data?.length === 3 ? page.body : undefined;
    }, 'three signals indexed', 30_000);
    expect(listed.data.map((s: Record<string, unknown>) => [s.ticker, s.signal_type, s.item, s.filing_date])).toEqual([
      ['GLBX', 'EXECUTIVE_HIRE', '5.02', '2026-11-20'],
      ['INIT', 'CYBER_INCIDENT', '1.05', '2026-11-15'],
      ['GLBX', 'ACQUISITION', '2.01', '2026-11-05'],
    ]);
    expect(listed.data[0]).toMatchObject({ company_name: 'Globex Corp', excerpt: 'Item 5.02 Departure of Directors or Certain Officers On November 18, 2026 the Board appointed Ann Lee as Chief Information Officer.', filing_url: `${stub.url}/Archives/edgar/data/101/000000010126000003/0000000101-26-000003.htm` });
    const monitor = (await t.api(`/v1/signals/monitor/${jobId}`)).body;
    expect(monitor).toMatchObject({ job_id: jobId, status: 'completed', saas_client: 'ShieldCo', signals_found: 3 });
    // Ordered by urgency, which decays with the wall clock's date: compare as a set.
    expect(monitor.signals.map((s: Record<string, unknown>) => s.signal_type).sort()).toEqual(['ACQUISITION', 'CYBER_INCIDENT', 'EXECUTIVE_HIRE']);
    const filtered = await t.api('/v1/signals?company=GLBX&type=acquisition');
    expect(filtered.body.data.map((s: Record<string, unknown>) => s.signal_type)).toEqual(['ACQUISITION']);
    const paged = await t.api('/v1/signals?limit=2');
    const next = await t.api(`/v1/signals?limit=2&cursor=${paged.body.next_cursor}`);
    expect([...paged.body.data, ...next.body.data].map((s: Record<string, unknown>) => s.uuid)).toEqual(listed.data.map((s: Record<string, unknown>) => s.uuid));

    // Assess: fair access as the stub observed it
    expect(stub.throttled()).toBe(0);
    expect(stub.seen.every((s) => s.userAgent.includes(CONTACT))).toBe(true);
    const busiest = Math.max(...stub.seen.map((s) => stub.seen.filter((o) => o.at >= s.at && o.at < s.at + 1_000).length));
    expect(busiest).toBeLessThanOrEqual(FAIR_ACCESS_PER_SECOND);

    // Assess: another workspace sees neither the job nor the signals
    expect((await t.api(`/v1/jobs/${jobId}`, { key: t.keys.b })).status).toBe(404);
    expect((await t.api(`/v1/signals/monitor/${jobId}`, { key: t.keys.b })).body.error.code).toBe('ERR_NOT_FOUND');
    expect((await t.api('/v1/signals', { key: t.keys.b })).body.data).toEqual([]);
  }, JOB_TIMEOUT_MS + 60_000);

  it('It should name the field of a customer_age_days out of bounds', async () => {
    const created = await t.api('/v1/jobs', { body: { job_type: 'monitor_signals', job_data: { saas_client_name: 'ShieldCo', customer_age_days: 0 } } });
    expect(created.status).toBe(400);
    expect(created.body.error.code).toBe('ERR_VALIDATION');
    expect(JSON.stringify(created.body.error.details)).toContain('customer_age_days');
  });
});
