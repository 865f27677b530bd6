/**
 * The fake RocketReach's whole data set for one seed: a few thousand people and companies,
 * each generated the first time it is asked for, and the indexes lookups match on, built the
 * first time a lookup needs them. Tests import this to know the ground truth the fake serves.
 */
import { FAKE_ROCKETREACH_COMPANY_COUNT, COMPANY_ID_BASE, generateCompany, type FakeCompany } from './rocketreach-companies.ts';
import { FAKE_ROCKETREACH_PERSON_COUNT, PERSON_ID_BASE, generatePerson, type FakePerson } from './rocketreach-people.ts';

/** What a person lookup may identify someone by (RocketReach's lookup parameters). */
export interface PersonMatch {
  readonly id?: number;
  readonly linkedin_url?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly name?: string;
  readonly current_employer?: string;
}

/** What a company lookup may identify a company by. */
export interface CompanyMatch {
  readonly id?: number;
  readonly domain?: string;
  readonly linkedin_url?: string;
  readonly name?: string;
  readonly ticker?: string;
}

export interface RocketReachDataset {
  readonly seed: string;
  person(index: number): FakePerson;
  company(index: number): FakeCompany;
  personById(id: number): FakePerson | undefined;
  companyById(id: number): FakeCompany | undefined;
  /** The person a lookup with these parameters finds (the lowest id when several match). */
  findPerson(match: PersonMatch): FakePerson | undefined;
  findCompany(match: CompanyMatch): FakeCompany | undefined;
  people(): readonly FakePerson[];
  companies(): readonly FakeCompany[];
}

/** `https://www.LinkedIn.com/in/x/?trk=1` and `linkedin.com/in/x` are the same profile. */
export const normaliseLinkedinUrl = (url: string): string =>
  url.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/[?#].*$/, '').replace(/\/+$/, '');

export const normaliseDomain = (domain: string): string =>
  domain.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/[/?#].*$/, '');

export const normaliseName = (name: string): string => name.trim().toLowerCase().replace(/[.,]/g, '').replace(/\s+/g, ' ');

const normalisePhone = (phone: string): string => phone.replace(/[^\d+]/g, '');

interface PersonIndexes {
  readonly byLinkedin: Map<string, FakePerson>;
  readonly byEmail: Map<string, FakePerson>;
  readonly byPhone: Map<string, FakePerson>;
  readonly byNameAtEmployer: Map<string, FakePerson>;
}

interface CompanyIndexes {
  readonly byDomain: Map<string, FakeCompany>;
  readonly byLinkedin: Map<string, FakeCompany>;
  readonly byName: Map<string, FakeCompany>;
  readonly byTicker: Map<string, FakeCompany>;
}

/** The first writer wins, so "several match" always resolves to the lowest id. */
const setOnce = <V>(map: Map<string, V>, key: string, value: V): void => {
  if (!map.has(key)) map.set(key, value);
};

function indexPeople(people: readonly FakePerson[]): PersonIndexes {
  const indexes: PersonIndexes = { byLinkedin: new Map(), byEmail: new Map(), byPhone: new Map(), byNameAtEmployer: new Map() };
  for (const person of people) {
    const { profile, employer } = person;
    setOnce(indexes.byLinkedin, normaliseLinkedinUrl(profile.linkedin_url), person);
    for (const email of profile.emails) setOnce(indexes.byEmail, email.email.toLowerCase(), person);
    for (const phone of profile.phones) setOnce(indexes.byPhone, phone.e164, person);
    setOnce(indexes.byNameAtEmployer, `${normaliseName(profile.name)}|${normaliseName(employer.name)}`, person);
    setOnce(indexes.byNameAtEmployer, `${normaliseName(profile.name)}|${employer.domain}`, person);
  }
  return indexes;
}

function indexCompanies(companies: readonly FakeCompany[]): CompanyIndexes {
  const indexes: CompanyIndexes = { byDomain: new Map(), byLinkedin: new Map(), byName: new Map(), byTicker: new Map() };
  for (const company of companies) {
    setOnce(indexes.byDomain, company.domain, company);
    setOnce(indexes.byLinkedin, normaliseLinkedinUrl(company.links.linkedin), company);
    setOnce(indexes.byName, normaliseName(company.name), company);
    if (company.ticker_symbol) setOnce(indexes.byTicker, company.ticker_symbol, company);
  }
  return indexes;
}

const memo = <T>(count: number, make: (index: number) => T): ((index: number) => T) => {
  const made = new Map<number, T>();
  return (index) => {
    if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`index ${index} outside 0..${count - 1}`);
    let value = made.get(index);
    if (value === undefined) {
      value = make(index);
      made.set(index, value);
    }
    return value;
  };
};

const lazy = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

function findPersonIn(indexes: PersonIndexes, byId: (id: number) => FakePerson | undefined, match: PersonMatch): FakePerson | undefined {
  if (match.id !== undefined) return byId(match.id);
  if (match.linkedin_url) return indexes.byLinkedin.get(normaliseLinkedinUrl(match.linkedin_url));
  if (match.email) return indexes.byEmail.get(match.email.trim().toLowerCase());
  if (match.phone) return indexes.byPhone.get(normalisePhone(match.phone));
  if (match.name && match.current_employer) {
    const name = normaliseName(match.name);
    return indexes.byNameAtEmployer.get(`${name}|${normaliseName(match.current_employer)}`) ?? indexes.byNameAtEmployer.get(`${name}|${normaliseDomain(match.current_employer)}`);
  }
  return undefined;
}

function findCompanyIn(indexes: CompanyIndexes, byId: (id: number) => FakeCompany | undefined, match: CompanyMatch): FakeCompany | undefined {
  if (match.id !== undefined) return byId(match.id);
  if (match.domain) return indexes.byDomain.get(normaliseDomain(match.domain));
  if (match.linkedin_url) return indexes.byLinkedin.get(normaliseLinkedinUrl(match.linkedin_url));
  if (match.ticker) return indexes.byTicker.get(match.ticker.trim().toUpperCase());
  if (match.name) return indexes.byName.get(normaliseName(match.name));
  return undefined;
}

/** The data set the fake serves under `seed`; the same seed gives the same people and companies. */
export function rocketReachDataset(seed: string): RocketReachDataset {
  const company = memo(FAKE_ROCKETREACH_COMPANY_COUNT, (index) => generateCompany(seed, index));
  const person = memo(FAKE_ROCKETREACH_PERSON_COUNT, (index) => generatePerson(seed, index, company));
  const people = lazy(() => Array.from({ length: FAKE_ROCKETREACH_PERSON_COUNT }, (_, index) => person(index)));
  const companies = lazy(() => Array.from({ length: FAKE_ROCKETREACH_COMPANY_COUNT }, (_, index) => company(index)));
  const personIndexes = lazy(() => indexPeople(people()));
  const companyIndexes = lazy(() => indexCompanies(companies()));
  const personById = (id: number): FakePerson | undefined => {
    const index = id - PERSON_ID_BASE;
    return Number.isInteger(index) && index >= 0 && index < FAKE_ROCKETREACH_PERSON_COUNT ? person(index) : undefined;
  };
  const companyById = (id: number): FakeCompany | undefined => {
    const index = id - COMPANY_ID_BASE;
    return Number.isInteger(index) && index >= 0 && index < FAKE_ROCKETREACH_COMPANY_COUNT ? company(index) : undefined;
  };
  return {
    seed,
    person,
    company,
    personById,
    companyById,
    findPerson: (match) => findPersonIn(personIndexes(), personById, match),
    findCompany: (match) => findCompanyIn(companyIndexes(), companyById, match),
    people,
    companies,
  };
}
