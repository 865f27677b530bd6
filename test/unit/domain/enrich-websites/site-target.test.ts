import { describe, expect, it } from 'vitest';
import { enrichWebsitesDataSchema } from '../../../../functions/domain/enrich-websites/job-data.ts';
import { MAX_DOMAINS_PER_JOB } from '../../../../functions/domain/enrich-websites/limits.ts';
import { parseSiteTarget } from '../../../../functions/domain/enrich-websites/site-target.ts';

describe('parseSiteTarget', () => {
  it.each([
    ['acme.com', 'acme.com', undefined],
    ['  ACME.com.  ', 'acme.com', undefined],
    ['www.acme.com', 'acme.com', undefined],
    ['https://www.Acme.com/about?x=1', 'acme.com', 'https://www.acme.com/about'],
    ['http://shop.acme.co.uk', 'shop.acme.co.uk', 'http://shop.acme.co.uk/'],
    ['bücher.de', 'xn--bcher-kva.de', undefined],
    ['acme.com/contact', 'acme.com', undefined],
  ])('It should canonicalise %s', (input, domain, startUrl) => {
    const target = parseSiteTarget(input);
    expect(target).toEqual({ ok: true, domain, ...(startUrl ? { startUrl } : {}) });
  });

  it.each([
    ['', 'not_a_domain'],
    ['localhost', 'not_a_domain'],
    ['not a domain', 'not_a_domain'],
    ['-acme.com', 'not_a_domain'],
    ['acme..com', 'not_a_domain'],
    [`${'a'.repeat(64)}.com`, 'not_a_domain'],
    ['10.0.0.1', 'ip_address'],
    ['http://169.254.169.254/latest/meta-data', 'ip_address'],
    ['http://[::1]/', 'ip_address'],
    ['https://user:secret@acme.com/', 'credentials_in_url'],
    ['user@acme.com', 'credentials_in_url'],
    ['ftp://acme.com/', 'scheme'],
    ['javascript://acme.com/%0Aalert(1)', 'scheme'],
    ['1.2.3.4.5', 'not_a_domain'],
  ])('It should refuse %j as %s', (input, reason) => {
    const target = parseSiteTarget(input);
    expect(target.ok).toBe(false);
    if (!target.ok) expect(target.reason).toBe(reason);
  });
});

describe('enrich_websites job data', () => {
  it('It should apply the documented defaults and drop duplicate domains', () => {
    const data = enrichWebsitesDataSchema.parse({ domains: ['acme.com', 'https://www.acme.com', 'globex.test'] });
    expect(data).toEqual({ domains: ['acme.com', 'globex.test'], options: { pages_per_site: 5, browser: 'auto', respect_robots: true } });
  });

  it('It should name the bad domain by its index', () => {
    const parsed = enrichWebsitesDataSchema.safeParse({ domains: ['acme.com', 'http://127.0.0.1/', 'x'] });
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(['domains.1', 'domains.2']);
  });

  it.each([
    [{}, 'domains'],
    [{ domains: ['a.com'], query: {} }, 'domains'],
    [{ domains: [] }, 'domains'],
    [{ domains: Array.from({ length: MAX_DOMAINS_PER_JOB + 1 }, (_, i) => `s${i}.com`) }, 'domains'],
    [{ domains: ['a.com'], options: { pages_per_site: 0 } }, 'options.pages_per_site'],
    [{ domains: ['a.com'], options: { browser: 'sometimes' } }, 'options.browser'],
    [{ domains: ['a.com'], options: { robots: false } }, 'options'],
    [{ domains: ['a.com'], colour: 'red' }, ''],
  ])('It should refuse %j at %s', (input, path) => {
    const parsed = enrichWebsitesDataSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('It should accept a VQL where over companies', () => {
    const data = enrichWebsitesDataSchema.parse({ query: { keyword_match: { must: { country: 'germany' } } }, options: { browser: 'never' } });
    expect(data.query).toEqual({ keyword_match: { must: { country: 'germany' } } });
    expect(data.options.browser).toBe('never');
  });
});
