/**
 * Customer names → stock tickers through SEC's company tickers list. Precision first: a name
 * matches only a listed company whose normalised name equals it (strict key, then the looser one
 * without "Holdings"/"Group"), or of which it is the leading words when exactly one listed
 * company starts so; each match carries a confidence, and below the configured threshold there
 * is no match, with the reason.
 */
import type { CompanyTicker } from '../../ports/company-tickers.port.ts';
import { looseCompanyKey, normaliseCompanyName } from './company-name.ts';

export type TickerMatch =
  | { readonly matched: true; readonly ticker: string; readonly cik: string; readonly sec_name: string; readonly confidence: number; readonly method: 'exact' | 'loose' | 'prefix' }
  | { readonly matched: false; readonly reason: 'not_listed' | 'ambiguous' | 'low_confidence' | 'tickers_unavailable'; readonly confidence?: number; readonly candidates?: readonly string[] };

const EXACT_CONFIDENCE = 0.97;
const LOOSE_CONFIDENCE = 0.88;
/** A prefix match's confidence grows with the share of the listed name the customer's name covers. */
const PREFIX_BASE = 0.45;
const PREFIX_SPAN = 0.45;
/** A one-word name of this length or less ("GE", "Box") is too easily someone else's: never a prefix match. */
const MIN_PREFIX_WORD_CHARS = 3;

/** The list indexed once per job: several thousand names, looked up hundreds of times. */
export interface TickerIndex {
  readonly strict: ReadonlyMap<string, readonly CompanyTicker[]>;
  readonly loose: ReadonlyMap<string, readonly CompanyTicker[]>;
  readonly all: readonly { readonly key: string; readonly ticker: CompanyTicker }[];
}

const push = (map: Map<string, CompanyTicker[]>, key: string, ticker: CompanyTicker): void => {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(ticker);
  else map.set(key, [ticker]);
};

export function indexTickers(list: readonly CompanyTicker[]): TickerIndex {
  const strict = new Map<string, CompanyTicker[]>();
  const loose = new Map<string, CompanyTicker[]>();
  const all: { key: string; ticker: CompanyTicker }[] = [];
  for (const ticker of list) {
    const key = normaliseCompanyName(ticker.title);
    push(strict, key, ticker);
    push(loose, looseCompanyKey(ticker.title), ticker);
    all.push({ key, ticker });
  }
  return { strict, loose, all };
}

/** Several share classes of one registrant (GOOGL, GOOG) are one company: the first listed wins. */
function single(candidates: readonly CompanyTicker[]): CompanyTicker | 'ambiguous' {
  const ciks = new Set(candidates.map((c) => c.cik));
  return ciks.size === 1 ? (candidates[0] as CompanyTicker) : 'ambiguous';
}

const matched = (ticker: CompanyTicker, confidence: number, method: 'exact' | 'loose' | 'prefix'): TickerMatch => ({
  matched: true,
  ticker: ticker.ticker,
  cik: ticker.cik,
  sec_name: ticker.title,
  confidence,
  method,
});

function prefixMatch(index: TickerIndex, key: string, threshold: number): TickerMatch {
  const words = key.split(' ');
  if (words.length === 1 && key.length <= MIN_PREFIX_WORD_CHARS) return { matched: false, reason: 'not_listed' };
  const hits = index.all.filter((entry) => entry.key.startsWith(`${key} `));
  if (hits.length === 0) return { matched: false, reason: 'not_listed' };
  const one = single(hits.map((h) => h.ticker));
  if (one === 'ambiguous') return { matched: false, reason: 'ambiguous', candidates: [...new Set(hits.map((h) => h.ticker.title))].slice(0, 5) };
  const listedWords = normaliseCompanyName(one.title).split(' ').length;
  const confidence = Number((PREFIX_BASE + PREFIX_SPAN * (words.length / listedWords)).toFixed(2));
  return confidence >= threshold ? matched(one, confidence, 'prefix') : { matched: false, reason: 'low_confidence', confidence, candidates: [one.title] };
}

export function matchTicker(index: TickerIndex, name: string, threshold: number): TickerMatch {
  const key = normaliseCompanyName(name);
  if (!key) return { matched: false, reason: 'not_listed' };
  for (const [map, k, confidence, method] of [
    [index.strict, key, EXACT_CONFIDENCE, 'exact'],
    [index.loose, looseCompanyKey(name), LOOSE_CONFIDENCE, 'loose'],
  ] as const) {
    const candidates = map.get(k);
    if (!candidates) continue;
    const one = single(candidates);
    if (one === 'ambiguous') return { matched: false, reason: 'ambiguous', candidates: candidates.map((c) => c.title).slice(0, 5) };
    // "Acme" is "ACME Holdings" only if no other registrant's name also starts with it ("Acme United").
    const others = method === 'loose' ? index.all.filter((e) => e.ticker.cik !== one.cik && e.key.startsWith(`${key} `)) : [];
    if (others.length > 0) return { matched: false, reason: 'ambiguous', candidates: [one.title, ...others.map((e) => e.ticker.title)].slice(0, 5) };
    return confidence >= threshold ? matched(one, confidence, method) : { matched: false, reason: 'low_confidence', confidence, candidates: [one.title] };
  }
  return prefixMatch(index, key, threshold);
}
