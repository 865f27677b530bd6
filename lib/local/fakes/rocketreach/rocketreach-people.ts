/**
 * The fake RocketReach's people, each generated on demand from the seed and its index, in the
 * shape of a complete person lookup (emails with type and grade, phones, job history,
 * education), plus the ground truth a test needs: how many status polls the lookup takes
 * before it completes, and whether it costs a credit (RocketReach charges for contact data).
 */
import { COUNTRIES, type CountryCode } from '../web/countries.ts';
import { createRng, type Rng } from '../web/prng.ts';
import { FIRST_NAMES, JOB_TITLES, LAST_NAMES } from '../web/vocabulary.ts';
import { employerIndexFor, generateCompany, FAKE_ROCKETREACH_COMPANY_COUNT, type FakeCompany } from './rocketreach-companies.ts';
import { DEGREES, EMAIL_GRADES, MAJORS, PHONE_GRADES, SCHOOLS, SKILLS, STAFF_TITLES } from './rocketreach-vocabulary.ts';

export const FAKE_ROCKETREACH_PERSON_COUNT = 6_000;
export const PERSON_ID_BASE = 71_000_000;
/** The most status polls a lookup takes before it completes. */
export const MAX_POLLS_TO_COMPLETE = 3;
/** Share of lookups that complete in their first answer; the rest need polling. */
const IMMEDIATE_SHARE = 0.6;
const DIALLING_CODES: Readonly<Record<CountryCode, string>> = { US: '1', GB: '44', DE: '49', FR: '33', NL: '31', AU: '61' };
const PERSONAL_MAIL_DOMAINS = ['inboxmail.example', 'postbox.example'] as const;

export interface ProfileEmail {
  readonly email: string;
  readonly smtp_valid: 'valid' | 'invalid' | 'accept-all' | 'unknown';
  readonly type: 'professional' | 'personal';
  readonly last_validation_check: string;
  readonly grade: (typeof EMAIL_GRADES)[number];
}

export interface ProfilePhone {
  readonly number: string;
  readonly e164: string;
  readonly country_code: string;
  readonly extension: null;
  readonly type: 'mobile' | 'direct dial' | 'other';
  readonly grade: (typeof PHONE_GRADES)[number];
  readonly recommended: boolean;
}

export interface JobHistoryEntry {
  readonly start_date: string;
  readonly end_date: string;
  readonly company: string;
  readonly company_name: string;
  readonly company_id: number;
  readonly company_linkedin_url: string;
  readonly company_city: string;
  readonly company_region: string;
  readonly company_country_code: string;
  readonly department: string;
  readonly title: string;
  readonly highest_level: string;
  readonly description: string;
  readonly last_updated: string;
  readonly sub_department: null;
  readonly is_current: boolean;
}

/** A complete person lookup's body, before the per-request `status`, `profile_list` and `metadata`. */
export interface FakeProfile {
  readonly id: number;
  readonly name: string;
  readonly linkedin_url: string;
  readonly connections: number;
  readonly links: { readonly linkedin: string };
  readonly location: string;
  readonly current_title: string;
  readonly current_employer: string;
  readonly current_employer_id: number;
  readonly current_employer_domain: string;
  readonly current_employer_website: string;
  readonly current_employer_linkedin_url: string;
  readonly current_employer_industry: string;
  readonly job_history: readonly JobHistoryEntry[];
  readonly education: readonly { major: string; school: string; degree: string; start: number; end: number }[];
  readonly skills: readonly string[];
  readonly birth_year: number;
  readonly region_latitude: null;
  readonly region_longitude: null;
  readonly city: string;
  readonly region: string;
  readonly country: string;
  readonly country_code: string;
  readonly linkedin_url_active: boolean;
  readonly recommended_email: string | null;
  readonly recommended_personal_email: string | null;
  readonly recommended_professional_email: string | null;
  readonly current_work_email: string | null;
  readonly current_personal_email: string | null;
  readonly emails: readonly ProfileEmail[];
  readonly phones: readonly ProfilePhone[];
}

export interface FakePerson {
  readonly index: number;
  readonly firstName: string;
  readonly lastName: string;
  readonly profile: FakeProfile;
  readonly employer: FakeCompany;
  /** Status polls (`/person/checkStatus`) before this lookup reports `complete`; 0 = complete at once. */
  readonly pollsToComplete: number;
  /** Whether a lookup returns contact data, so costs a lookup credit. */
  readonly chargeable: boolean;
}

const localPart = (text: string): string => text.toLowerCase().replace(/[^a-z]/g, '');
const VALIDATED_AT = '2026-11-02T09:00:00Z';
const UPDATED_AT = '2026-11-15T12:00:00Z';

function emailsOf(rng: Rng, first: string, last: string, domain: string): ProfileEmail[] {
  const roll = rng.next();
  if (roll < 0.06) return [];
  const emails: ProfileEmail[] = [];
  const grade = rng.pick(EMAIL_GRADES);
  emails.push({ email: `${localPart(first)}.${localPart(last)}@${domain}`, smtp_valid: grade === 'F' ? 'invalid' : grade === 'C' ? 'accept-all' : 'valid', type: 'professional', last_validation_check: VALIDATED_AT, grade });
  if (rng.chance(0.3)) {
    emails.push({ email: `${localPart(first)}${localPart(last)}${rng.digits(2)}@${rng.pick(PERSONAL_MAIL_DOMAINS)}`, smtp_valid: 'valid', type: 'personal', last_validation_check: VALIDATED_AT, grade: rng.pick(['A', 'A-', 'B'] as const) });
  }
  return emails;
}

function phonesOf(rng: Rng, country: CountryCode, cityIndex: number, hasEmail: boolean): ProfilePhone[] {
  // Some people have no contact data at all: their lookups complete empty and cost nothing.
  if (!hasEmail && rng.chance(0.7)) return [];
  if (hasEmail && !rng.chance(0.55)) return [];
  return Array.from({ length: rng.int(1, 2) }, (_, i) => {
    const phone = COUNTRIES[country].phone(rng, cityIndex);
    return { number: phone.display, e164: phone.e164, country_code: DIALLING_CODES[country], extension: null, type: rng.pick(['mobile', 'direct dial', 'other'] as const), grade: rng.pick(PHONE_GRADES), recommended: i === 0 };
  });
}

function titleOf(rng: Rng): { title: string; department: string; level: string } {
  if (rng.chance(0.15)) return { title: rng.pick(JOB_TITLES), department: 'Executive', level: 'C-Level' };
  return { ...rng.pick(STAFF_TITLES) };
}

function jobEntry(company: FakeCompany, role: { title: string; department: string; level: string }, start: number, end: number | null): JobHistoryEntry {
  return {
    start_date: `${start}-0${(start % 9) + 1}-01`,
    end_date: end === null ? 'Present' : `${end}-0${(end % 9) + 1}-01`,
    company: company.name,
    company_name: company.name,
    company_id: company.id,
    company_linkedin_url: company.links.linkedin,
    company_city: company.address.city,
    company_region: company.address.region,
    company_country_code: company.address.country_code,
    department: role.department,
    title: role.title,
    highest_level: role.level,
    description: `${role.title} at ${company.name}.`,
    last_updated: UPDATED_AT,
    sub_department: null,
    is_current: end === null,
  };
}

function historyOf(rng: Rng, companyAt: CompanyAt, employer: FakeCompany, role: ReturnType<typeof titleOf>): JobHistoryEntry[] {
  const currentStart = rng.int(2015, 2025);
  const history = [jobEntry(employer, role, currentStart, null)];
  let end = currentStart;
  for (let i = rng.int(0, 2); i > 0; i--) {
    const previous = companyAt(rng.int(0, FAKE_ROCKETREACH_COMPANY_COUNT - 1));
    const start = end - rng.int(1, 5);
    history.push(jobEntry(previous, titleOf(rng), start, end));
    end = start;
  }
  return history;
}

/** Company `index` of the same seed; the data set passes its memoised one. */
export type CompanyAt = (index: number) => FakeCompany;

/** Person `index` (0-based) under `seed`. */
export function generatePerson(seed: string, index: number, companyAt: CompanyAt = (i) => generateCompany(seed, i)): FakePerson {
  const rng = createRng(seed, `person:${index}`);
  const employer = companyAt(employerIndexFor(rng));
  const firstName = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(LAST_NAMES);
  const role = titleOf(rng);
  const country = employer.address.country_code as CountryCode;
  const cityIndex = Math.max(0, COUNTRIES[country].cities.findIndex((city) => city.name === employer.address.city));
  const emails = emailsOf(rng, firstName, lastName, employer.email_domain);
  const phones = phonesOf(rng, country, cityIndex, emails.length > 0);
  const id = PERSON_ID_BASE + index;
  const linkedin = `https://www.linkedin.com/in/${localPart(firstName)}-${localPart(lastName)}-${id.toString(36)}`;
  const professional = emails.find((email) => email.type === 'professional')?.email ?? null;
  const personal = emails.find((email) => email.type === 'personal')?.email ?? null;
  const startYear = rng.int(1995, 2019);
  const profile: FakeProfile = {
    id,
    name: `${firstName} ${lastName}`,
    linkedin_url: linkedin,
    connections: rng.int(20, 500),
    links: { linkedin },
    location: [...new Set([employer.address.city, employer.address.region, employer.address.country])].join(', '),
    current_title: role.title,
    current_employer: employer.name,
    current_employer_id: employer.id,
    current_employer_domain: employer.domain,
    current_employer_website: `https://${employer.website_domain}`,
    current_employer_linkedin_url: employer.links.linkedin,
    current_employer_industry: employer.industry,
    job_history: historyOf(rng, companyAt, employer, role),
    education: [{ major: rng.pick(MAJORS), school: rng.pick(SCHOOLS), degree: rng.pick(DEGREES), start: startYear, end: startYear + 4 }],
    skills: rng.sample(SKILLS, rng.int(2, 5)),
    birth_year: startYear - 18,
    region_latitude: null,
    region_longitude: null,
    city: employer.address.city,
    region: employer.address.region,
    country: employer.address.country,
    country_code: country,
    linkedin_url_active: rng.chance(0.95),
    recommended_email: professional ?? personal,
    recommended_personal_email: personal,
    recommended_professional_email: professional,
    current_work_email: professional,
    current_personal_email: personal,
    emails,
    phones,
  };
  const pollsToComplete = rng.chance(IMMEDIATE_SHARE) ? 0 : rng.int(1, MAX_POLLS_TO_COMPLETE);
  return { index, firstName, lastName, profile, employer, pollsToComplete, chargeable: emails.length > 0 || phones.length > 0 };
}
