import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../../../lib/local/fakes/fake-provider.ts';
import { KNOBS_PATH } from '../../../lib/local/fakes/fake-server.ts';
import { EDGAR_CONTROL_PREFIX, EDGAR_REQUESTS_PER_SECOND, fakeEdgar, paddedCik, startFakeEdgar } from '../../../lib/local/fakes/edgar/index.ts';
import type { FakeEdgarServer, FilingTruth } from '../../../lib/local/fakes/edgar/index.ts';
import { eventually } from '../../helpers/eventually.ts';

const UA = { 'user-agent': 'Leadstack Integration Tests ops@leadstack.test' };
let edgar: FakeEdgarServer;

beforeAll(async () => {
  edgar = await startFakeEdgar({ host: '127.0.0.1', port: 0, seed: 'edgar-it', knobs: NO_FAULTS, asOf: '2026-06-15', coolDownMs: 60_000 });
});
afterAll(async () => {
  await edgar?.close();
});
// Each case starts with a clean slate: no block left by the case before.
beforeEach(async () => {
  await control('fair-access', { reset: true, coolDownMs: 60_000 });
});

async function control(name: string, body?: unknown): Promise<any> {
  const response = await fetch(`${edgar.url}${EDGAR_CONTROL_PREFIX}${name}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.json();
}

const get = (path: string, headers: Record<string, string> = UA): Promise<Response> => fetch(`${edgar.url}${path}`, { headers });

describe('the fake EDGAR over HTTP', () => {
  it('It should serve company_tickers.json in its real shape, one entry per ticker', async () => {
    const response = await get('/files/company_tickers.json');
    const body = (await response.json()) as Record<string, { cik_str: number; ticker: string; title: string }>;

    expect(response.status).toBe(200);
    expect(Object.keys(body).slice(0, 3)).toEqual(['0', '1', '2']);
    const entries = Object.values(body);
    expect(entries.length).toBe(edgar.dataset.companies.flatMap((c) => c.tickers).length);
    const company = edgar.dataset.companies[0]!;
    expect(entries).toContainEqual({ cik_str: company.cik, ticker: company.tickers[0], title: company.edgarName });
    expect(typeof entries[0]!.cik_str).toBe('number');
  });

  it('It should serve submissions with filings.recent as parallel arrays, newest first, and the 8-K document each names', async () => {
    const truth = edgar.truth.filings.find((f) => f.scenario === 'executive-hire' && !f.pending) as FilingTruth;
    const response = await get(`/submissions/CIK${paddedCik(truth.cik)}.json`);
    const body = (await response.json()) as any;
    const recent = body.filings.recent;
    const row = recent.accessionNumber.indexOf(truth.accessionNumber);

    expect(body).toMatchObject({ cik: String(truth.cik), name: truth.companyName });
    expect(body.tickers[0]).toBe(truth.ticker);
    for (const field of ['filingDate', 'reportDate', 'acceptanceDateTime', 'form', 'items', 'primaryDocument', 'isInlineXBRL']) expect(recent[field]).toHaveLength(recent.accessionNumber.length);
    expect([...recent.acceptanceDateTime].sort().reverse()).toEqual(recent.acceptanceDateTime);
    expect({ form: recent.form[row], items: recent.items[row], filingDate: recent.filingDate[row], primaryDocument: recent.primaryDocument[row] })
      .toEqual({ form: '8-K', items: truth.items.join(','), filingDate: truth.filingDate, primaryDocument: truth.primaryDocument });

    const document = await get(`/Archives/edgar/data/${truth.cik}/${truth.accessionNumber.replace(/-/g, '')}/${recent.primaryDocument[row]}`);
    const html = await document.text();
    expect(document.status).toBe(200);
    expect(html).toMatch(/Item(&nbsp;|&#160;|&#xa0;|&#8201;|\u00a0)5\.02/);
    expect(html).toContain(truth.event.officers[0]!.name);
  });

  it('It should answer 304 to a conditional request for submissions, by ETag or by date, and 404 an unknown CIK the way S3 does', async () => {
    const path = `/submissions/CIK${paddedCik(edgar.dataset.companies[5]!.cik)}.json`;
    const first = await get(path);
    await first.arrayBuffer();
    const byEtag = await get(path, { ...UA, 'if-none-match': first.headers.get('etag')! });
    const byDate = await get(path, { ...UA, 'if-modified-since': first.headers.get('last-modified')! });
    const stale = await get(path, { ...UA, 'if-none-match': '"not-the-etag"' });
    const unknown = await get('/submissions/CIK0000000001.json');

    expect(first.headers.get('etag')).toMatch(/^"[0-9a-f]+"$/);
    expect(byEtag.status).toBe(304);
    expect(byDate.status).toBe(304);
    expect(stale.status).toBe(200);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('<Code>NoSuchKey</Code>');
  });

  it('It should gzip when asked, answer HEAD with headers only, and refuse other methods', async () => {
    const zipped = await get('/files/company_tickers.json', { ...UA, 'accept-encoding': 'gzip' });
    const head = await fetch(`${edgar.url}/files/company_tickers.json`, { method: 'HEAD', headers: UA });
    const post = await fetch(`${edgar.url}/files/company_tickers.json`, { method: 'POST', headers: UA });

    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(Object.keys((await zipped.json()) as object).length).toBeGreaterThan(300);
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toMatch(/^"/);
    expect(await head.text()).toBe('');
    expect(post.status).toBe(405);
  });

  it('It should refuse a User-Agent without a contact email with 403', async () => {
    const bare = await get('/files/company_tickers.json', {});
    const noEmail = await get('/files/company_tickers.json', { 'user-agent': 'leadstack-monitor/1.0' });

    expect(bare.status).toBe(403);
    expect(await noEmail.text()).toContain('Undeclared Automated Tool');
    expect((await control('fair-access')).refused.undeclared).toBe(2);
  });

  it('It should refuse everything with 403 once a client goes over 10 requests in a second, until the cool-down ends', async () => {
    await control('fair-access', { coolDownMs: 1_500 });
    const burst = await Promise.all(Array.from({ length: EDGAR_REQUESTS_PER_SECOND * 3 }, () => get('/files/company_tickers.json').then((r) => r.status)));
    const during = await get('/files/company_tickers.json');

    // However the burst straddles a second boundary, at most two windows' worth get through.
    expect(burst.filter((s) => s === 403).length).toBeGreaterThanOrEqual(EDGAR_REQUESTS_PER_SECOND);
    expect(during.status).toBe(403);
    expect(await during.text()).toContain('Request Rate Threshold Exceeded');
    expect(await eventually(async () => (await get('/files/company_tickers.json')).status === 200, 'the cool-down to end')).toBe(true);
  });

  it('It should hold back pending filings until released, and then change the submissions ETag', async () => {
    const pending = edgar.truth.filings.find((f) => f.pending) as FilingTruth;
    const path = `/submissions/CIK${paddedCik(pending.cik)}.json`;
    const before = await get(path);
    const listedBefore = ((await before.json()) as any).filings.recent.accessionNumber as string[];
    const hiddenDocument = await get(pending.documentPath);
    await hiddenDocument.arrayBuffer();

    const released = await control('release', {});
    const after = await get(path, { ...UA, 'if-none-match': before.headers.get('etag')! });
    const listedAfter = ((await after.json()) as any).filings.recent.accessionNumber as string[];

    expect(listedBefore).not.toContain(pending.accessionNumber);
    expect(hiddenDocument.status).toBe(404);
    expect(released.released).toContain(pending.accessionNumber);
    expect(after.status).toBe(200);
    expect(listedAfter).toContain(pending.accessionNumber);
    expect((await get(pending.documentPath)).status).toBe(200);
  });

  it('It should export its ground truth and answer 503 during an outage switched on through the knobs', async () => {
    const truth = await control('truth');
    await fetch(`${edgar.url}${KNOBS_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outage: true }) });
    const down = await get('/files/company_tickers.json');
    await fetch(`${edgar.url}${KNOBS_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outage: false }) });
    const up = await get('/files/company_tickers.json');

    expect(truth.filings).toHaveLength(edgar.truth.filings.length);
    expect(truth.asOf).toBe('2026-06-15');
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('30');
    expect(up.status).toBe(200);
  });

  it('It should start through the provider frame as `edgar`, dating filings back from today', async () => {
    const fake = await fakeEdgar.start({ host: '127.0.0.1', port: 0, seed: 'frame', knobs: NO_FAULTS });
    try {
      const truth = await (await fetch(`${fake.url}${EDGAR_CONTROL_PREFIX}truth`)).json() as { asOf: string };
      expect(fakeEdgar.name).toBe('edgar');
      expect(truth.asOf).toBe(new Date().toISOString().slice(0, 10));
    } finally {
      await fake.close();
    }
  });
});
