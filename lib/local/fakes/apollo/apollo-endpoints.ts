/** What each endpoint answers once the caller is through auth and the rate limits. */
import type { ApolloDataset } from './apollo-dataset.ts';
import { isFilterProblem, mergeParams, parseFilters, parsePaging, type FilterProblem } from './apollo-filters.ts';
import { APOLLO_ERRORS } from './apollo-http.ts';
import type { ApolloKnobs } from './apollo-knobs.ts';
import { matchPerson } from './apollo-people-match.ts';
import { API_DISPLAY_CAP, APP_DISPLAY_CAP, searchOrganizations, searchPeople, searchPeopleApi, type SearchRequest } from './apollo-search.ts';

export const ENDPOINTS = ['mixed_companies/search', 'mixed_people/search', 'mixed_people/api_search', 'people/match'] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export interface EndpointCall {
  readonly endpoint: Endpoint;
  readonly channel: 'api' | 'app';
  readonly query: URLSearchParams;
  readonly body: Record<string, unknown>;
  readonly dataset: ApolloDataset;
  readonly knobs: ApolloKnobs;
}

export interface EndpointAnswer {
  readonly status: number;
  readonly body: unknown;
}

const problemAnswer = (problem: FilterProblem): EndpointAnswer => ({ status: 422, body: problem.kind === 'too-long' ? APOLLO_ERRORS.valueTooLong : APOLLO_ERRORS.invalidParameters });

const SEARCHES = {
  'mixed_companies/search': searchOrganizations,
  'mixed_people/search': searchPeople,
  'mixed_people/api_search': searchPeopleApi,
} as const;

export const answerEndpoint = (call: EndpointCall): EndpointAnswer => {
  const params = mergeParams(call.query, call.body);
  if (call.endpoint === 'people/match') return { status: 200, body: matchPerson(call.dataset, params) };
  const filters = parseFilters(params, call.knobs.maxFilterValues);
  if (isFilterProblem(filters)) return problemAnswer(filters);
  const paging = parsePaging(params);
  if ('kind' in paging) return problemAnswer(paging);
  const request: SearchRequest = {
    dataset: call.dataset,
    filters,
    paging,
    cap: call.channel === 'app' ? APP_DISPLAY_CAP : API_DISPLAY_CAP,
    repeatEvery: call.knobs.repeatEvery,
  };
  return { status: 200, body: SEARCHES[call.endpoint](request) };
};
