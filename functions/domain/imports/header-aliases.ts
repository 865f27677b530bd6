import { csvLikeRowSchema } from '../records/csv-like-row.ts';

/** The CSV-like columns of the records domain (`company`, `person_linkedin_url`...), the import's targets. */
export const CSV_LIKE_COLUMNS = Object.keys(csvLikeRowSchema.shape) as readonly string[];
export type CsvLikeColumn = string;

/** "# Employees", "State/Region", "E-mail" → "employees", "stateregion", "email": how `column_map` names are compared. */
export const headerKey = (header: string): string => header.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Words that name the same thing in every export ("Account Name" is the company's name). */
const WORD_SYNONYMS: Readonly<Record<string, string>> = {
  account: 'company',
  organization: 'company',
  organisation: 'company',
  org: 'company',
  employee: 'employees',
  cell: 'mobile',
};

/** Words that add nothing to a header's meaning ("No. of Employees", "Phone Number", "Your Email"). */
const COMMON_WORDS: ReadonlySet<string> = new Set(['the', 'of', 'a', 'an', 'your', 'number', 'no', 'nr', 'num', 'count']);

/**
 * The normalised form headers are matched by: camelCase split, accents dropped, case folded,
 * split on anything not a letter or digit, synonyms replaced, common words dropped, a word
 * repeated in a row kept once, then joined. "Company / Account", "company_name", "Account Name"
 * and "Organization Name" all mean the company, with no list of their exact spellings.
 */
export function synonymKey(header: string): string {
  const words = header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  let key = '';
  let last = '';
  for (const word of words) {
    const meant = WORD_SYNONYMS[word] ?? word;
    if (meant === '' || COMMON_WORDS.has(meant) || meant === last) continue;
    key += meant;
    last = meant;
  }
  return key;
}

/**
 * Header spellings of the common exports, by target column, one per normalised form (`synonymKey`
 * makes "First Name", "firstName" and "first_name" one spelling; "Account Name" and "Organization
 * Name" are "Company Name"). Each is written as an export prints it, so the list can be checked
 * against a real file:
 * Apollo (people, companies), HubSpot (contacts, companies), Salesforce (contacts, leads,
 * accounts), LinkedIn (Connections, Sales Navigator), ZoomInfo, and the seed's own names.
 * Only spellings whose meaning is certain are listed: "Revenue (in 000s USD)" or "Employee
 * Range" stay in `extra` rather than be stored as a wrong number. Spellings are compared by
 * `synonymKey`, so one entry covers its variants of case, punctuation and wording. Each list
 * runs from the most specific spelling to the least: when a file has several columns for one
 * target (Apollo's "Short Description" and "SEO Description"), the earliest listed wins.
 */
const UNAMBIGUOUS: Readonly<Record<CsvLikeColumn, readonly string[]>> = {
  company: ['company', 'Company Name', 'Associated Company', 'Employer', 'Current Company'],
  company_linkedin_url: ['company_linkedin_url', 'LinkedIn Company Page', 'LinkedIn Company Profile URL', 'Company LinkedIn'],
  company_website: ['company_website', 'Website', 'Website URL', 'Company Website', 'Company URL', 'Web Site'],
  company_domain: ['company_domain', 'Company Domain Name', 'Company Domain', 'Domain', 'Email Domain'],
  employees: ['employees', 'Headcount'],
  industry: ['industry', 'Industry', 'Primary Industry', 'Company Industry'],
  industries: ['industries', 'All Industries', 'Industries'],
  keywords: ['keywords', 'Keywords', 'Company Keywords'],
  technologies: ['technologies', 'Technologies', 'Tech Stack'],
  company_description: ['company_description', 'Short Description', 'SEO Description'],
  company_phone: ['company_phone', 'Corporate Phone', 'Company HQ Phone', 'HQ Phone'],
  company_address: ['company_address', 'Company Address', 'Billing Address', 'Company Street Address', 'Company Street', 'Billing Street'],
  company_city: ['company_city', 'Company City', 'Billing City', 'Company HQ City'],
  company_state: ['company_state', 'Company State', 'Billing State/Province', 'Billing State', 'Company HQ State'],
  company_country: ['company_country', 'Company Country', 'Billing Country', 'Company HQ Country'],
  annual_revenue: ['annual_revenue', 'Annual Revenue', 'Revenue (USD)', 'Company Revenue'],
  total_funding: ['total_funding', 'Total Funding', 'Total Money Raised', 'Total Funding Amount'],
  founded_year: ['founded_year', 'Founded Year', 'Year Founded', 'Founded', 'Year Started'],
  first_name: ['first_name', 'Given Name'],
  last_name: ['last_name', 'Surname', 'Family Name'],
  email: ['email', 'Email Address', 'Work Email', 'Business Email', 'Primary Email'],
  email_status: ['email_status', 'Email Status', 'Email Verification Status'],
  title: ['title', 'Title', 'Job Title', 'Position', 'Job Position'],
  seniority: ['seniority', 'Seniority', 'Management Level', 'Seniority Level', 'Job Level'],
  departments: ['departments', 'Departments', 'Department', 'Job Function', 'Function'],
  mobile_phone: ['mobile_phone', 'Mobile'],
  person_linkedin_url: ['person_linkedin_url', 'Person Linkedin Url', 'LinkedIn Contact Profile URL', 'LinkedIn Profile URL', 'LinkedIn Profile', 'Profile URL', 'Contact LinkedIn URL'],
  city: ['Person City', 'Mailing City', 'Contact City'],
  state: ['Person State', 'Mailing State/Province', 'Mailing State', 'Contact State'],
  country: ['Person Country', 'Mailing Country', 'Contact Country'],
};

/**
 * Spellings whose owner depends on the file: in a file with people ("First Name", "Email"...)
 * "City" is the person's, in a companies export (Apollo, HubSpot, Salesforce accounts) it is
 * the company's. `person: undefined` keeps the column in `extra` in a people file.
 */
const BY_FILE_KIND: Readonly<Record<string, { readonly person?: CsvLikeColumn; readonly company?: CsvLikeColumn }>> = {
  City: { person: 'city', company: 'company_city' },
  State: { person: 'state', company: 'company_state' },
  'State/Region': { person: 'state', company: 'company_state' },
  'State/Province': { person: 'state', company: 'company_state' },
  Region: { person: 'state', company: 'company_state' },
  Country: { person: 'country', company: 'company_country' },
  'Country/Region': { person: 'country', company: 'company_country' },
  'LinkedIn URL': { person: 'person_linkedin_url', company: 'company_linkedin_url' },
  linkedin_url: { person: 'person_linkedin_url', company: 'company_linkedin_url' },
  LinkedIn: { person: 'person_linkedin_url', company: 'company_linkedin_url' },
  // LinkedIn's Connections export names the profile "URL".
  URL: { person: 'person_linkedin_url' },
  Name: { company: 'company' },
  Phone: { company: 'company_phone' },
  'Phone Number': { company: 'company_phone' },
  Description: { company: 'company_description' },
  Address: { company: 'company_address' },
  'Street Address': { company: 'company_address' },
};

/** Targets that make a file a file of people. */
export const PERSON_IDENTITY_COLUMNS: ReadonlySet<CsvLikeColumn> = new Set(['first_name', 'last_name', 'email', 'person_linkedin_url']);

/** A target and how specific the spelling that named it is (lower is more specific). */
export interface HeaderMatch {
  readonly target: CsvLikeColumn;
  readonly rank: number;
}

/** File-dependent spellings rank after every certain one. */
const FILE_KIND_RANK = 1_000;

function indexByKey<V>(entries: [string, V][], what: string): Map<string, V> {
  const out = new Map<string, V>();
  for (const [spelling, value] of entries) {
    const key = synonymKey(spelling);
    const known = out.get(key);
    if (known !== undefined && JSON.stringify(known) !== JSON.stringify(value)) {
      throw new Error(`Header spelling "${spelling}" maps to two ${what}`);
    }
    if (known === undefined) out.set(key, value);
  }
  return out;
}

const unambiguous = indexByKey(
  Object.entries(UNAMBIGUOUS).flatMap(([column, spellings]) => spellings.map((s): [string, CsvLikeColumn] => [s, column])),
  'columns',
);
/** The rank of each key: its spelling's place in its target's list. */
const rankOf = new Map<string, number>();
for (const spellings of Object.values(UNAMBIGUOUS)) {
  spellings.forEach((spelling, rank) => {
    const key = synonymKey(spelling);
    rankOf.set(key, Math.min(rank, rankOf.get(key) ?? rank));
  });
}
const byFileKind = indexByKey(Object.entries(BY_FILE_KIND), 'column pairs');
for (const key of byFileKind.keys()) {
  if (unambiguous.has(key)) throw new Error(`Header key "${key}" is listed as both certain and file-dependent`);
}

/** The target a header spelling means for sure, whatever the file. */
export function certainTarget(header: string): HeaderMatch | undefined {
  const key = synonymKey(header);
  const target = unambiguous.get(key);
  return target === undefined ? undefined : { target, rank: rankOf.get(key) ?? 0 };
}

/** The target a file-dependent spelling means in a file of people or of companies. */
export function targetByFileKind(header: string, kind: 'person' | 'company'): HeaderMatch | undefined {
  const target = byFileKind.get(synonymKey(header))?.[kind];
  return target === undefined ? undefined : { target, rank: FILE_KIND_RANK };
}
