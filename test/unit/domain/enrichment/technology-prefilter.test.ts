import { describe, expect, it } from 'vitest';
import { LiteralScanner } from '../../../../functions/domain/enrichment/literal-scan.ts';
import { parsePage } from '../../../../functions/domain/enrichment/parsed-page.ts';
import { shippedFingerprints } from '../../../../functions/domain/enrichment/shipped-fingerprints.ts';
import { detectTechnologies, detectTechnologiesExhaustively } from '../../../../functions/domain/enrichment/technology-matcher.ts';
import { generateFakeWeb } from '../../../../lib/local/fakes/web/index.ts';

const scan = (literals: string[], text: string): string[] => {
  const found = new Set<string>();
  new LiteralScanner(literals).scan(text, found);
  return [...found].sort();
};

describe('the literal scanner', () => {
  it('It should find every literal that occurs, overlapping, sharing a prefix, at either end of the text', () => {
    expect(scan(['abc', 'abcd', 'bcd', 'xyz', 'cd/e'], 'abcd/e')).toEqual(['abc', 'abcd', 'bcd', 'cd/e']);
    expect(scan(['/_next/static/', 'wp-content'], 'src="/_next/static/x.js"')).toEqual(['/_next/static/']);
    expect(scan(['héllo', 'ünïcode'], 'say héllo')).toEqual(['héllo']);
  });

  it('It should find nothing in a text shorter than any literal, and refuse literals shorter than three characters', () => {
    expect(scan(['abc'], 'ab')).toEqual([]);
    expect(() => new LiteralScanner(['ab'])).toThrow(RangeError);
  });

  it('It should agree with includes on random texts over a small alphabet, where near-misses are common', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const word = (len: number): string => Array.from({ length: len }, () => 'ab.c/'.charAt(random(5))).join('');
    for (let round = 0; round < 200; round += 1) {
      const literals = Array.from({ length: 12 }, () => word(3 + random(4)));
      const text = word(random(80));
      expect(scan(literals, text)).toEqual([...new Set(literals.filter((l) => text.includes(l)))].sort());
    }
  });
});

describe('the technology prefilter', () => {
  it('It should report exactly what matching every technology reports, on every page of the fake web', () => {
    const web = generateFakeWeb({ siteCount: 60 });
    const set = shippedFingerprints();
    let pages = 0;
    let detections = 0;
    for (const site of web.sites) {
      for (const path of site.pages) {
        const r = web.resolve(site.servedHost, path);
        if (r.kind !== 'body' || r.status !== 200) continue;
        const cookies = Object.fromEntries(([] as string[]).concat(r.headers['set-cookie'] ?? []).map((c) => (c.split(';')[0] ?? '').split('=') as [string, string]));
        const page = parsePage({ url: `http://${site.servedHost}${path}`, status: 200, headers: r.headers, cookies, html: r.body.toString('utf8') });
        const fast = detectTechnologies(page, set);
        expect(fast).toEqual(detectTechnologiesExhaustively(page, set));
        pages += 1;
        detections += fast.length;
      }
    }
    expect(pages).toBeGreaterThan(100);
    expect(detections).toBeGreaterThan(pages);
  });

  it('It should still run dom and js rules when the browser supplies signals', () => {
    const page = parsePage({ url: 'https://acme.com/', status: 200, headers: {}, html: '<html><body></body></html>' });
    const browser = { js: { 'jQuery.fn.jquery': '3.7.1' } };
    expect(detectTechnologies(page, shippedFingerprints(), browser)).toEqual(detectTechnologiesExhaustively(page, shippedFingerprints(), browser));
  });
});
