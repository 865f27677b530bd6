/**
 * Normalisation rules (architecture guide §4): trim and collapse whitespace, lowercase the
 * identity-like fields, split comma-separated lists, parse numbers leniently but never guess.
 */

// Already clean: no whitespace but single inner spaces. Most cells are, and a test is cheaper than a replace.
const UNCLEAN = /^\s|\s$|\s\s|[^\S ]/;

export function cleanText(value: string): string {
  return UNCLEAN.test(value) ? value.replace(/\s+/g, ' ').trim() : value;
}

/** A list from an array or a comma-separated string; blanks and repeats (case-insensitive) dropped. */
export function toList(value: string | readonly string[]): string[] {
  const parts = typeof value === 'string' ? value.split(',') : value;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of parts) {
    const cleaned = cleanText(part);
    const key = cleaned.toLowerCase();
    if (cleaned === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(cleaned);
  }
  return out;
}

const MULTIPLIERS: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, bn: 1e9, t: 1e12 };
// Optional currency sign, digits with thousands separators, optional decimals, optional K/M/B suffix.
const LENIENT_NUMBER = /^[$€£]?\s*(-?\d{1,3}(?:,\d{3})+|-?\d+)(\.\d+)?\s*(k|m|b|bn|t)?$/i;

export type NumberParse = { ok: true; value: number } | { ok: false; reason: string };

/**
 * "1,200" → 1200, "$5M" → 5000000, "2.5k" → 2500. Ranges ("50-100"), words ("about 50") and
 * anything else ambiguous are refused: a wrong number is worse than none.
 */
export function parseLenientNumber(input: number | string): NumberParse {
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { ok: true, value: input } : { ok: false, reason: 'Not a finite number' };
  }
  const text = input.trim();
  const match = LENIENT_NUMBER.exec(text);
  if (!match) return { ok: false, reason: `Not a number: "${text.slice(0, 40)}"` };
  const base = Number(`${(match[1] ?? '').replace(/,/g, '')}${match[2] ?? ''}`);
  const multiplier = match[3] ? (MULTIPLIERS[match[3].toLowerCase()] ?? 1) : 1;
  return { ok: true, value: Math.round(base * multiplier * 1e6) / 1e6 };
}

/** A URL key for identity: scheme, `www.`, query and trailing slashes do not make a new record. */
export function urlIdentity(url: string): string {
  return cleanText(url)
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

/** The stored form of a URL: trimmed, lowercased, without a trailing slash. */
export function normaliseUrl(url: string): string {
  return cleanText(url).toLowerCase().replace(/\/+$/, '');
}

/** The bare host of a website, for the `domain` field: "https://www.Acme.com/about" → "acme.com". */
export function domainOf(website: string): string | undefined {
  const host = urlIdentity(website).split('/')[0] ?? '';
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : undefined;
}
