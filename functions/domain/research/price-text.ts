/**
 * Prices as pricing pages write them: a currency (symbol or ISO code, before or after the
 * amount), an amount with thousands separators in either European or English style, a billing
 * period and a per-seat unit somewhere after it, or a "contact sales" cue instead of a price.
 */

export const BILLING_PERIODS = ['month', 'year', 'one_time'] as const;
export type BillingPeriod = (typeof BILLING_PERIODS)[number];

export interface PriceReading {
  readonly amount: number;
  /** ISO 4217 code. */
  readonly currency: string;
  readonly period?: BillingPeriod;
  readonly perSeat: boolean;
}

const SYMBOLS: Readonly<Record<string, string>> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', 'US$': 'USD', 'A$': 'AUD', 'C$': 'CAD', 'CA$': 'CAD', 'R$': 'BRL' };
const CODES = 'USD|EUR|GBP|CAD|AUD|INR|JPY|CHF|SEK|NOK|DKK|BRL|SGD|NZD';
const SYMBOL = '(?:US\\$|CA\\$|A\\$|C\\$|R\\$|[$€£¥₹])';
const AMOUNT = '\\d{1,3}(?:[,.\\u00a0\\u202f ]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?';

const PRICE = new RegExp(
  `(?<sym>${SYMBOL})\\s*(?<a1>${AMOUNT})|(?<a2>${AMOUNT})\\s*(?<sym2>${SYMBOL})|\\b(?<code>${CODES})\\s?(?<a3>${AMOUNT})|(?<a4>${AMOUNT})\\s?(?<code2>${CODES})\\b`,
  'u',
);

const MONTH = /^\s*(?:\/\s*(?:mo|mth|month|monat|mois|mes)\b|(?:pro|par|por)\s+(?:monat|mois|mes)\b|(?:per|a|each|every)\s+(?:\w+\s+){0,2}?month|(?:per|\/)\s*(?:user|seat|member|agent|editor)s?\s*(?:per|\/)\s*(?:mo|mth|month)\b|monthly|\bmo\b)/i;
const YEAR = /^\s*(?:\/\s*(?:yr|year|annum|jahr|an|año)\b|(?:pro|par|por)\s+(?:jahr|an|año)\b|jährlich|(?:per|a|each|every)\s+(?:\w+\s+){0,2}?(?:year|annum)|(?:per|\/)\s*(?:user|seat|member|agent|editor)s?\s*(?:per|\/)\s*(?:yr|year)\b|annually|yearly|billed\s+(?:annually|yearly))/i;
const ONE_TIME = /^\s*(?:one[-\s]time|once|lifetime|single payment)/i;
const PER_SEAT = /^\s*(?:\/\s*|per\s+|a\s+|each\s+|pro\s+|par\s+|por\s+)(?:active\s+)?(?:user|seat|member|agent|editor|license|licence|nutzer|benutzer|utilisateur|usuario)s?\b/i;

/** "Contact sales", "Talk to us", "Custom pricing", "Get a quote", in a few forms. */
export const CONTACT_SALES = /\b(?:contact\s+(?:sales|us)|talk\s+to\s+(?:sales|us|an?\s+expert)|custom\s+(?:pricing|quote|price|plan)|get\s+a\s+quote|request\s+(?:a\s+)?(?:quote|pricing|demo)|let['’]s\s+talk|book\s+a\s+demo|call\s+us)\b/i;

function parseAmount(raw: string): number | undefined {
  const compact = raw.replace(/[\u00a0\u202f ]/g, '');
  // 1.200,50 (European) vs 1,200.50 (English): the last separator followed by 1-2 digits is the decimal one.
  const european = /^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$/.test(compact) || /^\d+,\d{1,2}$/.test(compact);
  const normalised = european ? compact.replace(/\./g, '').replace(',', '.') : compact.replace(/,/g, '');
  const value = Number(normalised);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** The period and seat unit written after a price (within a short window). */
function qualifiersAfter(rest: string): { period?: BillingPeriod; perSeat: boolean } {
  const window = rest.slice(0, 60);
  let perSeat = false;
  let tail = window;
  const seat = PER_SEAT.exec(tail);
  if (seat) {
    perSeat = true;
    tail = tail.slice(seat[0].length);
  }
  const period: BillingPeriod | undefined = MONTH.test(tail) || MONTH.test(window) ? 'month' : YEAR.test(tail) || YEAR.test(window) ? 'year' : ONE_TIME.test(tail) ? 'one_time' : undefined;
  if (!perSeat && /(?:\bper|\bpro|\bpar|\/)\s*(?:user|seat|member|agent|nutzer|utilisateur)s?\b/i.test(window.slice(0, 40))) perSeat = true;
  return { ...(period ? { period } : {}), perSeat };
}

/** Every price in a text, in order. */
export function readPrices(text: string): PriceReading[] {
  const out: PriceReading[] = [];
  const global = new RegExp(PRICE.source, 'gu');
  for (const match of text.matchAll(global)) {
    const g = match.groups ?? {};
    const rawAmount = g.a1 ?? g.a2 ?? g.a3 ?? g.a4;
    const symbol = g.sym ?? g.sym2;
    const currency = symbol ? SYMBOLS[symbol] : (g.code ?? g.code2)?.toUpperCase();
    const amount = rawAmount ? parseAmount(rawAmount) : undefined;
    if (amount === undefined || !currency) continue;
    out.push({ amount, currency, ...qualifiersAfter(text.slice((match.index ?? 0) + match[0].length)) });
  }
  return out;
}

export const hasPrice = (text: string): boolean => PRICE.test(text);
export const hasContactSales = (text: string): boolean => CONTACT_SALES.test(text);

/** The price a tier is known by: a monthly one when the card shows both, else the first. */
export function headlinePrice(prices: readonly PriceReading[]): PriceReading | undefined {
  return prices.find((p) => p.period === 'month') ?? prices[0];
}
