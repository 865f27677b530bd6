/**
 * ISO 3166 alpha-2 code of a country as records store it (a lowercased English name such as
 * `united states`, or already a code such as `us`), for the default region of phone numbers.
 * Built from the runtime's own region names (Intl), so no country list is maintained here.
 */
let byName: Map<string, string> | undefined;

/** Common names that differ from the runtime's English display name. */
const ALIASES: Readonly<Record<string, string>> = {
  usa: 'US',
  'united states of america': 'US',
  america: 'US',
  uk: 'GB',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'south korea': 'KR',
  korea: 'KR',
  russia: 'RU',
  'czech republic': 'CZ',
  holland: 'NL',
  uae: 'AE',
};

function names(): Map<string, string> {
  if (byName) return byName;
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  byName = new Map();
  for (let a = 65; a <= 90; a += 1) {
    for (let b = 65; b <= 90; b += 1) {
      const code = String.fromCharCode(a, b);
      const name = display.of(code);
      if (name) byName.set(name.toLowerCase(), code);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) byName.set(alias, code);
  return byName;
}

export function countryCodeOf(country: string | undefined): string | undefined {
  if (!country) return undefined;
  const value = country.trim().toLowerCase();
  if (/^[a-z]{2}$/.test(value)) return value.toUpperCase();
  return names().get(value);
}
