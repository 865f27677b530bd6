/**
 * Ground truth for tests and benchmarks: exactly which organisations (or people) a search
 * matches, whatever the display caps, and the totals Apollo's answers report. It runs the
 * server's own parser and matcher over the same seeded dataset.
 *
 * @example
 *   const truth = apolloGroundTruth({ seed: 'leadstack:apollo', params: { organization_locations: ['california'] } });
 *   truth.ids.length === truth.total; // distinct organisations; truth.totalEntries counts repeats too
 */
import { apolloDataset, APOLLO_ORGANIZATION_COUNT, organizationId, personId } from './apollo-dataset.ts';
import { isFilterProblem, mergeParams, parseFilters } from './apollo-filters.ts';
import { DEFAULT_REPEAT_EVERY } from './apollo-knobs.ts';
import { matchOrganizations, matchPeople, PERSON_SLOTS } from './apollo-match.ts';
import { displayedLength } from './apollo-search.ts';

export interface GroundTruthQuery {
  /** The fake's seed: under `npm start`, `<--fake-seed>:apollo` (default `leadstack:apollo`). */
  readonly seed: string;
  /** Apollo's parameters as an API body or a query string's pairs (`organization_locations[]`). */
  readonly params: Record<string, unknown> | URLSearchParams;
  readonly kind?: 'organizations' | 'people';
  readonly organizationCount?: number;
  /** The fake's `repeatEvery` knob, for `totalEntries`. */
  readonly repeatEvery?: number;
}

export interface GroundTruth {
  /** Every distinct match, in the order the search lists them. */
  readonly ids: readonly string[];
  readonly total: number;
  /** What the answers' `pagination.total_entries` says: repeated rows included. */
  readonly totalEntries: number;
}

export const apolloGroundTruth = (query: GroundTruthQuery): GroundTruth => {
  const dataset = apolloDataset(query.seed, query.organizationCount ?? APOLLO_ORGANIZATION_COUNT);
  const params = query.params instanceof URLSearchParams ? mergeParams(query.params, {}) : mergeParams(new URLSearchParams(), query.params);
  const filters = parseFilters(params, Number.MAX_SAFE_INTEGER);
  if (isFilterProblem(filters)) throw new Error(`the search would be refused: ${filters.kind} ${filters.param}`);
  const ids =
    query.kind === 'people'
      ? Array.from(matchPeople(dataset, filters), (key) => personId(dataset, Math.floor(key / PERSON_SLOTS), key % PERSON_SLOTS))
      : Array.from(matchOrganizations(dataset, filters), (row) => organizationId(dataset, row));
  return { ids, total: ids.length, totalEntries: displayedLength(ids.length, query.repeatEvery ?? DEFAULT_REPEAT_EVERY) };
};
