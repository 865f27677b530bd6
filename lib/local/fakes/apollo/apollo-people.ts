/**
 * People of an organisation, made on demand from (seed, organisation row, person number): a
 * search scans their cheap "core" (names, seniority, department, place, email status) without
 * building objects it will not show, and builds the full JSON only for the page it answers.
 */
import { organizationId, personId, type ApolloDataset } from './apollo-dataset.ts';
import { organizationSummary, placeOf, type Json } from './apollo-organization.record.ts';
import { hex, intBetween, mix32, pickOne, streamFrom, weightedPicker } from './apollo-random.ts';
import {
  APOLLO_PLACES, DEPARTMENTS, EMAIL_STATUS_WEIGHTS, EMAIL_STATUSES, FIRST_NAMES, LAST_NAMES, SENIORITIES, SENIORITY_WEIGHTS,
  type Department, type EmailStatus, type Place, type Seniority,
} from './apollo-vocabulary.ts';

/** Share of people living where their employer has its headquarters. */
const LOCAL_SHARE = 0.8;
const MAX_PAST_JOBS = 3;
const EXECUTIVE_SENIORITIES: readonly Seniority[] = ['owner', 'founder', 'c_suite'];

export interface PersonCore {
  readonly row: number;
  readonly person: number;
  readonly firstName: string;
  readonly lastName: string;
  readonly seniority: Seniority;
  readonly department: Department;
  readonly title: string;
  readonly place: Place;
  readonly emailStatus: EmailStatus;
}

const pickSeniority = weightedPicker(SENIORITIES.map((seniority) => SENIORITY_WEIGHTS[seniority]));
const pickEmailStatus = weightedPicker(EMAIL_STATUSES.map((status) => EMAIL_STATUS_WEIGHTS[status]));

const titleOf = (seniority: Seniority, department: Department): string => {
  switch (seniority) {
    case 'owner': return 'Owner';
    case 'founder': return 'Founder & CEO';
    case 'c_suite': return department.chief;
    case 'partner': return `Partner, ${department.label}`;
    case 'vp': return `VP of ${department.label}`;
    case 'head': return `Head of ${department.label}`;
    case 'director': return `Director of ${department.label}`;
    case 'manager': return `${department.label} Manager`;
    case 'senior': return `Senior ${department.role}`;
    case 'entry': return department.role;
    case 'intern': return `${department.label} Intern`;
  }
};

/** The searchable part of a person; the founder is always person 0. */
export const personCore = (dataset: ApolloDataset, row: number, person: number): PersonCore => {
  const draw = streamFrom(mix32(dataset.seedHash, 7, row, person));
  const seniority: Seniority = person === 0 ? 'founder' : (SENIORITIES[pickSeniority(draw)] ?? 'entry');
  const department = pickOne(draw, DEPARTMENTS);
  return {
    row,
    person,
    firstName: pickOne(draw, FIRST_NAMES),
    lastName: pickOne(draw, LAST_NAMES),
    seniority,
    department,
    title: titleOf(seniority, department),
    place: draw() < LOCAL_SHARE ? placeOf(dataset, row) : pickOne(draw, APOLLO_PLACES),
    emailStatus: EMAIL_STATUSES[pickEmailStatus(draw)] ?? 'verified',
  };
};

/** first.last@domain, with the person number added when a colleague already has that name. */
export const emailOf = (dataset: ApolloDataset, core: PersonCore): string => {
  const local = `${core.firstName}.${core.lastName}`.toLowerCase();
  for (let earlier = 0; earlier < core.person; earlier += 1) {
    const other = personCore(dataset, core.row, earlier);
    if (other.firstName === core.firstName && other.lastName === core.lastName) return `${local}${core.person}@${dataset.domains[core.row]}`;
  }
  return `${local}@${dataset.domains[core.row]}`;
};

/** The LinkedIn slug ends with the row and person number in hex, so a match by URL is a lookup. */
export const linkedinUrlOf = (core: PersonCore): string =>
  `http://www.linkedin.com/in/${core.firstName}-${core.lastName}-${hex(core.row, 6)}${hex(core.person, 2)}`.toLowerCase();

export const personFromLinkedinUrl = (url: string): { row: number; person: number } | undefined => {
  const match = /-([0-9a-f]{6})([0-9a-f]{2})\/?$/i.exec(url.trim());
  if (!match?.[1] || !match[2]) return undefined;
  return { row: Number.parseInt(match[1], 16), person: Number.parseInt(match[2], 16) };
};

const departmentsOf = (core: PersonCore): Json => {
  if (EXECUTIVE_SENIORITIES.includes(core.seniority)) {
    return { departments: ['c_suite'], subdepartments: core.seniority === 'c_suite' ? ['executive'] : ['executive', 'founder'], functions: core.seniority === 'c_suite' ? [core.department.fn] : ['entrepreneurship'] };
  }
  return { departments: [core.department.department], subdepartments: [core.department.subdepartment], functions: [core.department.fn] };
};

const employmentHistory = (dataset: ApolloDataset, core: PersonCore): Json[] => {
  const draw = streamFrom(mix32(dataset.seedHash, 8, core.row, core.person));
  const entryId = (slot: number): string => `${hex(mix32(dataset.seedHash, 9, core.row * 256 + core.person, slot), 8)}${hex(core.row, 8)}${hex(slot, 8)}`;
  let start = intBetween(draw, 2010, 2023);
  const jobs: Json[] = [{ id: entryId(0), current: true, organization_id: organizationId(dataset, core.row), organization_name: dataset.names[core.row], title: core.title, start_date: `${start}-01-01`, end_date: null }];
  const past = intBetween(draw, 0, MAX_PAST_JOBS);
  for (let slot = 1; slot <= past; slot += 1) {
    const end = start;
    start = end - intBetween(draw, 1, 5);
    const other = intBetween(draw, 0, dataset.count - 1);
    jobs.push({ id: entryId(slot), current: false, organization_id: organizationId(dataset, other), organization_name: dataset.names[other], title: titleOf(slot === 1 ? 'senior' : 'entry', core.department), start_date: `${start}-01-01`, end_date: `${end}-01-01` });
  }
  return jobs;
};

/** A person as the people search and People Enrichment show it. */
export const personRecord = (dataset: ApolloDataset, core: PersonCore): Json => {
  const unavailable = core.emailStatus === 'unavailable';
  return {
    id: personId(dataset, core.row, core.person),
    first_name: core.firstName,
    last_name: core.lastName,
    name: `${core.firstName} ${core.lastName}`,
    linkedin_url: linkedinUrlOf(core),
    title: core.title,
    headline: `${core.title} at ${dataset.names[core.row]}`,
    email_status: unavailable ? null : core.emailStatus,
    email: unavailable ? null : emailOf(dataset, core),
    photo_url: null,
    twitter_url: null,
    github_url: null,
    facebook_url: null,
    seniority: core.seniority,
    ...departmentsOf(core),
    city: core.place.city,
    state: core.place.state,
    country: core.place.country,
    organization_id: organizationId(dataset, core.row),
    organization: organizationSummary(dataset, core.row),
    employment_history: employmentHistory(dataset, core),
  };
};

/** Every person of one organisation, in order. */
export const peopleOf = (dataset: ApolloDataset, row: number): PersonCore[] =>
  Array.from({ length: dataset.staff[row] ?? 0 }, (_, person) => personCore(dataset, row, person));
