/**
 * Splits and decodes the query that an Apollo URL carries in its fragment
 * (`#/companies?organizationLocations[]=United%20States&...`).
 *
 * Real URLs come pasted from address bars, chat tools and spreadsheets: brackets written
 * literally or as `%5B%5D`, commas as `%2C`, and sometimes encoded twice (`%2520` for a space,
 * when a tool encoded an already-encoded URL). A key or value is decoded once, then again while
 * what came out still holds an escape that only a second encoding explains (`%25xx`); a `%` that
 * starts no valid escape, or bytes that are not UTF-8, are malformed and refused.
 */

/** Deepest encoding undone; a URL encoded more often than this is not one a user pasted. */
export const MAX_DECODE_PASSES = 3;

export interface FragmentPair {
  readonly key: string;
  readonly value: string;
}

export type DecodeResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const DOUBLE_ESCAPE = /%25[0-9A-Fa-f]{2}/i;
const BROKEN_ESCAPE = /%(?![0-9A-Fa-f]{2})/;

/** One component, decoded as often as it was encoded (at most MAX_DECODE_PASSES times). */
export function decodeComponent(raw: string): DecodeResult<string> {
  if (!raw.includes('%')) return { ok: true, value: raw };
  if (BROKEN_ESCAPE.test(raw)) return { ok: false, message: `"${raw.slice(0, 80)}" has a % that starts no escape` };
  let current = raw;
  for (let pass = 0; pass < MAX_DECODE_PASSES; pass += 1) {
    // Only a `%25xx` proves another layer; a `%` left after decoding is a literal percent sign ("100%").
    const layered = DOUBLE_ESCAPE.test(current);
    try {
      current = decodeURIComponent(current);
    } catch {
      return { ok: false, message: `"${raw.slice(0, 80)}" is not valid percent-encoded UTF-8` };
    }
    if (!layered) break;
  }
  return { ok: true, value: current };
}

/**
 * The fragment's path (`/companies`) and its decoded key/value pairs, in order, repeated keys
 * kept. `+` stays a plus: Apollo writes spaces as `%20`, and `c++` is a keyword.
 */
export function splitFragment(fragment: string): DecodeResult<{ path: string; pairs: FragmentPair[] }> {
  const body = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const cut = body.indexOf('?');
  const path = cut < 0 ? body : body.slice(0, cut);
  const query = cut < 0 ? '' : body.slice(cut + 1);
  const pairs: FragmentPair[] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decodeComponent(eq < 0 ? part : part.slice(0, eq));
    if (!key.ok) return key;
    const value = decodeComponent(eq < 0 ? '' : part.slice(eq + 1));
    if (!value.ok) return value;
    pairs.push({ key: key.value, value: value.value });
  }
  return { ok: true, value: { path, pairs } };
}
