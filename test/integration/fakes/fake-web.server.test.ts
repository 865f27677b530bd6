import { request } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeWebProvider, startFakeWeb } from '../../../lib/local/fakes/web/index.ts';
import type { FakeWebServer, SiteTruth } from '../../../lib/local/fakes/web/index.ts';

interface Answer { status: number; headers: IncomingHttpHeaders; body: Buffer }

/** Connects to the fake web's port while the Host header names the site, as the stack's connect-to does. */
function open(port: number, host: string, path: string, method = 'GET'): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host }, agent: false }, resolve);
    req.on('error', reject);
    req.end();
  });
}

/** Waits, without a deadline of its own, until the server holds `count` unanswered requests. */
async function untilInFlight(server: FakeWebServer, count: number): Promise<void> {
  while (server.inFlight() < count) await new Promise((r) => setTimeout(r, 5));
}

async function get(port: number, host: string, path = '/', method = 'GET'): Promise<Answer> {
  const res = await open(port, host, path, method);
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) };
}

const HUGE_BYTES = 21 * 1024 * 1024;
let web: FakeWebServer;
const special = (kind: SiteTruth['special']): SiteTruth[] => web.sites.filter((s) => s.special === kind);
const first = (kind: SiteTruth['special']): SiteTruth => special(kind)[0] as SiteTruth;
const ordinary = (): SiteTruth => web.sites.find((s) => !s.special && s.pages.length >= 4 && s.hasSitemap) as SiteTruth;

beforeAll(async () => {
  web = await startFakeWeb({ host: '127.0.0.1', port: 0, seed: 5, siteCount: 60, hugePageBytes: HUGE_BYTES, knobs: { slowSiteDelayMs: 60_000 } });
});
afterAll(async () => { await web.close(); });

describe('fake web server', () => {
  it('It should serve each site by Host header on one loopback port, byte for byte what the generator lists', async () => {
    expect(web.url).toBe(`http://127.0.0.1:${web.port}`);
    const site = ordinary();
    for (const page of web.listSitePages(site.domain)) {
      const answer = await get(web.port, `${site.domain}:${web.port}`, page.path);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.body.toString('utf8')).toBe(page.html);
    }
    const home = await get(web.port, site.domain.toUpperCase(), '/?utm_source=test');
    expect(home.status).toBe(200);
    expect(home.body.toString('utf8')).toContain(`<title>${site.companyName}`);
  });

  it('It should send technology headers and cookies the way real stacks do', async () => {
    const site = web.sites.find((s) => s.technologies.some((t) => t.name === 'Cloudflare')) as SiteTruth;
    const home = await get(web.port, site.domain, '/');
    expect(home.headers.server).toBe('cloudflare');
    expect(home.headers['cf-ray']).toMatch(/^[0-9a-f]{16}-[A-Z]{3}$/);
    expect(home.headers['set-cookie']?.some((c) => c.startsWith('__cf_bm='))).toBe(true);
  });

  it('It should serve robots.txt and a sitemap, and 404 unknown paths and unknown hosts', async () => {
    const site = ordinary();
    const robots = await get(web.port, site.domain, '/robots.txt');
    expect(robots.headers['content-type']).toMatch(/^text\/plain/);
    expect(robots.body.toString()).toContain('User-agent: *');
    expect(robots.body.toString()).toContain(`Sitemap: http://${site.domain}/sitemap.xml`);
    const sitemap = await get(web.port, site.domain, '/sitemap.xml');
    for (const path of site.pages) expect(sitemap.body.toString()).toContain(`<loc>http://${site.domain}${path}</loc>`);
    expect((await get(web.port, site.domain, '/no-such-page')).status).toBe(404);
    expect((await get(web.port, 'unknown-company.test', '/')).status).toBe(404);
    expect((await get(web.port, '127.0.0.1', '/')).status).toBe(404);
  });

  it('It should redirect www to the apex, and the apex-to-www site the other way', async () => {
    const site = ordinary();
    const www = await get(web.port, `www.${site.domain}`, '/about?x=1');
    expect(www.status).toBe(301);
    expect(www.headers.location).toBe(`http://${site.domain}/about`);
    const apexSite = first('apex-to-www');
    const apex = await get(web.port, apexSite.domain, '/');
    expect(apex.status).toBe(301);
    expect(apex.headers.location).toBe(`http://www.${apexSite.domain}/`);
    expect((await get(web.port, `www.${apexSite.domain}`, '/')).status).toBe(200);
  });

  it('It should serve the IDN site under its punycode host', async () => {
    const site = first('idn');
    const home = await get(web.port, site.domain, '/');
    expect(site.domain.startsWith('xn--')).toBe(true);
    expect(home.status).toBe(200);
    expect(home.body.toString('utf8')).toContain('Müller Maschinenbau');
  });

  it('It should loop redirects forever on the redirect-loop site', async () => {
    const site = first('redirect-loop');
    let path = '/';
    const seen: string[] = [];
    for (let hop = 0; hop < 6; hop++) {
      const answer = await get(web.port, site.domain, path);
      expect(answer.status).toBe(302);
      const next = new URL(answer.headers.location as string);
      expect(next.host).toBe(site.domain);
      seen.push(path);
      path = next.pathname;
    }
    expect(seen.slice(0, 3)).toEqual(seen.slice(3, 6));
  });

  it('It should redirect to internal addresses, directly and after a same-site hop', async () => {
    const targets = special('redirect-internal');
    expect(targets.length).toBe(4);
    const metadata = targets.find((s) => s.redirectTarget?.includes('169.254.169.254')) as SiteTruth;
    const direct = await get(web.port, metadata.domain, '/');
    expect(direct.status).toBe(301);
    expect(direct.headers.location).toBe('http://169.254.169.254/latest/meta-data/');
    const loopback = targets.find((s) => s.redirectTarget === 'http://127.0.0.1:1/') as SiteTruth;
    const hop = await get(web.port, loopback.domain, '/');
    expect(hop.headers.location).toBe(`http://${loopback.domain}/login`);
    expect((await get(web.port, loopback.domain, '/login')).headers.location).toBe('http://127.0.0.1:1/');
  });

  it('It should answer 500 on the failing site and binary bodies with their real types on the non-HTML site', async () => {
    expect((await get(web.port, first('server-error').domain, '/')).status).toBe(500);
    const nonHtml = first('non-html');
    const pdf = await get(web.port, nonHtml.domain, '/');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const binary = await get(web.port, nonHtml.domain, '/contact.html');
    expect(binary.headers['content-type']).toBe('application/octet-stream');
    expect(binary.body.length).toBe(4096);
  });

  it('It should stream the huge page in chunks, without a length announced up front', async () => {
    const res = await open(web.port, first('huge-page').domain, '/');
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['content-length']).toBeUndefined();
    let total = 0;
    let largest = 0;
    let tail = '';
    for await (const chunk of res) {
      total += (chunk as Buffer).length;
      largest = Math.max(largest, (chunk as Buffer).length);
      tail = (tail + (chunk as Buffer).toString('utf8')).slice(-32);
    }
    expect(total).toBe(HUGE_BYTES);
    expect(largest).toBeLessThan(HUGE_BYTES / 10);
    expect(tail.endsWith('</body></html>\n')).toBe(true);
  });

  it('It should let a client hang up halfway through the huge page and keep serving', async () => {
    const res = await open(web.port, first('huge-page').domain, '/');
    await new Promise<void>((resolve) => res.once('data', () => resolve()));
    res.destroy();
    expect((await get(web.port, ordinary().domain, '/')).status).toBe(200);
  });

  it('It should hold the slow site answer while other sites answer', async () => {
    const slow = first('slow');
    let slowSettled = false;
    const pending = get(web.port, slow.domain, '/').then(() => { slowSettled = true; }, () => { slowSettled = true; });
    await untilInFlight(web, 1);
    const fast = await get(web.port, ordinary().domain, '/');
    expect(fast.status).toBe(200);
    expect(slowSettled).toBe(false);
    web.setKnobs({ slowSiteDelayMs: 0 });
    const again = await get(web.port, slow.domain, slow.pages[1] as string);
    expect(again.status).toBe(200);
    expect(slowSettled).toBe(false);
    // Closing the server at the end releases the first request; nothing else waits for it.
    void pending;
  });
});

describe('fake web knobs and provider shape', () => {
  it('It should answer 503 with Retry-After during a forced outage, and recover when it ends', async () => {
    const server = await fakeWebProvider.start({ host: '127.0.0.1', port: 0, seed: 9, knobs: { outage: true }, siteCount: 20 });
    try {
      expect(fakeWebProvider.name).toBe('web');
      const site = server.sites.find((s) => !s.special) as SiteTruth;
      const down = await get(server.port, site.domain, '/');
      expect(down.status).toBe(503);
      expect(down.headers['retry-after']).toBe('30');
      server.setKnobs({ outage: false });
      expect((await get(server.port, site.domain, '/')).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('It should fail about the configured share of requests, the same ones for the same seed', async () => {
    const statuses = async (): Promise<number[]> => {
      const server = await startFakeWeb({ seed: 3, siteCount: 20, knobs: { errorRate: 0.5 } });
      try {
        const site = server.sites.find((s) => !s.special) as SiteTruth;
        const out: number[] = [];
        for (let i = 0; i < 40; i++) out.push((await get(server.port, site.domain, '/')).status);
        return out;
      } finally {
        await server.close();
      }
    };
    const a = await statuses();
    expect(a.filter((s) => s === 503).length).toBeGreaterThan(8);
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(8);
    expect(await statuses()).toEqual(a);
  });

  it('It should hold answers back by the latency knob', async () => {
    const server = await startFakeWeb({ seed: 4, siteCount: 20, knobs: { latencyMs: 60_000 } });
    try {
      const site = server.sites.find((s) => !s.special) as SiteTruth;
      let delayedSettled = false;
      void get(server.port, site.domain, '/').then(() => { delayedSettled = true; }, () => { delayedSettled = true; });
      await untilInFlight(server, 1);
      server.setKnobs({ latencyMs: 0 });
      expect((await get(server.port, site.domain, '/')).status).toBe(200);
      expect(delayedSettled).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('It should refuse to bind anything but loopback', async () => {
    await expect(startFakeWeb({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});
