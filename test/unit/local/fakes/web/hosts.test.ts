import { describe, expect, it } from 'vitest';
import { generateFakeWeb, normaliseHost } from '../../../../../lib/local/fakes/web/index.ts';

describe('fake web host names', () => {
  it('It should read a Host header without its port, case or trailing dot, and in punycode', () => {
    expect(normaliseHost('Northwind-Analytics.TEST:8080')).toBe('northwind-analytics.test');
    expect(normaliseHost('northwind-analytics.test.')).toBe('northwind-analytics.test');
    expect(normaliseHost('müller-maschinenbau.test')).toBe('xn--mller-maschinenbau-m6b.test');
    expect(normaliseHost('[::1]:4000')).toBe('[::1]');
  });

  it('It should find a site ground truth by its domain, its www host or its served host', () => {
    const web = generateFakeWeb({ siteCount: 20 });
    const apex = web.sites.find((s) => s.special === 'apex-to-www');
    const plain = web.sites.find((s) => !s.special);
    expect(web.groundTruth(`www.${plain?.domain}`)?.domain).toBe(plain?.domain);
    expect(web.groundTruth(apex?.servedHost as string)?.domain).toBe(apex?.domain);
    expect(web.groundTruth('elsewhere.test')).toBeUndefined();
  });
});
