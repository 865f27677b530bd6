import { validationError } from '../../platform/errors.ts';
import type { ApolloCollectionData } from './job-data.ts';
import { parseApolloUrl, type ParsedApolloSearch } from './search-url/parse-apollo-url.ts';

/**
 * The URL's meaning, checked where the task is created (and again by the job's run): an
 * Apollo app host, readable encodings, understood values, and at least one filter that narrows
 * the organisations unless the task sets a ceiling (else it would collect all of Apollo).
 * `prefix` is where the body put the data (`job_data.` through POST /v1/jobs).
 */
export function checkCollectionRequest(data: ApolloCollectionData, allowedHosts: ReadonlySet<string>, prefix = ''): ParsedApolloSearch {
  const outcome = parseApolloUrl(data.apollo_url, allowedHosts);
  const path = `${prefix}apollo_url`;
  if (!outcome.ok) throw validationError(`Invalid ${path}: ${outcome.message}`, [{ path, message: outcome.message }]);
  if (!outcome.search.narrowed && data.max_organizations === undefined) {
    const message = 'The URL has no filter that narrows the organisations: add one, or set max_organizations as a ceiling';
    throw validationError(`Invalid ${path}: ${message}`, [{ path, message }]);
  }
  return outcome.search;
}
