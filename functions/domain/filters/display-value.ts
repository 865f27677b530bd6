import type { FieldSpec } from '../records/fields.ts';

/** Emails, URLs and domains are shown as stored: capitals would misspell them. */
const IDENTIFIER = /[@/]|^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u;

const titleCase = (value: string): string => value.replace(/(^|[\s\-/(])(\p{Ll})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());

/**
 * How to show a bucket key. Keys come back lowercased by the keyword normalizer; a stored value
 * from a sample document gives back the original spelling, and fields stored lowercase (country,
 * city...) have none to give back, so their words are capitalised, unless they are identifiers.
 */
export function displayValue(spec: FieldSpec, key: string, sample: unknown): string {
  const candidates = Array.isArray(sample) ? sample : [sample];
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && candidate.toLowerCase() === key) return candidate;
  }
  return spec.lowercase && !IDENTIFIER.test(key) ? titleCase(key) : key;
}
