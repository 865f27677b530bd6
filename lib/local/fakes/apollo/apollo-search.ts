/**
 * A search answer: the matched list as Apollo displays it (with its repeated rows), cut into
 * pages under the display cap of the channel asking (the API: 500 pages of up to 100; the web
 * app: 100 pages of 25), in the JSON shapes of Organization Search and the people searches.
 */
import type { ApolloDataset } from './apollo-dataset.ts';
import type { ApolloFilters, Paging } from './apollo-filters.ts';
import { matchOrganizations, matchPeople, PERSON_SLOTS } from './apollo-match.ts';
import { organizationRecord, type Json } from './apollo-organization.record.ts';
import { personCore, personRecord } from './apollo-people.ts';
import { APOLLO_INDUSTRIES } from './apollo-vocabulary.ts';

export interface DisplayCap {
  readonly maxPages: number;
  readonly maxPerPage: number;
  readonly defaultPerPage: number;
}

/** "a display limit of 50,000 records (100 records per page, up to 500 pages)". */
export const API_DISPLAY_CAP: DisplayCap = { maxPages: 500, maxPerPage: 100, defaultPerPage: 10 };
/** The web app shows 25 rows a page and stops at page 100. */
export const APP_DISPLAY_CAP: DisplayCap = { maxPages: 100, maxPerPage: 25, defaultPerPage: 25 };

/**
 * Apollo repeats rows across pages. After every `every` matched rows the displayed list repeats
 * the row shown one page earlier, so the displayed list (and total_entries) is longer than the
 * set of distinct matches; 0 turns repeats off.
 */
export const displayedLength = (matched: number, every: number): number => (every > 0 ? matched + Math.floor(matched / every) : matched);

/** Which matched row sits at displayed position `position` (0-based). */
export const matchedIndexAt = (position: number, every: number, perPage: number): number => {
  if (every <= 0) return position;
  const block = Math.floor(position / (every + 1));
  const offset = position % (every + 1);
  if (offset < every) return block * every + offset;
  return position >= perPage ? matchedIndexAt(position - perPage, every, perPage) : block * every + offset - 1;
};

export interface PageWindow {
  readonly page: number;
  readonly perPage: number;
  readonly totalEntries: number;
  readonly totalPages: number;
  /** Indices into the matched list, repeats included. */
  readonly indices: readonly number[];
}

export const pageWindow = (matched: number, paging: Paging, cap: DisplayCap, repeatEvery: number): PageWindow => {
  const perPage = Math.min(paging.perPage ?? cap.defaultPerPage, cap.maxPerPage);
  const totalEntries = displayedLength(matched, repeatEvery);
  const indices: number[] = [];
  if (paging.page <= cap.maxPages) {
    const end = Math.min(paging.page * perPage, totalEntries);
    for (let position = (paging.page - 1) * perPage; position < end; position += 1) indices.push(matchedIndexAt(position, repeatEvery, perPage));
  }
  return { page: paging.page, perPage, totalEntries, totalPages: Math.ceil(totalEntries / perPage), indices };
};

const pagination = (window: PageWindow): Json => ({ page: window.page, per_page: window.perPage, total_entries: window.totalEntries, total_pages: window.totalPages });

const breadcrumbs = (filters: ApolloFilters): Json[] => [
  ...filters.organizationLocations.map((value) => ({ label: 'Company Locations', signal_field_name: 'organization_locations', value, display_name: value })),
  ...filters.employeeRanges.map(({ min, max }) => {
    const value = `${min},${Number.isFinite(max) ? max : ''}`;
    return { label: '# Employees', signal_field_name: 'organization_num_employees_ranges', value, display_name: Number.isFinite(max) ? `${min}-${max}` : `${min}+` };
  }),
  ...filters.industryTagIds.map((value) => ({ label: 'Industry', signal_field_name: 'organization_industry_tag_ids', value, display_name: APOLLO_INDUSTRIES.find((industry) => industry.tagId === value)?.name ?? value })),
  ...filters.keywordTags.map((value) => ({ label: 'Company Keywords', signal_field_name: 'q_organization_keyword_tags', value, display_name: value })),
];

export interface SearchRequest {
  readonly dataset: ApolloDataset;
  readonly filters: ApolloFilters;
  readonly paging: Paging;
  readonly cap: DisplayCap;
  readonly repeatEvery: number;
}

export const searchOrganizations = ({ dataset, filters, paging, cap, repeatEvery }: SearchRequest): Json => {
  const rows = matchOrganizations(dataset, filters);
  const window = pageWindow(rows.length, paging, cap, repeatEvery);
  const organizations = window.indices.map((index) => organizationRecord(dataset, rows[index] ?? 0));
  return {
    breadcrumbs: breadcrumbs(filters),
    partial_results_only: false,
    disable_eu_prospecting: false,
    partial_results_limit: cap.maxPages * cap.maxPerPage,
    pagination: pagination(window),
    accounts: [],
    organizations,
    model_ids: organizations.map((organization) => organization.id),
    num_fetch_result: null,
    derived_params: null,
  };
};

const peopleWindow = ({ dataset, filters, paging, cap, repeatEvery }: SearchRequest): { window: PageWindow; people: Json[] } => {
  const keys = matchPeople(dataset, filters);
  const window = pageWindow(keys.length, paging, cap, repeatEvery);
  const people = window.indices.map((index) => {
    const key = keys[index] ?? 0;
    return personRecord(dataset, personCore(dataset, Math.floor(key / PERSON_SLOTS), key % PERSON_SLOTS));
  });
  return { window, people };
};

/** The web app's and the older API's people search: full people, emails included. */
export const searchPeople = (request: SearchRequest): Json => {
  const { window, people } = peopleWindow(request);
  return { breadcrumbs: breadcrumbs(request.filters), pagination: pagination(window), contacts: [], people, model_ids: people.map((person) => person.id), num_fetch_result: null };
};

/** People API Search: no emails, last names obfuscated, `has_*` flags instead of values. */
export const searchPeopleApi = (request: SearchRequest): Json => {
  const { window, people } = peopleWindow(request);
  return {
    total_entries: window.totalEntries,
    people: people.map((person) => {
      const organization = person.organization as Json;
      const last = String(person.last_name);
      return {
        id: person.id,
        first_name: person.first_name,
        last_name_obfuscated: `${last.slice(0, 2)}***${last.slice(-1)}`,
        title: person.title,
        has_email: person.email !== null,
        has_city: true,
        has_state: true,
        has_country: true,
        organization: { name: organization.name, has_industry: true, has_phone: true, has_city: true, has_state: true, has_country: true, has_employee_count: true },
      };
    }),
  };
};
