/**
 * The fake RocketReach's companies, each generated on demand from the seed and its index, in the
 * shape RocketReach's company lookup answers (its extended company attributes). Names are
 * distinct: every index maps to its own stem × sector × variant combination, shifted by the seed.
 */
import { COUNTRIES, type CountryCode } from '../web/countries.ts';
import { createRng, hash32, type Rng } from '../web/prng.ts';
import { pickTechnologies } from '../web/technologies.ts';
import { NAME_SECTORS, NAME_STEMS, SECTOR_PITCH } from '../web/vocabulary.ts';
import { DEPARTMENTS, INVESTORS, NAME_VARIANTS, SECTOR_INDUSTRY } from './rocketreach-vocabulary.ts';

export const FAKE_ROCKETREACH_COMPANY_COUNT = 2_500;
/** Company ids start here, so they never collide with profile ids in a test's assertions. */
export const COMPANY_ID_BASE = 4_100_000;
/** Companies with an index below this are the large employers most people work for. */
const LARGE_COMPANY_COUNT = 60;
const COMBINATIONS = NAME_STEMS.length * NAME_SECTORS.length * NAME_VARIANTS.length;
/** Where the fake's company domains live: a reserved TLD apart from the fake web's `.test` sites. */
export const COMPANY_TLD = 'example';

export interface CompanyAddress {
  readonly description: string;
  readonly street: string;
  readonly city: string;
  readonly region: string;
  readonly region_code: string;
  readonly postal_code: string;
  readonly country: string;
  readonly country_code: string;
}

/** RocketReach's company object, as `GET /company/lookup/` answers it. */
export interface FakeCompany {
  readonly id: number;
  readonly name: string;
  readonly domain: string;
  readonly email_domain: string;
  readonly website_domain: string;
  readonly ticker_symbol: string | null;
  readonly links: { readonly linkedin: string; readonly twitter: string };
  readonly year_founded: number;
  readonly address: CompanyAddress;
  readonly phone: string;
  readonly fax: string | null;
  readonly num_employees: number;
  readonly revenue: number;
  readonly funding_investors: readonly string[];
  readonly industry: string;
  readonly sic_codes: readonly number[];
  readonly rr_profile_url: string;
  readonly description: string;
  readonly industry_keywords: readonly string[];
  readonly naics_codes: readonly number[];
  readonly techstack: readonly string[];
  readonly industries: readonly string[];
  readonly competitors: readonly string[];
  readonly departments: Readonly<Record<string, number>>;
  readonly company_growth: readonly { year: number; quarter: number; values: readonly number[] }[];
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

interface CompanyName {
  readonly name: string;
  readonly slug: string;
  readonly sector: (typeof NAME_SECTORS)[number];
  readonly stem: string;
}

/** The name of company `index` under `seed`: cheap, so competitors can be named without generating them. */
export function companyName(seed: string, index: number): CompanyName {
  const combination = (index + (hash32(`${seed}:names`) % COMBINATIONS)) % COMBINATIONS;
  const stem = NAME_STEMS[combination % NAME_STEMS.length]!;
  const sector = NAME_SECTORS[Math.floor(combination / NAME_STEMS.length) % NAME_SECTORS.length]!;
  const variant = NAME_VARIANTS[Math.floor(combination / (NAME_STEMS.length * NAME_SECTORS.length))]!;
  const name = [capitalise(stem), capitalise(sector), variant].filter(Boolean).join(' ');
  return { name, slug: `${stem}${sector}${variant.toLowerCase()}`, sector, stem };
}

const COUNTRY_WEIGHTS: readonly CountryCode[] = ['US', 'US', 'US', 'US', 'GB', 'GB', 'DE', 'FR', 'NL', 'AU'];

function headcount(rng: Rng, index: number): number {
  if (index < LARGE_COMPANY_COUNT) return rng.int(2_000, 60_000);
  // Log-uniform between 3 and 5,000: most companies are small, as in any real database.
  return Math.round(Math.exp(Math.log(3) + rng.next() * (Math.log(5_000) - Math.log(3))));
}

function tickerOf(rng: Rng, stem: string, employees: number): string | null {
  if (employees < 2_000 || !rng.chance(0.6)) return null;
  return `${stem.slice(0, 3)}${rng.pick(['', 'X', 'Q'])}`.toUpperCase();
}

function addressOf(rng: Rng, country: CountryCode, cityIndex: number): CompanyAddress {
  const profile = COUNTRIES[country];
  const city = profile.cities[cityIndex]!;
  const number = rng.int(1, 240);
  const streetName = rng.pick(profile.streets);
  const street = profile.numberFirst ? `${number} ${streetName}` : `${streetName} ${number}`;
  const postal = city.postalCode(rng);
  return {
    description: `${street}, ${city.name}${city.region ? `, ${city.region}` : ''} ${postal}, ${profile.name}`,
    street,
    city: city.name,
    region: city.region ?? city.name,
    region_code: city.region ?? '',
    postal_code: postal,
    country: profile.name,
    country_code: country,
  };
}

function departmentsOf(rng: Rng, employees: number): Record<string, number> {
  const shares = DEPARTMENTS.map(() => rng.next() + 0.2);
  const total = shares.reduce((sum, share) => sum + share, 0);
  return Object.fromEntries(DEPARTMENTS.map((department, i) => [department, Math.max(1, Math.round((employees * shares[i]!) / total))]));
}

function growthOf(rng: Rng): FakeCompany['company_growth'] {
  return [1, 2, 3, 4].map((quarter) => ({ year: 2026, quarter, values: [rng.int(-5, 25), rng.int(-5, 25), rng.int(-5, 25)] }));
}

/** Company `index` (0-based) under `seed`. */
export function generateCompany(seed: string, index: number): FakeCompany {
  const rng = createRng(seed, `company:${index}`);
  const { name, slug, sector, stem } = companyName(seed, index);
  const country = rng.pick(COUNTRY_WEIGHTS);
  const cityIndex = rng.int(0, COUNTRIES[country].cities.length - 1);
  const employees = headcount(rng, index);
  const sectorInfo = SECTOR_INDUSTRY[sector];
  const domain = `${slug}.${COMPANY_TLD}`;
  const competitors = [1, 2].map((step) => companyName(seed, (index + step * NAME_STEMS.length) % FAKE_ROCKETREACH_COMPANY_COUNT).name);
  const techstack = pickTechnologies(rng, rng.int(3, 7)).names;
  return {
    id: COMPANY_ID_BASE + index,
    name,
    domain,
    email_domain: domain,
    website_domain: `www.${domain}`,
    ticker_symbol: tickerOf(rng, stem, employees),
    links: { linkedin: `https://www.linkedin.com/company/${slug}`, twitter: `https://twitter.com/${slug}` },
    year_founded: rng.int(1950, 2023),
    address: addressOf(rng, country, cityIndex),
    phone: COUNTRIES[country].phone(rng, cityIndex).e164,
    fax: rng.chance(0.2) ? COUNTRIES[country].phone(rng, cityIndex).e164 : null,
    num_employees: employees,
    revenue: Math.round((employees * rng.int(60_000, 260_000)) / 1_000) * 1_000,
    funding_investors: rng.sample(INVESTORS, rng.int(0, 2)),
    industry: sectorInfo.industry,
    sic_codes: [sectorInfo.sic],
    rr_profile_url: `https://rocketreach.co/${slug}-profile_b${(COMPANY_ID_BASE + index).toString(16)}`,
    description: `${name} ${SECTOR_PITCH[sector]}.`,
    industry_keywords: sectorInfo.keywords,
    naics_codes: [sectorInfo.naics],
    techstack,
    industries: [sectorInfo.industry],
    competitors,
    departments: departmentsOf(rng, employees),
    company_growth: growthOf(rng),
  };
}

/** Weighted towards the large employers, so "most common employers" has a clear answer. */
export function employerIndexFor(rng: Rng): number {
  if (rng.chance(0.35)) return rng.int(0, LARGE_COMPANY_COUNT - 1);
  return rng.int(LARGE_COMPANY_COUNT, FAKE_ROCKETREACH_COMPANY_COUNT - 1);
}
