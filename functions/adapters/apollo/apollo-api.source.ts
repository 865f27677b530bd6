/**
 * Apollo's official API with the workspace's key (`x-api-key`), through the outbound client:
 * the provider `apollo`'s base URL, shared rate limits, retries with Retry-After and the call
 * log all come from there. The key travels in a header only, never in a URL, a log or an error.
 */
import { OutboundCallError, OutboundRequeueError, type OutboundHttp, type OutboundResponse } from '../../ports/outbound-http.port.ts';
import { ApolloSourceError, type ApolloCallContext, type ApolloSearchPage, type ApolloSearchRequest, type ApolloSource } from '../../ports/apollo-source.port.ts';
import { errorForStatus, readSearchPage, searchBody } from './search-response.ts';

/** The API serves at most 100 results a page and 500 pages for one search. */
export const APOLLO_API_PER_PAGE = 100;
export const APOLLO_API_MAX_PAGES = 500;

/** Organisation search and the people search the API documents for searching (not enriching). */
export const APOLLO_API_SEARCH_PATHS = {
  organizations: '/api/v1/mixed_companies/search',
  people: '/api/v1/mixed_people/api_search',
} as const;

const SOURCE = 'Apollo API';

export interface ApolloApiSourceDeps {
  readonly http: OutboundHttp;
  readonly apiKey: string;
  readonly now?: () => number;
}

/** Checks a request against what a source serves (a programming error, not the source's). */
export const checkPageRequest = (request: ApolloSearchRequest, perPage: number, maxPages: number): void => {
  if (!Number.isInteger(request.page) || request.page < 1 || request.page > maxPages) throw new RangeError(`page must be 1..${maxPages}, got ${request.page}`);
  if (!Number.isInteger(request.perPage) || request.perPage < 1 || request.perPage > perPage) throw new RangeError(`perPage must be 1..${perPage}, got ${request.perPage}`);
};

export class ApolloApiSource implements ApolloSource {
  readonly kind = 'api' as const;
  readonly perPage = APOLLO_API_PER_PAGE;
  readonly maxPages = APOLLO_API_MAX_PAGES;
  private readonly now: () => number;

  constructor(private readonly deps: ApolloApiSourceDeps) {
    this.now = deps.now ?? Date.now;
  }

  async search(request: ApolloSearchRequest, context: ApolloCallContext): Promise<ApolloSearchPage> {
    checkPageRequest(request, this.perPage, this.maxPages);
    const response = await this.post(request, context);
    const text = response.text();
    if (response.status < 200 || response.status > 299) {
      throw errorForStatus(response.status, text, { source: SOURCE, authCode: 'AUTH_FAILED', retryAfterHeader: response.headers['retry-after'], nowMs: this.now() });
    }
    return readSearchPage(request.entity, text, SOURCE, request);
  }

  async close(): Promise<void> {}

  private async post(request: ApolloSearchRequest, context: ApolloCallContext): Promise<OutboundResponse> {
    try {
      return await this.deps.http.request({
        provider: 'apollo',
        operation: `${request.entity}_search`,
        url: APOLLO_API_SEARCH_PATHS[request.entity],
        method: 'POST',
        headers: { 'x-api-key': this.deps.apiKey, 'content-type': 'application/json', accept: 'application/json', 'cache-control': 'no-cache' },
        body: searchBody(request),
        workspaceId: context.workspaceId,
        // Apollo's limits are each key's, i.e. each workspace's own account's.
        limitScope: context.workspaceId,
        ...(context.jobId !== undefined ? { jobId: context.jobId } : {}),
        ...(context.signal !== undefined ? { signal: context.signal } : {}),
        caller: 'apollo_collection',
      });
    } catch (error) {
      throw toSourceError(error);
    }
  }
}

/**
 * The outbound client's own refusals in the port's words: its limiter asking to requeue is a
 * rate limit (with its wait), and a call that outlived its retries is the source being down.
 */
export function toSourceError(error: unknown): unknown {
  if (error instanceof OutboundRequeueError) return new ApolloSourceError('RATE_LIMITED', `${SOURCE}: over its rate limits`, error.retryAfterMs, { cause: error });
  if (error instanceof OutboundCallError) {
    if (error.failure === 'too_large') return new ApolloSourceError('BAD_RESPONSE', `${SOURCE}: ${error.message}`, undefined, { cause: error });
    return new ApolloSourceError('UNAVAILABLE', `${SOURCE}: ${error.message}`, error.retryAfterMs, { cause: error });
  }
  return error;
}
