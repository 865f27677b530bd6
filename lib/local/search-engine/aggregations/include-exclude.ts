import { parsingError, unsupported } from '../errors.ts';

/**
 * The `include` / `exclude` of a terms aggregation: a Lucene regular expression matched against
 * the whole term, or a list of exact terms. Lucene's syntax differs from JavaScript's (`.`
 * matches any character, `"..."` is a literal, `@ & ~ # <>` are operators), so patterns are
 * translated, and the optional operators this engine does not implement are refused by name.
 */

/** Longest pattern accepted: a guard against pathological inputs, far above what filter lists send. */
const MAX_PATTERN_LENGTH = 1_000;
const JS_SPECIAL = /[\\^$.*+?()[\]{}|/-]/;

function literal(ch: string): string {
  return JS_SPECIAL.test(ch) ? `\\${ch}` : ch;
}

function translateClass(pattern: string, start: number): { out: string; end: number } {
  let i = start + 1;
  let out = '[';
  if (pattern[i] === '^') {
    out += '^';
    i++;
  }
  let first = true;
  for (; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === ']' && !first) return { out: `${out}]`, end: i };
    first = false;
    if (ch === '\\') {
      i++;
      if (i >= pattern.length) break;
      out += literal(pattern[i]!);
    } else if (ch === '-' && out.length > 1 && pattern[i + 1] !== ']') {
      out += '-';
    } else {
      out += literal(ch);
    }
  }
  throw parsingError(`invalid regular expression [${pattern}]: expected ']' at position ${pattern.length}`);
}

/** Lucene RegExp syntax → an anchored JavaScript RegExp. */
export function luceneRegExp(pattern: string): RegExp {
  if (pattern.length > MAX_PATTERN_LENGTH) throw parsingError(`regular expression longer than ${MAX_PATTERN_LENGTH} characters`);
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      i++;
      if (i >= pattern.length) throw parsingError(`invalid regular expression [${pattern}]: trailing backslash`);
      out += literal(pattern[i]!);
    } else if (ch === '"') {
      const close = pattern.indexOf('"', i + 1);
      if (close < 0) throw parsingError(`invalid regular expression [${pattern}]: expected '"' at position ${pattern.length}`);
      for (const c of pattern.slice(i + 1, close)) out += literal(c);
      i = close;
    } else if (ch === '.') {
      out += '[\\s\\S]';
    } else if (ch === '[') {
      const cls = translateClass(pattern, i);
      out += cls.out;
      i = cls.end;
    } else if (ch === '{') {
      const close = pattern.indexOf('}', i);
      const body = close < 0 ? '' : pattern.slice(i + 1, close);
      if (!/^\d+(,\d*)?$/.test(body)) throw parsingError(`invalid regular expression [${pattern}]: bad repetition at position ${i}`);
      out += `{${body}}`;
      i = close;
    } else if ('*+?|()'.includes(ch)) {
      out += ch;
    } else if ('~&@#<'.includes(ch)) {
      throw unsupported(`regular expression operator [${ch}] in terms include/exclude (escape it with a backslash to match it literally)`);
    } else {
      out += literal(ch);
    }
  }
  try {
    return new RegExp(`^(?:${out})$`);
  } catch {
    throw parsingError(`invalid regular expression [${pattern}]`);
  }
}

export type TermFilter = (term: string) => boolean;

function filterOf(name: 'include' | 'exclude', value: unknown, keywordField: boolean): TermFilter | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    if (!keywordField) throw parsingError(`Aggregation [terms] cannot support regular expression style include/exclude settings as they can only be applied to string fields. Use an array of values for include/exclude clauses`);
    const re = luceneRegExp(value);
    return (term) => re.test(term);
  }
  if (Array.isArray(value)) {
    const set = new Set(value.map((v) => String(v)));
    return (term) => set.has(term);
  }
  if (typeof value === 'object' && 'partition' in value) throw unsupported(`terms ${name} partitions`);
  throw parsingError(`[terms] ${name} must be a string or an array of values`);
}

/** A predicate over bucket keys (as strings), or undefined when every key passes. */
export function parseIncludeExclude(include: unknown, exclude: unknown, keywordField: boolean): TermFilter | undefined {
  const inc = filterOf('include', include, keywordField);
  const exc = filterOf('exclude', exclude, keywordField);
  if (inc === undefined && exc === undefined) return undefined;
  return (term) => (inc === undefined || inc(term)) && (exc === undefined || !exc(term));
}
