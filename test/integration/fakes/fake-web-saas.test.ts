import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_SAAS_DOMAIN, UNREACHABLE_SAAS_DOMAIN, startFakeWeb } from '../../../lib/local/fakes/web/index.ts';
import type { FakeWebServer } from '../../../lib/local/fakes/web/index.ts';

let web: FakeWebServer;

/** fetch cannot set Host; the fake web answers by it, as the stack's connect-to mapping sends it. */
function get(host: string, path: string): Promise<{ status: number; location?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, path, headers: { host }, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ...(res.headers.location ? { location: res.headers.location } : {}), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  web = await startFakeWeb({ host: '127.0.0.1', port: 0, seed: 'saas-it', siteCount: 30 });
});
afterAll(async () => {
  await web.close();
});

describe('fake web SaaS sites over HTTP', () => {
  it('It should serve a SaaS site’s home, pricing, product and customer pages by Host, byte for byte what the generator lists', async () => {
    const site = web.web.saasSites[3]!;
    for (const page of web.listSitePages(site.domain)) {
      const answer = await get(site.domain, page.path);
      expect(answer.status).toBe(200);
      expect(answer.body).toBe(page.html);
    }
    const home = await get(site.domain, '/');
    expect(home.body).toContain(`href="${site.pricingPath}"`);
    expect(home.body).toContain(`href="${site.customersPath}"`);
  });

  it('It should redirect www to the apex and 404 an unknown path', async () => {
    const site = web.web.saasSites[0]!;
    const www = await get(`www.${site.domain}`, '/pricing');
    const missing = await get(site.domain, '/no-such-page');

    expect(www).toMatchObject({ status: 301, location: `http://${site.domain}/pricing` });
    expect(missing.status).toBe(404);
  });

  it('It should serve the bakery as a site with no software, and drop every connection to the unreachable one', async () => {
    const bakery = await get(NOT_SAAS_DOMAIN, '/');

    expect(bakery.status).toBe(200);
    expect(bakery.body).toContain('Harbor Street Bakery');
    await expect(get(UNREACHABLE_SAAS_DOMAIN, '/')).rejects.toThrow(/socket hang up|ECONNRESET/);
    // The server lives on for every other host.
    expect((await get(NOT_SAAS_DOMAIN, '/menu')).status).toBe(200);
  });
});
