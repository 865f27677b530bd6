/**
 * Scoring one site's extraction against the fake web's ground truth: per field, how many values
 * the extractor gave, how many of those the truth holds, and how many the truth holds in all.
 * Precision = correct / extracted, recall = correct / expected.
 */
import { normalisePhone } from '../functions/domain/enrichment/extract-phones.ts';
import { classifySocialUrl } from '../functions/domain/enrichment/social-profiles.ts';
import type { OrganizationData, PostalAddress, SiteExtraction } from '../functions/domain/enrichment/site-extraction.ts';
import type { OrganizationTruth, SiteTruth } from '../lib/local/fakes/web/site-truth.ts';

export interface Tally {
  extracted: number;
  correct: number;
  expected: number;
  /** A few example misses (expected, not found) and false positives, for reading the table. */
  misses: string[];
  wrong: string[];
}

const EXAMPLES_KEPT = 8;

export const emptyTally = (): Tally => ({ extracted: 0, correct: 0, expected: 0, misses: [], wrong: [] });

export function addSets(tally: Tally, extracted: readonly string[], expected: readonly string[], label: string): void {
  const want = new Set(expected);
  const got = new Set(extracted);
  tally.extracted += got.size;
  tally.expected += want.size;
  for (const value of got) {
    if (want.has(value)) tally.correct += 1;
    else if (tally.wrong.length < EXAMPLES_KEPT) tally.wrong.push(`${label}: ${value}`);
  }
  for (const value of want) if (!got.has(value) && tally.misses.length < EXAMPLES_KEPT) tally.misses.push(`${label}: ${value}`);
}

/** One organisation fact: extracted (or not) and equal to the truth (or not). */
function addFact(tally: Tally, extracted: string | undefined, expected: string, label: string): void {
  tally.expected += 1;
  if (extracted === undefined) {
    if (tally.misses.length < EXAMPLES_KEPT) tally.misses.push(`${label}: ${expected}`);
    return;
  }
  tally.extracted += 1;
  if (extracted === expected) tally.correct += 1;
  else if (tally.wrong.length < EXAMPLES_KEPT) tally.wrong.push(`${label}: ${extracted} ≠ ${expected}`);
}

const canonicalProfile = (url: string): string => classifySocialUrl(url)?.url ?? url;

function addressKey(a: PostalAddress | undefined): string | undefined {
  if (!a) return undefined;
  return [a.street, a.postal_code, a.locality, a.region, a.country].map((p) => p ?? '').join(' | ');
}

function truthAddressKey(org: OrganizationTruth): string {
  const a = org.address;
  return [a.streetAddress, a.postalCode, a.addressLocality, a.addressRegion, a.addressCountry].map((p) => p ?? '').join(' | ');
}

export const ORGANIZATION_FIELDS = ['legal name', 'address', 'telephone', 'email', 'founding date', 'logo', 'sameAs', 'employees', 'description'] as const;
export type OrganizationField = (typeof ORGANIZATION_FIELDS)[number];

export function scoreOrganization(tallies: Record<OrganizationField, Tally>, got: OrganizationData, truth: SiteTruth): void {
  const org = truth.organization;
  if (!org) return;
  const d = truth.domain;
  const employees = got.number_of_employees?.value;
  addFact(tallies['legal name'], got.legal_name?.value, org.legalName, d);
  addFact(tallies.address, addressKey(got.address?.value), truthAddressKey(org), d);
  addFact(tallies.telephone, got.telephone && (normalisePhone(got.telephone.value, truth.country) ?? got.telephone.value), org.telephone, d);
  addFact(tallies.email, got.email?.value.toLowerCase(), org.email, d);
  addFact(tallies['founding date'], got.founding_date?.value, org.foundingDate, d);
  addFact(tallies.logo, got.logo?.value, org.logo, d);
  addFact(tallies.sameAs, got.same_as && got.same_as.value.map(canonicalProfile).sort().join(' '), org.sameAs.map(canonicalProfile).sort().join(' '), d);
  addFact(tallies.employees, employees === undefined ? undefined : typeof employees === 'number' ? String(employees) : JSON.stringify(employees), String(org.numberOfEmployees), d);
  addFact(tallies.description, got.description?.value, org.description, d);
}

export interface SiteScores {
  emails: Tally;
  phones: Tally;
  profiles: Tally;
  technologies: Tally;
  people: Tally;
  /** Of the people found and in the truth, how many carry the true title. */
  personTitles: Tally;
  organization: Record<OrganizationField, Tally>;
}

export const emptyScores = (): SiteScores => ({
  emails: emptyTally(), phones: emptyTally(), profiles: emptyTally(), technologies: emptyTally(), people: emptyTally(), personTitles: emptyTally(),
  organization: Object.fromEntries(ORGANIZATION_FIELDS.map((f) => [f, emptyTally()])) as Record<OrganizationField, Tally>,
});

/** Adds one site; `browserOnly` values (rendered by script) are left out of what plain HTTP can be expected to find. */
export function scoreSite(scores: SiteScores, got: SiteExtraction, truth: SiteTruth): void {
  const d = truth.domain;
  addSets(scores.emails, got.emails.map((e) => e.email), truth.emails.filter((e) => e.rendering !== 'javascript').map((e) => e.address), d);
  addSets(scores.phones, got.phones.map((p) => p.phone), truth.phones.filter((p) => p.rendering !== 'javascript').map((p) => p.e164), d);
  addSets(scores.profiles, got.social_profiles.map((p) => p.url), truth.socialProfiles.map((p) => p.canonicalUrl), d);
  addSets(scores.technologies, got.technologies.map((t) => t.name), truth.technologies.map((t) => t.name), d);
  const visiblePeople = truth.special === 'js-only' ? [] : truth.people;
  const name = (first: string, last: string): string => `${first} ${last}`;
  addSets(scores.people, got.people.map((p) => name(p.first_name, p.last_name)), visiblePeople.map((p) => p.name), d);
  for (const person of got.people) {
    const known = visiblePeople.find((p) => p.name === name(person.first_name, person.last_name));
    if (known) addFact(scores.personTitles, person.title, known.title, `${d} ${known.name}`);
  }
  scoreOrganization(scores.organization, got.organization, truth);
}
