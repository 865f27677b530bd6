import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFingerprintDir } from '../../../../functions/domain/enrichment/fingerprint-loader.ts';
import { boundQuantifiers, compilePattern, resolveVersion } from '../../../../functions/domain/enrichment/fingerprint-pattern.ts';
import type { RawTechnologyFile } from '../../../../functions/domain/enrichment/fingerprint-schema.ts';
import { compileFingerprintSet } from '../../../../functions/domain/enrichment/fingerprint-set.ts';
import { detectTechnologies } from '../../../../functions/domain/enrichment/technology-matcher.ts';
import { body, parsed } from './page-fixtures.ts';

const CATEGORIES = { '1': { name: 'CMS' }, '2': { name: 'Languages' }, '3': { name: 'Libraries' } };
const setOf = (file: RawTechnologyFile) => compileFingerprintSet([file], CATEGORIES);
const names = (detections: Array<{ name: string }>) => detections.map((d) => d.name).sort();

describe('fingerprint patterns', () => {
  it('It should read version and confidence tags', () => {
    const result = compilePattern('jquery[.-]([\\d.]+)\\.js\\;version:\\1\\;confidence:50');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pattern.confidence).toBe(50);
    const match = result.pattern.regex.exec('/js/jquery-3.7.1.js') as RegExpExecArray;
    expect(resolveVersion(result.pattern.version as string, match)).toBe('3.7.1');
  });

  it('It should resolve the ternary version form', () => {
    const match = /(pro)?x/.exec('prox') as RegExpExecArray;
    expect(resolveVersion('\\1?Pro:Basic', match)).toBe('Pro');
    expect(resolveVersion('\\1?Pro:Basic', /(pro)?x/.exec('x') as RegExpExecArray)).toBe('Basic');
  });

  it.each([
    ['a nested quantifier', '(a+)+$', 'nested quantifier'],
    ['a starred group of stars', '(\\w*x)*y', 'nested quantifier'],
    ['an overlong pattern', 'a'.repeat(1_001), 'longer than'],
    ['an invalid regex', '([a-z', 'invalid regex'],
  ])('It should refuse %s', (_case, source, reason) => {
    const result = compilePattern(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it.each([
    ['[\\w-]+\\.cdn\\.com', '[\\w-]{1,256}\\.cdn\\.com'],
    ['a*b+?c{2,}d{3}', 'a{0,256}b{1,256}?c{2,256}d{3}'],
    ['[+*]\\+x', '[+*]\\+x'],
    ['(?:ab)+', '(?:ab){1,256}'],
  ])('It should bound the unbounded quantifiers of %s', (source, bounded) => {
    expect(boundQuantifiers(source)).toBe(bounded);
  });

  it('It should report refused patterns with their technology and keep the others', () => {
    const set = setOf({ Bad: { cats: [1], html: ['(x+)+y', 'good-marker'] } });
    expect(set.refused).toEqual([expect.objectContaining({ technology: 'Bad', field: 'html' })]);
    expect(names(detectTechnologies(parsed(body('<p class="good-marker">x</p>')), set))).toEqual(['Bad']);
  });
});

describe('technology matching', () => {
  const set = setOf({
    CmsX: { cats: [1], meta: { generator: '^CmsX ([\\d.]+)\\;version:\\1' }, implies: ['LangY'] },
    LangY: { cats: [2], headers: { 'X-Powered-By': '^LangY' } },
    PluginZ: { cats: [3], html: ['plugin-z'], requires: ['CmsX'] },
    LibA: { cats: [3], scriptSrc: ['liba\\.js'], excludes: ['LibB'] },
    LibB: { cats: [3], scriptSrc: ['libb\\.js'] },
    Weak: { cats: [3], cookies: { weak_cookie: '\\;confidence:40' }, scripts: ['weakInit\\(\\)\\;confidence:30'] },
    Prefixed: { cats: [3], cookies: { '_pfx_*': '' } },
    BrowserOnly: { cats: [3], js: { 'App.version': '^([\\d.]+)\\;version:\\1' }, dom: { '#app[data-v]': { attributes: { 'data-v': '(\\d+)\\;version:\\1' } } } },
    UrlMatch: { cats: [3], url: ['^https://shop\\.'] },
  });

  it('It should read meta with a version, and apply implies', () => {
    const found = detectTechnologies(parsed('<meta name="generator" content="CmsX 4.2">'), set);
    expect(found).toEqual(expect.arrayContaining([{ name: 'CmsX', confidence: 100, version: '4.2' }, { name: 'LangY', confidence: 100 }]));
  });

  it('It should match headers case-insensitively by name', () => {
    expect(names(detectTechnologies(parsed(body(''), undefined, { headers: { 'x-powered-by': 'LangY/2' } }), set))).toEqual(['LangY']);
  });

  it('It should drop a technology whose requirement is missing and keep it when present', () => {
    expect(names(detectTechnologies(parsed(body('<div class="plugin-z"></div>')), set))).toEqual([]);
    expect(names(detectTechnologies(parsed(`<meta name="generator" content="CmsX 1"><div class="plugin-z"></div>`), set))).toEqual(['CmsX', 'LangY', 'PluginZ']);
  });

  it('It should apply excludes', () => {
    expect(names(detectTechnologies(parsed(body('<script src="/liba.js"></script><script src="/libb.js"></script>')), set))).toEqual(['LibA']);
  });

  it('It should add confidences of the patterns that matched, capped at 100', () => {
    const page = parsed(body('<script>weakInit()</script>'), undefined, { cookies: { weak_cookie: '1' } });
    expect(detectTechnologies(page, set)).toEqual([{ name: 'Weak', confidence: 70, version: undefined }]);
  });

  it('It should match a cookie name with a trailing wildcard by prefix', () => {
    expect(names(detectTechnologies(parsed(body(''), undefined, { cookies: { _pfx_abc: '1' } }), set))).toEqual(['Prefixed']);
  });

  it('It should match the page URL', () => {
    expect(names(detectTechnologies(parsed(body(''), 'https://shop.acme.com/'), set))).toEqual(['UrlMatch']);
  });

  it('It should skip dom and js rules on plain HTTP and use them when the browser supplies data', () => {
    const html = body('<div id="app" data-v="7"></div>');
    expect(names(detectTechnologies(parsed(html), set))).toEqual([]);
    const viaJs = detectTechnologies(parsed(html), set, { js: { 'App.version': '3.1.0' } });
    expect(viaJs).toEqual([{ name: 'BrowserOnly', confidence: 100, version: '3.1.0' }]);
    const viaDom = detectTechnologies(parsed(html), set, { dom: (selector) => (selector === '#app[data-v]' ? [{ attributes: { 'data-v': '7' } }] : []) });
    expect(viaDom).toEqual([{ name: 'BrowserOnly', confidence: 100, version: '7' }]);
  });

  it('It should finish on a hostile page (a megabyte of near-matches) without a match: quantifiers are bounded', () => {
    const hostile = body(`<p>${'a'.repeat(1_000_000)}</p>`);
    const slowSet = setOf({ Greedy: { cats: [3], html: ['a{2,}b'] } });
    expect(detectTechnologies(parsed(hostile), slowSet)).toEqual([]);
  });
});

describe('fingerprint directory loader', () => {
  mkdirSync(tmpdir(), { recursive: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'fingerprints-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('It should read the webappanalyzer layout: categories.json beside a technologies/ folder', () => {
    mkdirSync(path.join(dir, 'technologies'));
    writeFileSync(path.join(dir, 'categories.json'), JSON.stringify({ '7': { name: 'Widgets', priority: 1 } }));
    writeFileSync(path.join(dir, 'technologies', 'a.json'), JSON.stringify({ Widgetly: { cats: [7], scriptSrc: 'widgetly\\.js', icon: 'w.svg', website: 'https://w.example' } }));
    writeFileSync(path.join(dir, 'technologies', 'b.json'), '{"__proto__": {"cats": [7]}, "Other": {"cats": [7], "html": "other-widget"}}');
    const set = loadFingerprintDir(dir);
    expect([...set.technologies.keys()].sort()).toEqual(['Other', 'Widgetly']);
    expect(set.technologies.get('Widgetly')?.categories).toEqual(['Widgets']);
    expect(names(detectTechnologies(parsed(body('<script src="/widgetly.js"></script>')), set))).toEqual(['Widgetly']);
  });

  it('It should fail loudly when a directory has no categories file', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'fingerprints-empty-'));
    expect(() => loadFingerprintDir(empty)).toThrow(/categories\.json/);
    rmSync(empty, { recursive: true, force: true });
  });
});
