import { describe, expect, it } from 'vitest';
import { EDGAR_THROTTLE_RETRIES, EdgarClient, archivesBase } from '../../../../functions/adapters/edgar/edgar.client.ts';
import type { EdgarCache, EdgarCacheEntry } from '../../../../functions/ports/edgar-filings.port.ts';
import type { OutboundHttp, OutboundRequest, OutboundResponse } from '../../../../functions/ports/outbound-http.port.ts';

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/** Records every request and answers from a script (the last answer repeats). */
class ScriptedHttp implements OutboundHttp {
  readonly requests: OutboundRequest[] = [];
  constructor(private readonly script: (request: OutboundRequest, index: number) => Answer) {}
  async request(request: OutboundRequest): Promise<OutboundResponse> {
    this.requests.push(request);
    const answer = this.script(request, this.requests.length - 1);
    const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    const body = new TextEncoder().encode(text);
    return { status: answer.status, headers: answer.headers ?? {}, url: request.url, body, attempts: 1, text: () => text, json: () => JSON.parse(text) as unknown };
  }
}

class MemoryCache implements EdgarCache {
  readonly entries = new Map<string, EdgarCacheEntry>();
  async get(key: string) {
    return this.entries.get(key);
  }
  async put(key: string, entry: EdgarCacheEntry) {
    this.entries.set(key, entry);
  }
}

const fakeClock = () => {
  const slept: number[] = [];
  let now = Date.parse('2026-12-01T00:00:00Z');
  return { slept, clock: { now: () => now, sleep: async (ms: number) => void (slept.push(ms), (now += ms)) } };
};

const SUBMISSIONS = {
  cik: '320193',
  name: 'Apple Inc.',
  tickers: ['AAPL'],
  filings: {
    recent: {
      accessionNumber: ['0000320193-26-000101', '0000320193-26-000090', 'garbage'],
      form: ['8-K', '10-Q', '8-K'],
      filingDate: ['2026-11-20', '2026-11-01', '2026-10-01'],
      acceptanceDateTime: ['2026-11-20T16:30:12.000Z', '2026-11-01T16:30:12.000Z', ''],
      items: ['5.02,9.01', '', '1.01'],
      primaryDocument: ['aapl-20261120.htm', 'aapl-20261101.htm', 'x.htm'],
    },
  },
};

const WS = { workspaceId: 'ws-1', jobId: 'job-1' };

const clientWith = (http: OutboundHttp, extra: Partial<ConstructorParameters<typeof EdgarClient>[0]> = {}) => {
  const { clock, slept } = fakeClock();
  const cache = new MemoryCache();
  const client = new EdgarClient({ http, cache, clock, baseUrl: 'http://127.0.0.1:4100', contactEmail: 'ops@example.com', random: () => 0.5, ...extra });
  return { client, cache, slept };
};

describe('EdgarClient', () => {
  it('should refuse to call EDGAR without a contact email, before any request', async () => {
    const http = new ScriptedHttp(() => ({ status: 200, body: SUBMISSIONS }));
    const { client } = clientWith(http, { contactEmail: undefined });
    await expect(client.submissions('0000320193', WS)).rejects.toMatchObject({ code: 'ERR_EDGAR_CONTACT_MISSING' });
    await expect(client.list(WS)).rejects.toMatchObject({ code: 'ERR_EDGAR_CONTACT_MISSING' });
    expect(http.requests).toHaveLength(0);
  });

  it('should send a User-Agent naming the contact, on the edgar provider', async () => {
    const http = new ScriptedHttp(() => ({ status: 200, body: SUBMISSIONS }));
    const { client } = clientWith(http);
    await client.submissions('0000320193', WS);
    expect(http.requests[0]).toMatchObject({ provider: 'edgar', url: '/submissions/CIK0000320193.json', workspaceId: 'ws-1', jobId: 'job-1' });
    expect(http.requests[0]?.headers?.['user-agent']).toBe('leadstack ops@example.com');
  });

  it('should parse the submissions index, split items and drop malformed rows', async () => {
    const http = new ScriptedHttp(() => ({ status: 200, body: SUBMISSIONS }));
    const { client } = clientWith(http);
    const found = await client.submissions('0000320193', WS);
    expect(found).toEqual({
      cik: '0000320193',
      name: 'Apple Inc.',
      tickers: ['AAPL'],
      filings: [
        { accessionNumber: '0000320193-26-000101', form: '8-K', filingDate: '2026-11-20', acceptedAt: '2026-11-20T16:30:12.000Z', items: ['5.02', '9.01'], primaryDocument: 'aapl-20261120.htm' },
        { accessionNumber: '0000320193-26-000090', form: '10-Q', filingDate: '2026-11-01', acceptedAt: '2026-11-01T16:30:12.000Z', items: [], primaryDocument: 'aapl-20261101.htm' },
      ],
    });
  });

  it('should answer an unknown CIK with undefined and a non-index body with ERR_EDGAR_MALFORMED', async () => {
    const missing = clientWith(new ScriptedHttp(() => ({ status: 404, body: 'Not Found' }))).client;
    await expect(missing.submissions('0000000001', WS)).resolves.toBeUndefined();
    const garbled = clientWith(new ScriptedHttp(() => ({ status: 200, body: '<html>maintenance</html>' }))).client;
    await expect(garbled.submissions('0000320193', WS)).rejects.toMatchObject({ code: 'ERR_EDGAR_MALFORMED' });
  });

  it('should revalidate cached submissions with If-None-Match / If-Modified-Since and reuse them on 304', async () => {
    const http = new ScriptedHttp((_, index) =>
      index === 0 ? { status: 200, body: SUBMISSIONS, headers: { etag: '"v1"', 'last-modified': 'Fri, 20 Nov 2026 16:40:00 GMT' } } : { status: 304 },
    );
    const { client, cache } = clientWith(http);
    const first = await client.submissions('0000320193', WS);
    const second = await client.submissions('0000320193', WS);
    expect(http.requests[0]?.headers?.['if-none-match']).toBeUndefined();
    expect(http.requests[1]?.headers).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': 'Fri, 20 Nov 2026 16:40:00 GMT' });
    expect(second).toEqual(first);
    expect(cache.entries.get('submissions#0000320193')?.etag).toBe('"v1"');
  });

  it('should back off on 403 and 429, then succeed', async () => {
    const http = new ScriptedHttp((_, index) => (index === 0 ? { status: 403 } : index === 1 ? { status: 429, headers: { 'retry-after': '2' } } : { status: 200, body: SUBMISSIONS }));
    const { client, slept } = clientWith(http);
    await expect(client.submissions('0000320193', WS)).resolves.toMatchObject({ name: 'Apple Inc.' });
    expect(http.requests).toHaveLength(3);
    expect(slept).toHaveLength(2);
    expect(slept[0]).toBeGreaterThanOrEqual(1_000);
    expect(slept[1]).toBe(2_000);
  });

  it('should give up with a retryable ERR_EDGAR_THROTTLED after its back-off tries', async () => {
    const http = new ScriptedHttp(() => ({ status: 403 }));
    const { client, slept } = clientWith(http);
    const failure = client.submissions('0000320193', WS);
    await expect(failure).rejects.toMatchObject({ code: 'ERR_EDGAR_THROTTLED', status: 503 });
    expect(http.requests).toHaveLength(EDGAR_THROTTLE_RETRIES + 1);
    expect(slept).toHaveLength(EDGAR_THROTTLE_RETRIES);
    expect(slept[1]).toBeGreaterThan(slept[0] ?? Infinity);
  });

  it('should not sleep through a long Retry-After inside a call', async () => {
    const http = new ScriptedHttp(() => ({ status: 429, headers: { 'retry-after': '600' } }));
    const { client, slept } = clientWith(http);
    await expect(client.submissions('0000320193', WS)).rejects.toMatchObject({ code: 'ERR_EDGAR_THROTTLED', retryAfterMs: 600_000 });
    expect(slept).toEqual([]);
  });

  it('should read company tickers from /files, pad CIKs, and revalidate the list conditionally after its TTL', async () => {
    const tickers = { 0: { cik_str: 320193, ticker: 'aapl', title: 'Apple Inc.' }, 1: { cik_str: 'bad', ticker: 'X', title: 'Bad' }, 2: { ticker: 'NOCIK' } };
    const http = new ScriptedHttp((_, index) => (index === 0 ? { status: 200, body: tickers, headers: { etag: '"t1"' } } : { status: 304 }));
    const { clock } = fakeClock();
    const client = new EdgarClient({ http, cache: new MemoryCache(), clock, baseUrl: 'http://127.0.0.1:4100', contactEmail: 'ops@example.com' });
    const rows = await client.list(WS);
    expect(rows).toEqual([{ cik: '0000320193', ticker: 'AAPL', title: 'Apple Inc.' }]);
    expect(http.requests[0]?.url).toBe('http://127.0.0.1:4100/files/company_tickers.json');
    await client.list(WS);
    expect(http.requests).toHaveLength(1);
    await clock.sleep(7 * 60 * 60_000);
    await expect(client.list(WS)).resolves.toEqual(rows);
    expect(http.requests[1]?.headers?.['if-none-match']).toBe('"t1"');
  });

  it('should link a filing to its archive folder (CIK unpadded, accession without dashes)', () => {
    const { client } = clientWith(new ScriptedHttp(() => ({ status: 200 })));
    const filing = { accessionNumber: '0000320193-26-000101', form: '8-K', filingDate: '2026-11-20', items: [], primaryDocument: 'aapl-20261120.htm' };
    expect(client.documentUrl('0000320193', filing)).toBe('http://127.0.0.1:4100/Archives/edgar/data/320193/000032019326000101/aapl-20261120.htm');
  });
});

describe('archivesBase', () => {
  it('should serve every path from one base URL unless told otherwise, keeping SEC\'s own host pair', () => {
    expect(archivesBase('http://127.0.0.1:4100', undefined)).toBe('http://127.0.0.1:4100');
    expect(archivesBase('https://data.sec.gov', undefined)).toBe('https://www.sec.gov');
    expect(archivesBase('https://data.sec.gov', 'https://mirror.example/')).toBe('https://mirror.example');
  });
});
