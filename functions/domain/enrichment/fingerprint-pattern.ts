/**
 * Fingerprint patterns in the webappanalyzer notation: a regex source followed by tags,
 * `jquery[.-]([\d.]+)\.js\;version:\1\;confidence:50`. Compiled once, case-insensitively,
 * and refused when long or shaped for catastrophic backtracking.
 */
import { MAX_PATTERN_CHARS } from './limits.ts';

export interface CompiledPattern {
  regex: RegExp;
  /** Template such as `\1` or `\1?4:3`; resolved against the match. */
  version?: string;
  confidence: number;
}

export type PatternResult = { ok: true; pattern: CompiledPattern } | { ok: false; reason: string };

/** A quantified group that itself holds an unbounded quantifier: `(a+)+`, `(\w*x)*`, `(.+){2,}`. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)[+*{]/;

export function compilePattern(source: string): PatternResult {
  const [regexSource = '', ...tags] = source.split('\\;');
  if (regexSource.length > MAX_PATTERN_CHARS) return { ok: false, reason: `longer than ${MAX_PATTERN_CHARS} characters` };
  if (NESTED_QUANTIFIER.test(regexSource)) return { ok: false, reason: 'nested quantifier (catastrophic backtracking)' };
  let regex: RegExp;
  try {
    // Sources are written for JavaScript but may still escape `/`; both forms compile the same.
    regex = new RegExp(regexSource, 'i');
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
  return { ok: true, pattern: { regex, version, confidence } };
}

/** The version a template names for one match: `\1` → group 1, `\1?a:b` → a when group 1 matched. */
export function resolveVersion(template: string, match: RegExpExecArray): string | undefined {
  const group = (n: string): string => match[Number(n)] ?? '';
  const ternary = /^\\(\d)\?([^:]*):(.*)$/.exec(template);
  const raw = ternary ? (group(ternary[1] as string) ? (ternary[2] as string) : (ternary[3] as string)) : template;
  const value = raw.replace(/\\(\d)/g, (_, n: string) => group(n)).trim();
  return value.length > 0 && value.length <= 40 ? value : undefined;
}
