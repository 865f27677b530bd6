import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topology } from '../../../lib/topology.ts';
import { startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

let t: TestCloud;

beforeAll(async () => {
  t = await startTestCloud();
});

afterAll(async () => t?.stop());

const get = (path: string) => fetch(`${t.cloud.endpoints.http}${path}`);

describe('OpenAPI document and docs page, served by the stack', () => {
  it('It should serve the OpenAPI 3.1 document without a key, listing the routes', async () => {
    // Act
    const response = await get('/v1/openapi.json');
    const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/v1/health']?.get).toBeDefined();
    expect(doc.paths['/v1/openapi.json']?.get).toBeDefined();
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
    const served = topology.http.routes.map((r) => `${r.method} ${r.path}`);
    expect(documented.filter((route) => !served.includes(route))).toEqual([]);
  });

  it('It should serve an HTML docs page whose script and style come from the stack, not a CDN', async () => {
    const page = await get('/docs');
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/(?:src|href)="(docs\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.sort()).toEqual(['docs/docs.css', 'docs/docs.js']);
    for (const asset of assets) {
      const file = await get(`/${asset}`);
      expect(file.status, asset).toBe(200);
      expect(file.headers.get('content-type')).toMatch(asset?.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
      expect((await file.text()).length).toBeGreaterThan(500);
    }
  });

  it('It should send `/docs/` to the page at `/docs`, whose relative links then resolve, as a browser follows it', async () => {
    // Act
    const bare = await fetch(`${t.cloud.endpoints.http}/docs/`, { redirect: 'manual' });
    const followed = await get('/docs/');
    // Assess
    expect(bare.status).toBe(308);
    expect(new URL(bare.headers.get('location') ?? '', `${t.cloud.endpoints.http}/docs/`).pathname).toBe('/docs');
    expect(followed.status).toBe(200);
    expect(new URL(followed.url).pathname).toBe('/docs');
    expect(await followed.text()).toContain('<script src="docs/docs.js"');
  });

  it('It should answer 404 in the error envelope for a docs file that does not exist', async () => {
    const response = await get('/docs/secrets.txt');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ success: false, error: { code: 'ERR_NOT_FOUND' } });
  });
});
