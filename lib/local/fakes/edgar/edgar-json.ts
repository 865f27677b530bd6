/**
 * The two JSON files EDGAR publishes that a monitor reads, in their real shapes:
 * `company_tickers.json` (an object keyed "0", "1", … of `{cik_str, ticker, title}`, one entry per
 * ticker) and `submissions/CIK##########.json` (the registrant's facts and `filings.recent` as
 * parallel arrays, newest first).
 */
import { createRng } from '../web/prng.ts';
import type { EdgarCompany } from './edgar-companies.ts';
import type { EdgarFiling } from './edgar-dataset.ts';

export interface TickerEntry {
  readonly cik_str: number;
  readonly ticker: string;
  readonly title: string;
}

/** Largest first, as SEC orders the file (by market value; employees stand in for it here). */
export function companyTickersJson(companies: readonly EdgarCompany[]): Record<string, TickerEntry> {
  const entries = [...companies]
    .sort((a, b) => b.employees - a.employees || a.cik - b.cik)
    .flatMap((company) => company.tickers.map((ticker) => ({ cik_str: company.cik, ticker, title: company.edgarName })));
  return Object.fromEntries(entries.map((entry, index) => [String(index), entry]));
}

const CITIES = [
  { city: 'WILMINGTON', state: 'DE', zip: '19801', phone: '302' },
  { city: 'AUSTIN', state: 'TX', zip: '78701', phone: '512' },
  { city: 'CHICAGO', state: 'IL', zip: '60606', phone: '312' },
  { city: 'NEW YORK', state: 'NY', zip: '10017', phone: '212' },
  { city: 'SAN JOSE', state: 'CA', zip: '95110', phone: '408' },
  { city: 'CHARLOTTE', state: 'NC', zip: '28202', phone: '704' },
  { city: 'DENVER', state: 'CO', zip: '80202', phone: '303' },
] as const;

/** SEC's reviewing office, from the first digit of the SIC code. */
const OFFICES: Readonly<Record<string, string>> = {
  '1': '01 Energy & Transportation', '2': '03 Life Sciences', '3': '04 Manufacturing', '4': '01 Energy & Transportation',
  '5': '07 Trade & Services', '6': '02 Finance', '7': '06 Technology', '8': '08 Industrial Applications and Services',
};

const filerCategory = (employees: number): string =>
  employees >= 10_000 ? 'Large Accelerated Filer' : employees >= 1_000 ? 'Accelerated Filer' : 'Non-accelerated Filer';

function address(company: EdgarCompany) {
  const rng = createRng('edgar-address', String(company.cik));
  const place = rng.pick(CITIES);
  const street = `${rng.int(10, 9_900)} ${rng.pick(['MARKET STREET', 'PARK AVENUE', 'COMMERCE DRIVE', 'INNOVATION WAY', 'MAIN STREET'])}`;
  const one = { street1: street, street2: rng.chance(0.5) ? `SUITE ${rng.int(100, 2_400)}` : null, city: place.city, stateOrCountry: place.state, zipCode: place.zip, stateOrCountryDescription: place.state, isForeignLocation: 0, foreignStateTerritory: null, country: null, countryCode: null };
  return { addresses: { mailing: one, business: one }, phone: `${place.phone}-${rng.digits(3)}-${rng.digits(4)}`, ein: rng.digits(9) };
}

const RECENT_FIELDS = [
  'accessionNumber', 'filingDate', 'reportDate', 'acceptanceDateTime', 'act', 'form', 'fileNumber', 'filmNumber',
  'items', 'core_type', 'size', 'isXBRL', 'isInlineXBRL', 'primaryDocument', 'primaryDocDescription',
] as const;

function recentColumns(filings: readonly EdgarFiling[]): Record<(typeof RECENT_FIELDS)[number], unknown[]> {
  const columns = Object.fromEntries(RECENT_FIELDS.map((field) => [field, [] as unknown[]])) as Record<(typeof RECENT_FIELDS)[number], unknown[]>;
  for (const f of filings) {
    const inline = f.style === 'inline-xbrl' && f.form !== '4' ? 1 : 0;
    const row = {
      accessionNumber: f.accessionNumber, filingDate: f.filingDate, reportDate: f.reportDate, acceptanceDateTime: f.acceptanceDateTime,
      act: f.form === '4' ? '' : '34', form: f.form, fileNumber: f.fileNumber, filmNumber: f.filmNumber, items: f.items, core_type: f.form,
      size: f.size, isXBRL: inline, isInlineXBRL: inline, primaryDocument: f.primaryDocument, primaryDocDescription: f.primaryDocDescription,
    };
    for (const field of RECENT_FIELDS) columns[field].push(row[field]);
  }
  return columns;
}

/** The submissions file of a company, listing the filings given (newest first). */
export function submissionsJson(company: EdgarCompany, filings: readonly EdgarFiling[]): Record<string, unknown> {
  const { addresses, phone, ein } = address(company);
  return {
    cik: String(company.cik),
    entityType: 'operating',
    sic: company.sic,
    sicDescription: company.sicDescription,
    ownerOrg: OFFICES[company.sic[0]!] ?? '06 Technology',
    insiderTransactionForOwnerExists: 0,
    insiderTransactionForIssuerExists: 1,
    name: company.edgarName,
    tickers: company.tickers,
    exchanges: company.tickers.map(() => company.exchange),
    ein,
    lei: null,
    description: '',
    website: '',
    investorWebsite: '',
    category: filerCategory(company.employees),
    fiscalYearEnd: company.fiscalYearEnd,
    stateOfIncorporation: company.stateOfIncorporation,
    stateOfIncorporationDescription: company.stateOfIncorporation,
    addresses,
    phone,
    flags: '',
    formerNames: company.formerNames,
    filings: { recent: recentColumns(filings), files: [] },
  };
}
