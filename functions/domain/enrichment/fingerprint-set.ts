/**
 * A fingerprint set compiled once: every pattern turned into a RegExp up front, so matching a
 * page never compiles, and every refused pattern reported rather than silently dropped.
 */
import type { CompiledPattern } from './fingerprint-pattern.ts';
import { compilePattern } from './fingerprint-pattern.ts';
import type { OneOrMany, RawCategories, RawTechnology } from './fingerprint-schema.ts';

export interface DomRule {
  selector: string;
  exists: boolean;
  text?: CompiledPattern;
  attributes: Array<{ name: string; pattern: CompiledPattern }>;
  properties: Array<{ name: string; pattern: CompiledPattern }>;
}

export interface KeyedPattern {
  key: string;
  pattern: CompiledPattern;
}

export interface Reference {
  name: string;
  confidence: number;
}

export interface CompiledTechnology {
  name: string;
  categories: string[];
  html: CompiledPattern[];
  scriptSrc: CompiledPattern[];
  scripts: CompiledPattern[];
  url: CompiledPattern[];
  headers: KeyedPattern[];
  cookies: KeyedPattern[];
  meta: KeyedPattern[];
  js: KeyedPattern[];
  dom: DomRule[];
  implies: Reference[];
  requires: string[];
  excludes: string[];
}

export interface RefusedPattern {
  technology: string;
  field: string;
  pattern: string;
  reason: string;
}

export interface FingerprintSet {
  technologies: Map<string, CompiledTechnology>;
  refused: RefusedPattern[];
}

const many = (value: OneOrMany | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

class Compiler {
  readonly refused: RefusedPattern[] = [];
  constructor(private readonly technology: string) {}

  one(field: string, source: string): CompiledPattern | undefined {
    const result = compilePattern(source);
    if (result.ok) return result.pattern;
    this.refused.push({ technology: this.technology, field, pattern: source.slice(0, 200), reason: result.reason });
    return undefined;
  }

  list(field: string, value: OneOrMany | undefined): CompiledPattern[] {
    return many(value).map((s) => this.one(field, s)).filter((p): p is CompiledPattern => p !== undefined);
  }

  keyed(field: string, record: Record<string, OneOrMany> | undefined, lowerKeys: boolean): KeyedPattern[] {
    return Object.entries(record ?? {}).flatMap(([key, value]) =>
      many(value).flatMap((source) => {
        const pattern = this.one(`${field}.${key}`, source);
        return pattern ? [{ key: lowerKeys ? key.toLowerCase() : key, pattern }] : [];
      }),
    );
  }

  dom(value: RawTechnology['dom']): DomRule[] {
    if (value === undefined) return [];
    if (typeof value === 'string' || Array.isArray(value)) return many(value).map((selector) => ({ selector, exists: true, attributes: [], properties: [] }));
    return Object.entries(value).map(([selector, rule]) => ({
      selector,
      exists: rule.exists !== undefined,
      text: rule.text !== undefined ? this.one(`dom.${selector}.text`, rule.text) : undefined,
      attributes: this.keyed(`dom.${selector}.attributes`, rule.attributes, true).map(({ key, pattern }) => ({ name: key, pattern })),
      properties: this.keyed(`dom.${selector}.properties`, rule.properties, false).map(({ key, pattern }) => ({ name: key, pattern })),
    }));
  }
}

function references(value: OneOrMany | undefined): Reference[] {
  return many(value).map((raw) => {
    const [name = '', ...tags] = raw.split('\\;');
    const confidenceTag = tags.find((t) => t.startsWith('confidence:'));
    const confidence = confidenceTag ? Number(confidenceTag.slice('confidence:'.length)) : 100;
    return { name: name.trim(), confidence: Number.isFinite(confidence) ? confidence : 100 };
  });
}

export function compileTechnology(name: string, raw: RawTechnology, categories: RawCategories, refused: RefusedPattern[]): CompiledTechnology {
  const c = new Compiler(name);
  const compiled: CompiledTechnology = {
    name,
    categories: (raw.cats ?? []).map((id) => categories[String(id)]?.name).filter((n): n is string => n !== undefined),
    html: c.list('html', raw.html),
    scriptSrc: c.list('scriptSrc', raw.scriptSrc),
    scripts: c.list('scripts', raw.scripts),
    url: c.list('url', raw.url),
    headers: c.keyed('headers', raw.headers, true),
    cookies: c.keyed('cookies', raw.cookies, true),
    meta: c.keyed('meta', raw.meta, true),
    js: c.keyed('js', raw.js, false),
    dom: c.dom(raw.dom),
    implies: references(raw.implies),
    requires: references(raw.requires).map((r) => r.name),
    excludes: references(raw.excludes).map((r) => r.name),
  };
  refused.push(...c.refused);
  return compiled;
}

/** Compiles technology files (name → entry) against one categories table. */
export function compileFingerprintSet(files: ReadonlyArray<Record<string, RawTechnology>>, categories: RawCategories): FingerprintSet {
  const technologies = new Map<string, CompiledTechnology>();
  const refused: RefusedPattern[] = [];
  for (const file of files) {
    for (const [name, raw] of Object.entries(file)) {
      if (name === '__proto__' || typeof raw !== 'object' || raw === null) continue;
      technologies.set(name, compileTechnology(name, raw, categories, refused));
    }
  }
  return { technologies, refused };
}
