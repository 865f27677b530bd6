/**
 * Company names compared the way people write them: "The Coca-Cola Company", "COCA COLA CO" and
 * "Coca‑Cola" are one company; "AT&T Inc." and "AT and T" too. Legal-form suffixes, a leading
 * "The", punctuation, accents and case never decide a match.
 */

/** Legal forms and filler SEC titles carry after the name, stripped from the end repeatedly. */
const LEGAL_SUFFIXES = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'cos', 'companies', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc',
  'sa', 'ag', 'nv', 'bv', 'se', 'gmbh', 'spa', 'oyj', 'ab', 'asa', 'as', 'kk', 'pte', 'pty', 'srl', 'sarl', 'de', 'del', 'the',
]);
/** Words that group several registrants' names ("Holdings", "Group"): stripped only for a looser key. */
const GROUP_WORDS = new Set(['holdings', 'holding', 'group', 'international', 'intl', 'global', 'technologies', 'technology', 'systems', 'enterprises', 'trust', 'bancorp']);

function words(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    // "S.A.", "N.V.": initials written with dots are one word.
    .replace(/\b(\p{L})\.(?=\p{L}\b)/gu, '$1')
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/\/[a-z]{2,3}\/?$/, ' ') // SEC state tags such as "/DE/" or "/NEW/"
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
}

function stripEnds(tokens: string[], drop: (w: string) => boolean): string[] {
  const out = [...tokens];
  if (out[0] === 'the' && out.length > 1) out.shift();
  while (out.length > 1 && drop(out[out.length - 1] as string)) out.pop();
  return out;
}

/** The strict key: legal forms and a leading "The" removed. */
export function normaliseCompanyName(name: string): string {
  return stripEnds(words(name), (w) => LEGAL_SUFFIXES.has(w)).join(' ');
}

/** The loose key: also without trailing group words ("Goldman Sachs Group" → "goldman sachs"). */
export function looseCompanyKey(name: string): string {
  return stripEnds(words(name), (w) => LEGAL_SUFFIXES.has(w) || GROUP_WORDS.has(w)).join(' ');
}
