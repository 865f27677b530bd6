import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_COUNT, SPECIAL_KINDS, generateFakeWeb } from '../../../../../lib/local/fakes/web/index.ts';
import type { FakeWeb } from '../../../../../lib/local/fakes/web/index.ts';

/** A digest of every byte the web serves: truth, every page, robots and sitemaps. */
function digest(web: FakeWeb, order: 'forward' | 'reverse' = 'forward'): string {
  const sites = order === 'forward' ? [...web.sites] : [...web.sites].reverse();
  const parts = new Map<string, string>();
  for (const site of sites) {
    const paths = order === 'forward' ? site.pages : [...site.pages].reverse();
    for (const path of [...paths, '/robots.txt', '/sitemap.xml']) {
      const r = web.resolve(site.servedHost, path);
      parts.set(`${site.domain}${path}`, r.kind === 'body' ? `${r.status}${JSON.stringify(r.headers)}${r.body.toString('base64')}` : `${r.kind}${r.totalBytes}`);
    }
  }
  const hash = createHash('sha256').update(JSON.stringify(web.sites));
  for (const key of [...parts.keys()].sort()) hash.update(key).update(parts.get(key) as string);
  return hash.digest('hex');
}

describe('fake web generator', () => {
  it('It should produce the same bytes for the same seed, whatever order pages are rendered in', () => {
    const a = generateFakeWeb({ seed: 11, siteCount: 80 });
    const b = generateFakeWeb({ seed: 11, siteCount: 80 });
    expect(digest(a)).toBe(digest(b, 'reverse'));
  });

  it('It should produce different sites for a different seed', () => {
    const a = generateFakeWeb({ seed: 11, siteCount: 80 });
    const b = generateFakeWeb({ seed: 12, siteCount: 80 });
    expect(digest(a)).not.toBe(digest(b));
    expect(a.sites.map((s) => s.domain)).not.toEqual(b.sites.map((s) => s.domain));
  });

  it('It should make 300 sites by default with unique .test domains, and honour a configured count', () => {
    const web = generateFakeWeb();
    expect(web.sites).toHaveLength(DEFAULT_SITE_COUNT);
    const domains = web.sites.map((s) => s.domain);
    expect(new Set(domains).size).toBe(domains.length);
    for (const d of domains) expect(d).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)*\.test$/);
    expect(generateFakeWeb({ siteCount: 1200 }).sites).toHaveLength(1200);
    expect(() => generateFakeWeb({ siteCount: 0 })).toThrow(RangeError);
    expect(() => generateFakeWeb({ siteCount: 1.5 })).toThrow(RangeError);
  });

  it('It should flag every special kind of site in the ground truth', () => {
    const web = generateFakeWeb({ siteCount: 40 });
    const kinds = new Set(web.sites.map((s) => s.special).filter(Boolean));
    expect([...kinds].sort()).toEqual([...new Set(SPECIAL_KINDS)].sort());
    const idn = web.sites.find((s) => s.special === 'idn');
    expect(idn?.domain).toBe('xn--mller-maschinenbau-m6b.test');
    expect(idn?.unicodeDomain).toBe('müller-maschinenbau.test');
    expect(web.groundTruth('müller-maschinenbau.test')?.domain).toBe(idn?.domain);
    expect(web.sites.filter((s) => s.special === 'redirect-internal').map((s) => s.redirectTarget)).toContain('http://169.254.169.254/latest/meta-data/');
  });

  it('It should vary the sites as real ones vary: countries, markups, page paths, technologies', () => {
    const web = generateFakeWeb();
    const ordinary = web.sites.filter((s) => !s.special);
    expect(new Set(ordinary.map((s) => s.country)).size).toBe(6);
    expect(new Set(ordinary.map((s) => s.organization?.markup)).size).toBe(6);
    expect(new Set(ordinary.flatMap((s) => s.pages)).size).toBeGreaterThan(15);
    expect(new Set(ordinary.flatMap((s) => s.technologies.map((t) => t.name))).size).toBeGreaterThanOrEqual(50);
    expect(new Set(ordinary.flatMap((s) => s.emails.map((e) => e.rendering)))).toEqual(new Set(['mailto', 'text', 'at-dot', 'paren-at', 'entities']));
    expect(ordinary.some((s) => s.emails.some((e) => !e.ownDomain))).toBe(true);
    expect(ordinary.some((s) => s.hasSitemap) && ordinary.some((s) => !s.hasSitemap)).toBe(true);
  });

  it('It should list every page of a site with the HTML the server serves', () => {
    const web = generateFakeWeb({ siteCount: 30 });
    const site = web.sites.find((s) => !s.special && s.pages.length >= 4);
    if (!site) throw new Error('expected an ordinary site with several pages');
    const pages = web.listSitePages(site.domain);
    expect(pages.map((p) => p.path)).toEqual(site.pages);
    for (const page of pages) {
      const served = web.resolve(site.domain, page.path);
      expect(served.kind === 'body' && served.body.toString('utf8')).toBe(page.html);
      expect(page.url).toBe(`http://${site.domain}${page.path}`);
    }
    expect(web.listSitePages('nowhere.test')).toEqual([]);
  });
});
