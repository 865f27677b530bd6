/**
 * Fingerprint patterns in the webappanalyzer notation: a regex source followed by tags,
 * `jquery[.-]([\d.]+)\.js\;version:\1\;confidence:50`. Compiled once, case-insensitively,
 * and refused when long or shaped for catastrophic backtracking.
 */
import { MAX_PATTERN_CHARS, MAX_PATTERN_REPEAT } from './limits.ts';

export interface CompiledPattern {
  regex: RegExp;
  /** A lowercase substring every match contains: a cheap `includes` skips the regex on most pages. */
  literal?: string;
  /** Template such as `\1` or `\1?4:3`; resolved against the match. */
  version?: string;
  confidence: number;
}

export type PatternResult = { ok: true; pattern: CompiledPattern } | { ok: false; reason: string };

/**
 * Rewrites unbounded quantifiers (`+`, `*`, `{n,}`) as bounded ones. An unbounded run that
 * fails at its end costs O(n²) over a long stretch of matching characters (`[\w-]+\.cdn\.com`
 * against a megabyte of letters took minutes); bounded, a failed attempt costs at most
 * MAX_PATTERN_REPEAT steps per position. Escapes and character classes are left untouched.
 */
export function boundQuantifiers(source: string, max = MAX_PATTERN_REPEAT): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i] as string;
    if (ch === '\\') {
      out += ch + (source[i + 1] ?? '');
      i += 1;
    } else if (inClass) {
      inClass = ch !== ']';
      out += ch;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (ch === '+') out += `{1,${max}}`;
    else if (ch === '*') out += `{0,${max}}`;
    else {
      const open = ch === '{' ? /^\{(\d+),\}/.exec(source.slice(i, i + 12)) : null;
      if (open) {
        out += `{${open[1]},${Math.max(max, Number(open[1]))}}`;
        i += open[0].length - 1;
      } else out += ch;
    }
  }
  return out;
}

const MIN_LITERAL = 3;
const ESCAPED_LITERALS = new Set('.-/?()[]{}*+^$|\\:;=#&%@!,\'" <>_~'.split(''));

function skipClass(source: string, start: number): number {
  let i = start + 1;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i;
}

/** Markup and URL pieces nearly every page holds: a literal made of them rules out almost nothing. */
const COMMON_TOKENS = /class=|src=|href=|https?:|\/\/|www\.|\.com|\.js|cdn\.|<div|<script|<link|<meta|id=|["'<>\s]/gi;

/** How well a literal rules pages out: its length once the pieces every page holds are removed. */
const selectivity = (literal: string): number => literal.replace(COMMON_TOKENS, '').length;

/**
 * A run of plain characters outside groups that any match must contain, or undefined when there
 * is none worth checking: of all such runs, the one that rules out most pages (`class="` and
 * `.com` are on every page, `et_pb_` is not), the longest among equals.
 */
export function requiredLiteral(source: string): string | undefined {
  let best = '';
  let run = '';
  let depth = 0;
  const end = (dropLast: boolean): void => {
    const kept = dropLast ? run.slice(0, -1) : run;
    if (depth === 0 && kept.length >= MIN_LITERAL) {
      const gain = selectivity(kept) - selectivity(best);
      if (gain > 0 || (gain === 0 && kept.length > best.length)) best = kept;
    }
    run = '';
  };
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i] as string;
    const next = source[i + 1] ?? '';
    if (ch === '\\') {
      if (ESCAPED_LITERALS.has(next) && depth === 0) run += next;
      else end(false);
      i += 1;
    } else if (ch === '|') {
      // Alternation outside any group makes every run optional; inside one, only that group's.
      if (depth === 0) return undefined;
      end(false);
    } else if (ch === '(' || ch === ')') {
      end(false);
      depth += ch === '(' ? 1 : -1;
    } else if (ch === '[') {
      end(false);
      i = skipClass(source, i);
    } else if (ch === '?' || ch === '*' || ch === '{') {
      end(true);
      if (ch === '{') while (i < source.length && source[i] !== '}') i += 1;
    } else if (ch === '+' || ch === '.' || ch === '^' || ch === '$') end(false);
    else if (depth === 0) run += ch;
  }
  end(false);
  return best.length >= MIN_LITERAL ? best.toLowerCase() : undefined;
}

/** A quantified group that itself holds an unbounded quantifier: `(a+)+`, `(\w*x)*`, `(.+){2,}`. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)[+*{]/;

export function compilePattern(source: string): PatternResult {
  const [regexSource = '', ...tags] = source.split('\\;');
  if (regexSource.length > MAX_PATTERN_CHARS) return { ok: false, reason: `longer than ${MAX_PATTERN_CHARS} characters` };
  if (NESTED_QUANTIFIER.test(regexSource)) return { ok: false, reason: 'nested quantifier (catastrophic backtracking)' };
  let regex: RegExp;
  try {
    // Sources are written for JavaScript but may still escape `/`; both forms compile the same.
    regex = new RegExp(boundQuantifiers(regexSource), 'i');
  } catch (error) {
    return { ok: false, reason: `invalid regex: ${(error as Error).message}` };
  }
  let version: string | undefined;
  let confidence = 100;
  for (const tag of tags) {
    const sep = tag.indexOf(':');
    const key = sep < 0 ? tag : tag.slice(0, sep);
    const value = sep < 0 ? '' : tag.slice(sep + 1);
    if (key === 'version') version = value;
    else if (key === 'confidence') {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0 || n > 100) return { ok: false, reason: `bad confidence ${value}` };
      confidence = n;
    }
  }
  return { ok: true, pattern: { regex, version, confidence, literal: requiredLiteral(regexSource) } };
}

/** The version a template names for one match: `\1` → group 1, `\1?a:b` → a when group 1 matched. */
export function resolveVersion(template: string, match: RegExpExecArray): string | undefined {
  const group = (n: string): string => match[Number(n)] ?? '';
  const ternary = /^\\(\d)\?([^:]*):(.*)$/.exec(template);
  const raw = ternary ? (group(ternary[1] as string) ? (ternary[2] as string) : (ternary[3] as string)) : template;
  const value = raw.replace(/\\(\d)/g, (_, n: string) => group(n)).trim();
  return value.length > 0 && value.length <= 40 ? value : undefined;
}
