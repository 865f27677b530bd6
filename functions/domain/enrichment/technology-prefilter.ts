/**
 * Which technologies of a set could match a page at all, worked out in one pass over the page
 * instead of one pass per technology. A technology is a candidate when one of its rules has
 * something to read: a required literal present in the text its pattern scans, a header, meta
 * or cookie it is keyed on, a pattern with no literal to check, or browser signals for its dom
 * and js rules. Every other technology would find nothing, so skipping it changes no result:
 * candidates still go through the full matcher with its unchanged semantics.
 */
import type { CompiledPattern } from './fingerprint-pattern.ts';
import type { CompiledTechnology, FingerprintSet, KeyedPattern } from './fingerprint-set.ts';
import { LiteralScanner } from './literal-scan.ts';

type ScannedField = 'html' | 'scripts' | 'scriptSrc';
const SCANNED_FIELDS: readonly ScannedField[] = ['html', 'scripts', 'scriptSrc'];

interface PrefilterIndex {
  /** Run on every page: a pattern without a literal (or on the URL) could match anything. */
  always: Set<CompiledTechnology>;
  scanners: Record<ScannedField, LiteralScanner>;
  byLiteral: Record<ScannedField, Map<string, CompiledTechnology[]>>;
  byHeader: Map<string, CompiledTechnology[]>;
  byMeta: Map<string, CompiledTechnology[]>;
  byCookie: Map<string, CompiledTechnology[]>;
  /** Cookie keys ending in `*` match by prefix. */
  byCookiePrefix: Array<{ prefix: string; techs: CompiledTechnology[] }>;
  browser: CompiledTechnology[];
}

/** Lowercased page text per scanned field, as the matcher reads it. */
export interface ScannedText {
  html: string;
  scripts: string;
  scriptSrc: string;
}

export interface PrefilterPage {
  lower: ScannedText;
  headers: ReadonlyMap<string, unknown>;
  meta: ReadonlyMap<string, unknown>;
  cookies: ReadonlyMap<string, unknown>;
  browser: boolean;
}

const indexes = new WeakMap<FingerprintSet, PrefilterIndex>();

function push<K>(map: Map<K, CompiledTechnology[]>, key: K, tech: CompiledTechnology): void {
  const list = map.get(key);
  if (!list) map.set(key, [tech]);
  else if (list[list.length - 1] !== tech) list.push(tech);
}

function indexKeyed(patterns: readonly KeyedPattern[], map: Map<string, CompiledTechnology[]>, tech: CompiledTechnology): void {
  for (const { key } of patterns) push(map, key, tech);
}

function buildIndex(set: FingerprintSet): PrefilterIndex {
  const index: PrefilterIndex = {
    always: new Set(),
    scanners: {} as Record<ScannedField, LiteralScanner>,
    byLiteral: { html: new Map(), scripts: new Map(), scriptSrc: new Map() },
    byHeader: new Map(), byMeta: new Map(), byCookie: new Map(), byCookiePrefix: [], browser: [],
  };
  const prefixes = new Map<string, CompiledTechnology[]>();
  for (const tech of set.technologies.values()) {
    if (tech.url.length > 0) index.always.add(tech);
    for (const field of SCANNED_FIELDS) {
      for (const pattern of tech[field] as readonly CompiledPattern[]) {
        if (pattern.literal === undefined) index.always.add(tech);
        else push(index.byLiteral[field], pattern.literal, tech);
      }
    }
    indexKeyed(tech.headers, index.byHeader, tech);
    indexKeyed(tech.meta, index.byMeta, tech);
    for (const { key } of tech.cookies) push(key.endsWith('*') ? prefixes : index.byCookie, key.endsWith('*') ? key.slice(0, -1) : key, tech);
    if (tech.js.length > 0 || tech.dom.length > 0) index.browser.push(tech);
  }
  index.byCookiePrefix = [...prefixes].map(([prefix, techs]) => ({ prefix, techs }));
  for (const field of SCANNED_FIELDS) index.scanners[field] = new LiteralScanner(index.byLiteral[field].keys());
  return index;
}

function indexFor(set: FingerprintSet): PrefilterIndex {
  let index = indexes.get(set);
  if (!index) {
    index = buildIndex(set);
    indexes.set(set, index);
  }
  return index;
}

function addKeyed(out: Set<CompiledTechnology>, map: Map<string, CompiledTechnology[]>, present: ReadonlyMap<string, unknown>): void {
  // Whichever side is smaller is walked: a page has a few headers, a set may key on many.
  if (present.size <= map.size) {
    for (const key of present.keys()) for (const tech of map.get(key) ?? []) out.add(tech);
  } else {
    for (const [key, techs] of map) if (present.has(key)) for (const tech of techs) out.add(tech);
  }
}

/** The technologies worth running the full matcher for on this page. */
export function candidateTechnologies(set: FingerprintSet, page: PrefilterPage): Set<CompiledTechnology> {
  const index = indexFor(set);
  const out = new Set(index.always);
  for (const field of SCANNED_FIELDS) {
    const found = new Set<string>();
    index.scanners[field].scan(page.lower[field], found);
    for (const literal of found) for (const tech of index.byLiteral[field].get(literal) ?? []) out.add(tech);
  }
  addKeyed(out, index.byHeader, page.headers);
  addKeyed(out, index.byMeta, page.meta);
  addKeyed(out, index.byCookie, page.cookies);
  for (const { prefix, techs } of index.byCookiePrefix) {
    for (const name of page.cookies.keys()) {
      if (!name.startsWith(prefix)) continue;
      for (const tech of techs) out.add(tech);
      break;
    }
  }
  if (page.browser) for (const tech of index.browser) out.add(tech);
  return out;
}
