/**
 * The fake EDGAR's registrants: a fixed universe of listed companies, the same whatever the
 * fakes' seed. The fake web's SaaS sites name these companies as their customers and run under
 * their own seed (`<seed>:web` beside `<seed>:edgar`), so the universe cannot depend on either:
 * a customer page and the tickers list always agree.
 *
 * Names follow EDGAR's habits: older registrants carry a "conformed" upper-case name with
 * abbreviations and sometimes a state tag (`HALVARD ROBOTICS CORP /DE/`), newer ones a mixed-case
 * name (`Halvard Robotics, Inc.`); the company calls itself by its legal name on its own site and
 * customers' sites use shorter brand names.
 */
import { createRng } from '../web/prng.ts';

export const EDGAR_COMPANY_COUNT = 320;
const UNIVERSE_SEED = 'leadstack-edgar-universe-v1';
const FIRST_CIK = 1_100_000;
const MAX_CIK_GAP = 2_900;

const STEMS = [
  'Halvard', 'Corvane', 'Pellmont', 'Ashgrove', 'Brennick', 'Calloway', 'Dunmore', 'Everly',
  'Fairhaven', 'Garrison', 'Holloway', 'Iverson', 'Jardine', 'Kingsford', 'Lockwood', 'Marlowe',
  'Norcross', 'Oakmont', 'Penrose', 'Quinlan', 'Radley', 'Sterling', 'Thornbury', 'Upland',
  'Valmont', 'Westbrook', 'Yardley', 'Zephyr', 'Acme', 'Bellwether', 'Crestline', 'Driftwood',
  'Eastgate', 'Foxhall', 'Greystone', 'Hartwell', 'Ironwood', 'Kinsale', 'Larkspur', 'Millbrook',
  'Newhall', 'Osprey', 'Parkhurst', 'Redfern', 'Saltmarsh', 'Tamarack', 'Underhill', 'Vireo',
  'Whitcombe', 'Alder', 'Blackstone Creek', 'Copperfield', 'Dovetail', 'Elmstead', 'Fernwood',
  'Goldcrest', 'Highmoor', 'Ivybridge', 'Juneau', 'Kestrel Point', 'Lindqvist', 'Monarch', 'Northgate',
  'Orchard', 'Pemberton', 'Quarry Hill', 'Rockport', 'Sunbury', 'Trident', 'Vanguard Peak',
] as const;

interface Industry {
  readonly word: string;
  readonly sic: string;
  readonly sicDescription: string;
  /** Employees, low and high, for the size band a customer falls in. */
  readonly employees: readonly [number, number];
}

/** SIC codes and descriptions as EDGAR lists them. */
const INDUSTRIES: readonly Industry[] = [
  { word: 'Robotics', sic: '3559', sicDescription: 'Special Industry Machinery, NEC', employees: [300, 4_000] },
  { word: 'Semiconductor', sic: '3674', sicDescription: 'Semiconductors & Related Devices', employees: [800, 30_000] },
  { word: 'Therapeutics', sic: '2834', sicDescription: 'Pharmaceutical Preparations', employees: [60, 2_500] },
  { word: 'Bancorp', sic: '6022', sicDescription: 'State Commercial Banks', employees: [200, 9_000] },
  { word: 'Logistics', sic: '4213', sicDescription: 'Trucking (No Local)', employees: [1_000, 40_000] },
  { word: 'Foods', sic: '2000', sicDescription: 'Food and Kindred Products', employees: [1_500, 60_000] },
  { word: 'Energy', sic: '1311', sicDescription: 'Crude Petroleum & Natural Gas', employees: [150, 12_000] },
  { word: 'Motors', sic: '3711', sicDescription: 'Motor Vehicles & Passenger Car Bodies', employees: [2_000, 90_000] },
  { word: 'Stores', sic: '5331', sicDescription: 'Retail-Variety Stores', employees: [5_000, 150_000] },
  { word: 'Insurance', sic: '6311', sicDescription: 'Life Insurance', employees: [900, 20_000] },
  { word: 'Medical', sic: '3841', sicDescription: 'Surgical & Medical Instruments & Apparatus', employees: [400, 25_000] },
  { word: 'Airlines', sic: '4512', sicDescription: 'Air Transportation, Scheduled', employees: [3_000, 70_000] },
  { word: 'Software', sic: '7372', sicDescription: 'Services-Prepackaged Software', employees: [250, 15_000] },
  { word: 'Data', sic: '7370', sicDescription: 'Services-Computer Programming, Data Processing, Etc.', employees: [200, 8_000] },
  { word: 'Industries', sic: '3560', sicDescription: 'General Industrial Machinery & Equipment', employees: [1_200, 35_000] },
  { word: 'Health', sic: '8062', sicDescription: 'Services-General Medical & Surgical Hospitals, NEC', employees: [2_000, 80_000] },
  { word: 'Realty', sic: '6798', sicDescription: 'Real Estate Investment Trusts', employees: [50, 1_500] },
  { word: 'Communications', sic: '4813', sicDescription: 'Telephone Communications (No Radiotelephone)', employees: [700, 45_000] },
  { word: 'Beverages', sic: '2080', sicDescription: 'Beverages', employees: [600, 20_000] },
  { word: 'Financial', sic: '6199', sicDescription: 'Finance Services', employees: [150, 6_000] },
  { word: 'Materials', sic: '2800', sicDescription: 'Chemicals & Allied Products', employees: [900, 25_000] },
  { word: 'Aerospace', sic: '3728', sicDescription: 'Aircraft Parts & Auxiliary Equipment, NEC', employees: [1_500, 50_000] },
  { word: 'Brands', sic: '2300', sicDescription: 'Apparel & Other Finished Prods of Fabrics & Similar Matl', employees: [800, 18_000] },
  { word: 'Networks', sic: '3576', sicDescription: 'Computer Communications Equipment', employees: [400, 14_000] },
] as const;

/** How the legal name ends, and the abbreviation EDGAR's conformed name uses for it. */
const LEGAL_FORMS = [
  { legal: ', Inc.', conformed: ' INC' },
  { legal: ' Inc.', conformed: ' INC' },
  { legal: ' Corporation', conformed: ' CORP' },
  { legal: ' Corp.', conformed: ' CORP' },
  { legal: ' Holdings, Inc.', conformed: ' HOLDINGS INC' },
  { legal: ' Group, Inc.', conformed: ' GROUP INC' },
  { legal: ' Company', conformed: ' CO' },
  { legal: ' Technologies, Inc.', conformed: ' TECHNOLOGIES INC' },
  { legal: ' Ltd.', conformed: ' LTD' },
  { legal: ' plc', conformed: ' PLC' },
  { legal: ' N.V.', conformed: ' N.V.' },
] as const;

const STATES = ['DE', 'DE', 'DE', 'NV', 'MD', 'NY', 'CA', 'TX', 'OH', 'MA'] as const;
const EXCHANGES = ['Nasdaq', 'NYSE'] as const;
const FISCAL_YEAR_ENDS = ['1231', '1231', '1231', '0630', '0930', '0331', '0131'] as const;

export interface EdgarCompany {
  /** EDGAR's Central Index Key; URLs pad it to ten digits in submissions, not in Archives. */
  readonly cik: number;
  /** The name company_tickers.json titles it with and submissions call it. */
  readonly edgarName: string;
  /** How the company writes its own name: `Halvard Robotics, Inc.`. */
  readonly legalName: string;
  /** The name without its legal form: `Halvard Robotics`. */
  readonly brandName: string;
  readonly stem: string;
  /** The first is the common stock; some list a second class or warrants too. */
  readonly tickers: readonly string[];
  readonly exchange: (typeof EXCHANGES)[number];
  readonly sic: string;
  readonly sicDescription: string;
  readonly industry: string;
  readonly stateOfIncorporation: string;
  readonly fiscalYearEnd: string;
  readonly employees: number;
  readonly formerNames: readonly { name: string; from: string; to: string }[];
}

const letters = (text: string): string => text.toUpperCase().replace(/[^A-Z]/g, '');

const letter = (n: number): string => String.fromCharCode(65 + (n % 26));

/** Three or four letters from the name, as exchanges assign them; a letter pair breaks ties. */
function uniqueTicker(stem: string, word: string, taken: Set<string>): string {
  const s = letters(stem);
  const w = letters(word);
  const candidates = [s.slice(0, 4), `${s.slice(0, 3)}${w[0]}`, `${s.slice(0, 2)}${w.slice(0, 2)}`, `${s[0]}${w.slice(0, 3)}`, `${s.slice(0, 2)}${w[0]}`];
  let ticker = candidates.find((c) => !taken.has(c));
  for (let n = 0; ticker === undefined; n++) {
    const tie = `${s[0]}${w[0]}${letter(Math.floor(n / 26))}${letter(n)}`;
    if (!taken.has(tie)) ticker = tie;
  }
  taken.add(ticker);
  return ticker;
}

/** EDGAR's conformed spelling: upper case, no commas, abbreviated forms, now and then a state tag. */
const conformedName = (brand: string, form: (typeof LEGAL_FORMS)[number], stateTag?: string): string =>
  `${brand.toUpperCase()}${form.conformed}${stateTag ? ` /${stateTag}/` : ''}`;

let universe: readonly EdgarCompany[] | undefined;

/** The fixed universe, the same every run (built once: every fake and test reads the same list). */
export function edgarCompanies(): readonly EdgarCompany[] {
  universe ??= drawCompanies();
  return universe;
}

function drawCompanies(): EdgarCompany[] {
  const rng = createRng(UNIVERSE_SEED, 'companies');
  const usedNames = new Set<string>();
  const tickers = new Set<string>();
  const companies: EdgarCompany[] = [];
  let cik = FIRST_CIK;
  while (companies.length < EDGAR_COMPANY_COUNT) {
    const stem = rng.pick(STEMS);
    const industry = rng.pick(INDUSTRIES);
    const brandName = `${stem} ${industry.word}`;
    if (usedNames.has(brandName)) continue;
    usedNames.add(brandName);
    const form = rng.pick(LEGAL_FORMS);
    const state = rng.pick(STATES);
    const legalName = `${brandName}${form.legal}`;
    const upperCase = rng.chance(0.6);
    const edgarName = upperCase ? conformedName(brandName, form, rng.chance(0.25) ? state : undefined) : legalName;
    const ticker = uniqueTicker(stem, industry.word, tickers);
    const extra = rng.chance(0.06) ? [`${ticker}W`] : rng.chance(0.04) ? [`${ticker}-PA`] : [];
    extra.forEach((t) => tickers.add(t));
    cik += rng.int(1, MAX_CIK_GAP);
    const renamed = rng.chance(0.05);
    companies.push({
      cik,
      edgarName,
      legalName,
      brandName,
      stem,
      tickers: [ticker, ...extra],
      exchange: rng.pick(EXCHANGES),
      sic: industry.sic,
      sicDescription: industry.sicDescription,
      industry: industry.word,
      stateOfIncorporation: state,
      fiscalYearEnd: rng.pick(FISCAL_YEAR_ENDS),
      employees: rng.int(industry.employees[0], industry.employees[1]),
      formerNames: renamed ? [{ name: `${stem.toUpperCase()} ${rng.pick(['HOLDING CO', 'ENTERPRISES INC', 'ACQUISITION CORP'])}`, from: '2004-03-01T00:00:00.000Z', to: '2019-06-30T00:00:00.000Z' }] : [],
    });
  }
  return companies;
}

/** `320193` → `0000320193`, as submissions URLs write a CIK. */
export const paddedCik = (cik: number): string => String(cik).padStart(10, '0');
