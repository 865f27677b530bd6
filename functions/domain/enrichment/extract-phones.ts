/**
 * Phones from tel: links, from structured data, and from text next to a phone cue, normalised
 * to E.164 by libphonenumber-js with its full metadata (`/max`), so validity is checked against
 * each country's real number plans rather than a length rule.
 */
import type { CountryCode } from 'libphonenumber-js/max';
import { findPhoneNumbersInText, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { PHONE_CUE_WINDOW } from './limits.ts';
import type { ParsedPage } from './parsed-page.ts';
import type { ExtractedPhone } from './site-extraction.ts';

/** Words (several languages) and symbols that announce a phone number. */
const PHONE_CUE = /(?:phone|telephone|t[ée]l\.?|call us|call|mobile|cell|hotline|main line|switchboard|t[ée]l[ée]phone|telefon|telefoon|tel[ée]fono|telefone|numéro|zentrale|\bfon\b|☎|📞|\bt:|\bp:)/giu;
/**
 * A number that is, as a whole, a date. Anchored: French numbers are written `01.52.33.40.30`,
 * whose first three groups alone would read as a date.
 */
const DATE_LIKE = /^\s*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\s*$/;
const MIN_DIGITS = 7;

export function regionOf(country: string | undefined): CountryCode | undefined {
  const code = country?.trim().toUpperCase();
  return code && isSupportedCountry(code) ? code : undefined;
}

/** E.164 for a number as written, or undefined when it is not a valid number. */
export function normalisePhone(raw: string, defaultCountry?: string): string | undefined {
  const digits = raw.replace(/\D/g, '');
  if (digits.length < MIN_DIGITS || digits.length > 17 || DATE_LIKE.test(raw)) return undefined;
  const parsed = parsePhoneNumberFromString(raw, { defaultCountry: regionOf(defaultCountry), extract: false });
  return parsed?.isValid() ? parsed.number : undefined;
}

function fromTelLink(href: string, country?: string): string | undefined {
  if (!/^(?:tel|callto):/i.test(href)) return undefined;
  let raw = href.replace(/^(?:tel|callto):/i, '').split(/[;?]/)[0] ?? '';
  try {
    raw = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  return normalisePhone(raw, country);
}

function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n += 1;
  }
  return n;
}

function fromCues(text: string, country?: string): string[] {
  const found: string[] = [];
  const region = regionOf(country);
  for (const cue of text.matchAll(PHONE_CUE)) {
    const start = (cue.index ?? 0) + cue[0].length;
    const window = text.slice(start, start + PHONE_CUE_WINDOW);
    // Every number kept has MIN_DIGITS digits; most cues ("call", "mobile" in prose) have none near them.
    if (digitCount(window) < MIN_DIGITS) continue;
    for (const hit of findPhoneNumbersInText(window, { defaultCountry: region })) {
      const raw = window.slice(hit.startsAt, hit.endsAt);
      if (DATE_LIKE.test(raw) || raw.replace(/\D/g, '').length < MIN_DIGITS) continue;
      if (hit.number.isValid()) found.push(hit.number.number);
    }
  }
  return found;
}

export function extractPhones(page: ParsedPage, country?: string): ExtractedPhone[] {
  const numbers = [
    ...page.links.map((l) => fromTelLink(l.href, country)).filter((n): n is string => n !== undefined),
    ...fromCues(page.text, country),
  ];
  return [...new Set(numbers)].map((phone) => ({ phone, source_url: page.url }));
}
