/**
 * Detects technologies on one page from a compiled fingerprint set. `dom` and `js` rules need a
 * live page and run only when the browser supplies them; on plain HTTP they are skipped.
 * Implies, requires and excludes are then applied until nothing changes.
 */
import type { CompiledPattern } from './fingerprint-pattern.ts';
import { resolveVersion } from './fingerprint-pattern.ts';
import type { CompiledTechnology, FingerprintSet, KeyedPattern } from './fingerprint-set.ts';
import { MAX_FINGERPRINT_HTML_CHARS, MAX_FINGERPRINT_SCRIPT_CHARS } from './limits.ts';
import type { ParsedPage } from './parsed-page.ts';
import type { BrowserSignals } from './site-extraction.ts';
import { candidateTechnologies } from './technology-prefilter.ts';

export interface Detection {
  name: string;
  confidence: number;
  version?: string;
}

interface PageSignals {
  url: string;
  html: string;
  htmlLower: string;
  scripts: string;
  scriptsLower: string;
  scriptSrcs: readonly string[];
  /** Every script URL lowercased in one string: one `includes` rules a pattern out for all of them. */
  scriptSrcsLower: string;
  headers: Map<string, string[]>;
  cookies: Map<string, string>;
  meta: Map<string, string[]>;
  browser?: BrowserSignals;
}

class Hits {
  confidence = 0;
  version: string | undefined;

  /** `lower` is the value lowercased once per page, for the literal pre-check on long values. */
  test(pattern: CompiledPattern, value: string, lower?: string): void {
    if (lower !== undefined && pattern.literal !== undefined && !lower.includes(pattern.literal)) return;
    const match = pattern.regex.exec(value);
    if (!match) return;
    this.confidence += pattern.confidence;
    if (this.version === undefined && pattern.version) this.version = resolveVersion(pattern.version, match);
  }

  testKeyed(patterns: readonly KeyedPattern[], values: (key: string) => readonly string[]): void {
    for (const { key, pattern } of patterns) for (const value of values(key)) this.test(pattern, value);
  }
}

function cookieValues(cookies: Map<string, string>, key: string): string[] {
  // A trailing `*` in a cookie name matches by prefix (`_ga_*`).
  if (!key.endsWith('*')) return cookies.has(key) ? [cookies.get(key) as string] : [];
  const prefix = key.slice(0, -1);
  return [...cookies].filter(([name]) => name.startsWith(prefix)).map(([, v]) => v);
}

function browserHits(tech: CompiledTechnology, browser: BrowserSignals, hits: Hits): void {
  if (browser.js) {
    const js = browser.js;
    hits.testKeyed(tech.js, (key) => (Object.hasOwn(js, key) && js[key] !== undefined ? [String(js[key])] : []));
  }
  if (!browser.dom) return;
  for (const rule of tech.dom) {
    for (const match of browser.dom(rule.selector)) {
      if (rule.exists || (!rule.text && rule.attributes.length === 0 && rule.properties.length === 0)) hits.confidence += 100;
      if (rule.text) hits.test(rule.text, match.text ?? '');
      for (const { name, pattern } of rule.attributes) if (match.attributes?.[name] !== undefined) hits.test(pattern, match.attributes[name]);
      for (const { name, pattern } of rule.properties) if (match.properties?.[name] !== undefined) hits.test(pattern, String(match.properties[name]));
    }
  }
}

function detectOne(tech: CompiledTechnology, page: PageSignals): Detection | undefined {
  const hits = new Hits();
  for (const p of tech.url) hits.test(p, page.url);
  for (const p of tech.html) hits.test(p, page.html, page.htmlLower);
  for (const p of tech.scripts) hits.test(p, page.scripts, page.scriptsLower);
  for (const p of tech.scriptSrc) {
    if (p.literal !== undefined && !page.scriptSrcsLower.includes(p.literal)) continue;
    for (const src of page.scriptSrcs) hits.test(p, src);
  }
  hits.testKeyed(tech.headers, (k) => page.headers.get(k) ?? []);
  hits.testKeyed(tech.meta, (k) => page.meta.get(k) ?? []);
  hits.testKeyed(tech.cookies, (k) => cookieValues(page.cookies, k));
  if (page.browser) browserHits(tech, page.browser, hits);
  if (hits.confidence <= 0) return undefined;
  return { name: tech.name, confidence: Math.min(100, hits.confidence), version: hits.version };
}

/** Adds implied technologies and drops those whose requirements are missing, until stable; then excludes. */
export function resolveRelations(detected: Map<string, Detection>, set: FingerprintSet): Map<string, Detection> {
  const result = new Map(detected);
  for (let changed = true; changed; ) {
    changed = false;
    for (const detection of [...result.values()]) {
      for (const implied of set.technologies.get(detection.name)?.implies ?? []) {
        if (result.has(implied.name) || !set.technologies.has(implied.name)) continue;
        result.set(implied.name, { name: implied.name, confidence: Math.min(detection.confidence, implied.confidence) });
        changed = true;
      }
    }
    for (const name of [...result.keys()]) {
      const requires = set.technologies.get(name)?.requires ?? [];
      if (requires.some((r) => !result.has(r))) {
        result.delete(name);
        changed = true;
      }
    }
  }
  for (const name of [...result.keys()]) for (const excluded of set.technologies.get(name)?.excludes ?? []) result.delete(excluded);
  return result;
}

function pageSignals(page: ParsedPage, browser?: BrowserSignals): PageSignals {
  const html = page.html.length > MAX_FINGERPRINT_HTML_CHARS ? page.html.slice(0, MAX_FINGERPRINT_HTML_CHARS) : page.html;
  const scripts = page.inlineScripts.join('\n').slice(0, MAX_FINGERPRINT_SCRIPT_CHARS);
  return {
    url: page.url,
    html,
    htmlLower: html.toLowerCase(),
    scripts,
    scriptsLower: scripts.toLowerCase(),
    scriptSrcs: page.scriptSrcs,
    scriptSrcsLower: page.scriptSrcs.join('\n').toLowerCase(),
    headers: page.headers,
    cookies: page.cookies,
    meta: page.meta,
    browser,
  };
}

export function detectTechnologies(page: ParsedPage, set: FingerprintSet, browser?: BrowserSignals): Detection[] {
  const signals = pageSignals(page, browser);
  const candidates = candidateTechnologies(set, {
    lower: { html: signals.htmlLower, scripts: signals.scriptsLower, scriptSrc: signals.scriptSrcsLower },
    headers: page.headers,
    meta: page.meta,
    cookies: page.cookies,
    browser: browser !== undefined,
  });
  const detected = new Map<string, Detection>();
  // In the set's order, so relations resolve as they would over every technology.
  for (const tech of set.technologies.values()) {
    if (!candidates.has(tech)) continue;
    const hit = detectOne(tech, signals);
    if (hit) detected.set(hit.name, hit);
  }
  return [...resolveRelations(detected, set).values()];
}

/**
 * The reference path: every technology of the set matched against the page, no prefilter. Slow;
 * kept so tests can prove the prefilter never changes what detectTechnologies reports.
 */
export function detectTechnologiesExhaustively(page: ParsedPage, set: FingerprintSet, browser?: BrowserSignals): Detection[] {
  const signals = pageSignals(page, browser);
  const detected = new Map<string, Detection>();
  for (const tech of set.technologies.values()) {
    const hit = detectOne(tech, signals);
    if (hit) detected.set(hit.name, hit);
  }
  return [...resolveRelations(detected, set).values()];
}
