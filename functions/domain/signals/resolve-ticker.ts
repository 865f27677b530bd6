/**
 * A customer → its SEC registrant: by ticker when given, else by name against SEC's titles,
 * normalised (case, punctuation, "Inc.", "Corporation", ...). Only an exact normalised match
 * counts: a wrong company's filings are worse than none.
 */
import type { CompanyTicker } from '../../ports/company-tickers.port.ts';

const LEGAL_SUFFIXES = /\b(incorporated|inc|corporation|corp|company|co|limited|ltd|llc|plc|holdings?|group|the|sa|nv|ag)\b/g;

export const normaliseCompanyName = (name: string): string =>
  name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(LEGAL_SUFFIXES, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export type TickerResolution = { readonly ok: true; readonly registrant: CompanyTicker } | { readonly ok: false; readonly reason: 'unknown_ticker' | 'no_ticker_for_name' | 'ambiguous_name' };

export function resolveRegistrant(list: readonly CompanyTicker[], company: { name?: string; ticker?: string }): TickerResolution {
  if (company.ticker) {
    const registrant = list.find((row) => row.ticker === company.ticker);
    return registrant ? { ok: true, registrant } : { ok: false, reason: 'unknown_ticker' };
  }
  const key = normaliseCompanyName(company.name ?? '');
  const matches = key === '' ? [] : list.filter((row) => normaliseCompanyName(row.title) === key);
  const ciks = new Set(matches.map((row) => row.cik));
  if (ciks.size === 0) return { ok: false, reason: 'no_ticker_for_name' };
  if (ciks.size > 1) return { ok: false, reason: 'ambiguous_name' };
  // One registrant may list several share classes; its first listed ticker is the primary one.
  return { ok: true, registrant: matches[0] as CompanyTicker };
}
