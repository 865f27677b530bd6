/**
 * Which organisations and people a filter set matches, in the order Apollo's answer lists them
 * (dataset order). The indices narrow the rows to look at (industry, place, ids, domains); every
 * candidate then meets the full predicate, so index and predicate can never disagree.
 */
import { organizationKeywords, organizationRow, type ApolloDataset } from './apollo-dataset.ts';
import { filtersKey, type ApolloFilters } from './apollo-filters.ts';
import { peopleOf, type PersonCore } from './apollo-people.ts';
import { APOLLO_INDUSTRIES, APOLLO_PLACES, APOLLO_TECHNOLOGIES, type Place } from './apollo-vocabulary.ts';

/** Person key in a match list: row × PERSON_SLOTS + person number (an organisation has at most 100 people). */
export const PERSON_SLOTS = 128;
const MATCH_CACHE_ENTRIES = 64;

const lower = (values: readonly string[]): Set<string> => new Set(values.map((value) => value.toLowerCase()));

const placeTokens: readonly Set<string>[] = APOLLO_PLACES.map((place) => new Set([place.city, place.state, place.country, place.countryCode].map((token) => token.toLowerCase())));

/** A location value matches a place when every comma-separated part names its city, state or country. */
export const placeMatches = (placeIndex: number, value: string): boolean => {
  const tokens = placeTokens[placeIndex];
  const parts = value.toLowerCase().split(',').map((part) => part.trim()).filter(Boolean);
  return tokens !== undefined && parts.length > 0 && parts.every((part) => tokens.has(part));
};

/** Places any of the values names, as a flag per place; undefined when there is no such filter. */
const placeSet = (values: readonly string[]): Uint8Array | undefined => {
  if (values.length === 0) return undefined;
  const flags = new Uint8Array(APOLLO_PLACES.length);
  APOLLO_PLACES.forEach((_, index) => { if (values.some((value) => placeMatches(index, value))) flags[index] = 1; });
  return flags;
};

const placeIndexOf = new Map<Place, number>(APOLLO_PLACES.map((place, index) => [place, index]));

const textHasAll = (text: string, query: string | undefined): boolean =>
  query === undefined || query.toLowerCase().split(/\s+/).filter(Boolean).every((word) => text.includes(word));

const organizationPredicate = (dataset: ApolloDataset, filters: ApolloFilters): ((row: number) => boolean) => {
  const included = placeSet(filters.organizationLocations);
  const excluded = placeSet(filters.organizationNotLocations);
  const industries = lower(filters.industryTagIds);
  const tags = lower(filters.keywordTags);
  const rows = new Set(filters.organizationIds.map((id) => organizationRow(dataset, id)));
  const domains = new Set(filters.domains.map((domain) => domain.toLowerCase().replace(/^www\./, '')));
  const uids = lower(filters.technologyUids);
  const techMask = APOLLO_TECHNOLOGIES.reduce((mask, technology, bit) => (uids.has(technology.uid) ? mask | (1 << bit) : mask), 0) >>> 0;
  const name = filters.organizationName?.toLowerCase();
  return (row) => {
    const place = dataset.place[row] ?? 0;
    if (included && !included[place]) return false;
    if (excluded?.[place]) return false;
    const employees = dataset.employees[row] ?? 0;
    if (filters.employeeRanges.length > 0 && !filters.employeeRanges.some((range) => employees >= range.min && employees <= range.max)) return false;
    if (industries.size > 0 && !industries.has(APOLLO_INDUSTRIES[dataset.industry[row] ?? 0]?.tagId ?? '')) return false;
    if (tags.size > 0 && !organizationKeywords(dataset, row).some((keyword) => tags.has(keyword))) return false;
    if (filters.organizationIds.length > 0 && !rows.has(row)) return false;
    if (domains.size > 0 && !domains.has(dataset.domains[row] ?? '')) return false;
    if (uids.size > 0 && ((dataset.technologies[row] ?? 0) & techMask) === 0) return false;
    if (name !== undefined && !(dataset.names[row] ?? '').toLowerCase().includes(name)) return false;
    if (filters.revenueMin !== undefined || filters.revenueMax !== undefined) {
      const revenue = dataset.revenue[row] ?? Number.NaN;
      if (Number.isNaN(revenue) || revenue < (filters.revenueMin ?? 0) || revenue > (filters.revenueMax ?? Number.POSITIVE_INFINITY)) return false;
    }
    if (filters.keywords !== undefined) {
      const text = `${dataset.names[row]} ${organizationKeywords(dataset, row).join(' ')} ${APOLLO_INDUSTRIES[dataset.industry[row] ?? 0]?.name}`.toLowerCase();
      if (!textHasAll(text, filters.keywords)) return false;
    }
    return true;
  };
};


/** Rows worth testing: the union of the narrowest index the filters allow, or every row. */
const candidateRows = (dataset: ApolloDataset, filters: ApolloFilters): Uint8Array | undefined => {
  const marks = new Uint8Array(dataset.count);
  const markAll = (rows: ArrayLike<number>): void => { for (let i = 0; i < rows.length; i += 1) marks[rows[i] as number] = 1; };
  if (filters.organizationIds.length > 0) {
    for (const id of filters.organizationIds) {
      const row = organizationRow(dataset, id);
      if (row !== undefined) marks[row] = 1;
    }
  } else if (filters.domains.length > 0) {
    for (const domain of filters.domains) {
      const row = dataset.byDomain.get(domain.toLowerCase().replace(/^www\./, ''));
      if (row !== undefined) marks[row] = 1;
    }
  } else if (filters.industryTagIds.length > 0) {
    const wanted = lower(filters.industryTagIds);
    APOLLO_INDUSTRIES.forEach((industry, index) => { if (wanted.has(industry.tagId)) markAll(dataset.byIndustry[index] ?? []); });
  } else if (filters.organizationLocations.length > 0) {
    const places = placeSet(filters.organizationLocations);
    dataset.byPlace.forEach((rows, index) => { if (places?.[index]) markAll(rows); });
  } else {
    return undefined;
  }
  return marks;
};

const cache = new Map<string, Int32Array>();
const remember = (key: string, rows: Int32Array): Int32Array => {
  if (cache.size >= MATCH_CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, rows);
  return rows;
};

/** Rows of every organisation the filters match (the person filters are not looked at). */
export const matchOrganizations = (dataset: ApolloDataset, filters: ApolloFilters): Int32Array => {
  const key = `${dataset.seed}:${dataset.count}:${filtersKey('organizations', filters)}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const marks = candidateRows(dataset, filters);
  const matches = organizationPredicate(dataset, filters);
  const rows: number[] = [];
  for (let row = 0; row < dataset.count; row += 1) if ((marks === undefined || marks[row] === 1) && matches(row)) rows.push(row);
  return remember(key, Int32Array.from(rows));
};

const personPredicate = (dataset: ApolloDataset, filters: ApolloFilters): ((core: PersonCore) => boolean) => {
  const titles = filters.personTitles.map((title) => title.toLowerCase());
  const seniorities = lower(filters.personSeniorities);
  const places = placeSet(filters.personLocations);
  const statuses = lower(filters.emailStatuses);
  return (core) => {
    if (seniorities.size > 0 && !seniorities.has(core.seniority)) return false;
    const title = core.title.toLowerCase();
    if (titles.length > 0 && !titles.some((wanted) => (filters.includeSimilarTitles ? title.includes(wanted) : title === wanted))) return false;
    if (places && !places[placeIndexOf.get(core.place) ?? -1]) return false;
    if (statuses.size > 0 && !statuses.has(core.emailStatus)) return false;
    return filters.keywords === undefined || textHasAll(`${core.firstName} ${core.lastName} ${title} ${dataset.names[core.row]}`.toLowerCase(), filters.keywords);
  };
};

/** People of the matched organisations who meet the person filters, as row × PERSON_SLOTS + person. */
export const matchPeople = (dataset: ApolloDataset, filters: ApolloFilters): Int32Array => {
  const key = `${dataset.seed}:${dataset.count}:${filtersKey('people', filters)}`;
  const cached = cache.get(key);
  if (cached) return cached;
  // q_keywords is about the person here, not the employer.
  const { keywords: _personKeywords, ...employerFilters } = filters;
  const employers = matchOrganizations(dataset, employerFilters);
  const matches = personPredicate(dataset, filters);
  const people: number[] = [];
  for (const row of employers) for (const core of peopleOf(dataset, row)) if (matches(core)) people.push(row * PERSON_SLOTS + core.person);
  return remember(key, Int32Array.from(people));
};
