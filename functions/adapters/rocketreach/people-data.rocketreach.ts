/**
 * RocketReach API v2 over the outbound client (shared rate limits, retries with Retry-After, call
 * log). The key travels in the `Api-Key` header and nowhere else: it is never part of a URL, so
 * it never reaches the call log or a log line.
 */
import { parseRetryAfterMs } from '../../domain/outbound/retry-policy.ts';
import { OutboundRequeueError, type OutboundHttp, type OutboundResponse } from '../../ports/outbound-http.port.ts';
import {
  ProviderError,
  type CompanyLookupParams,
  type CompanyProfile,
  type CompanySearchParams,
  type PeopleDataProvider,
  type PersonLookupParams,
  type PersonProfile,
  type PersonSearchParams,
  type ProviderAccount,
  type ProviderCall,
  type SearchPage,
} from '../../ports/people-data.port.ts';
import { accountOf, companyOf, errorMessageOf, isObject, personOf } from './rocketreach-mapping.ts';

const PROVIDER = 'rocketreach';

/** Credits the call log notes per successful call; searches and status checks are free. */
const CREDITS = { person_lookup: 1, profile_company_lookup: 1, company_lookup: 1 } as const;

/** Words of a 403 body that mean "no credits left" rather than "this key may not do that". */
const CREDIT_WORDS = /credit|quota|exceeded|balance|limit/i;

type Query = Readonly<Record<string, string | number | undefined>>;

const queryString = (query: Query): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
};

const list = (value: string | undefined): string[] | undefined => (value === undefined ? undefined : [value]);
/**
 * A range facet in the provider's spellings: `100-500`, `100+` when only the floor is given,
 * `0-500` when only the ceiling is (a half-open `100-` or `-500` is refused as "not a range").
 */
const range = (min: number | undefined, max: number | undefined): string[] | undefined => {
  if (min === undefined && max === undefined) return undefined;
  if (max === undefined) return [`${min}+`];
  return [`${min ?? 0}-${max}`];
};
const compact = (value: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

function parseJson(response: OutboundResponse): unknown {
  try {
    return response.json();
  } catch {
    return undefined;
  }
}

/** A non-2xx answer → the typed failure the use case and the error mapper understand. */
export function failureOf(response: OutboundResponse, nowMs: number): ProviderError {
  const message = errorMessageOf(parseJson(response), `HTTP ${response.status}`);
  const { status } = response;
  if (status === 401) return new ProviderError('auth', PROVIDER, message);
  if (status === 402) return new ProviderError('credits', PROVIDER, message);
  if (status === 403) return new ProviderError(CREDIT_WORDS.test(message) ? 'credits' : 'auth', PROVIDER, message);
  if (status === 404) return new ProviderError('not_found', PROVIDER, message);
  if (status === 429) return new ProviderError('rate_limited', PROVIDER, message, parseRetryAfterMs(response.headers['retry-after'], nowMs));
  if (status >= 400 && status < 500) return new ProviderError('bad_request', PROVIDER, message);
  return new ProviderError('unavailable', PROVIDER, message);
}

export class RocketReachPeopleData implements PeopleDataProvider {
  readonly name = PROVIDER;

  constructor(
    private readonly http: OutboundHttp,
    private readonly now: () => number = Date.now,
  ) {}

  private async call(operation: string, path: string, call: ProviderCall, body?: unknown): Promise<unknown> {
    let response: OutboundResponse;
    try {
      response = await this.http.request({
        provider: PROVIDER,
        operation,
        url: path,
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'api-key': call.apiKey, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        workspaceId: call.workspaceId,
        ...(call.jobId ? { jobId: call.jobId } : {}),
        ...(call.userId ? { caller: call.userId } : {}),
        credits: CREDITS[operation as keyof typeof CREDITS] ?? 0,
        ...(call.signal ? { signal: call.signal } : {}),
      });
    } catch (error) {
      if (error instanceof OutboundRequeueError) throw new ProviderError('rate_limited', PROVIDER, 'over the shared rate limit', error.retryAfterMs, { cause: error });
      throw error;
    }
    if (response.status < 200 || response.status > 299) throw failureOf(response, this.now());
    const json = parseJson(response);
    if (json === undefined) throw new ProviderError('bad_response', PROVIDER, `${operation}: the answer is not JSON`);
    return json;
  }

  private person(raw: unknown, operation: string): PersonProfile {
    const person = personOf(raw);
    if (!person) throw new ProviderError('bad_response', PROVIDER, `${operation}: the answer has no profile id`);
    return person;
  }

  async lookupPerson(params: PersonLookupParams, call: ProviderCall): Promise<PersonProfile> {
    const raw = await this.call('person_lookup', `/api/v2/person/lookup${queryString(personQuery(params))}`, call);
    return this.person(raw, 'person_lookup');
  }

  async checkStatus(ids: readonly string[], call: ProviderCall): Promise<readonly PersonProfile[]> {
    const raw = await this.call('person_check_status', `/api/v2/person/checkStatus${queryString({ ids: ids.join(',') })}`, call);
    const entries = Array.isArray(raw) ? raw : isObject(raw) && Array.isArray(raw.profiles) ? raw.profiles : [raw];
    return entries.flatMap((entry) => {
      const person = personOf(entry);
      return person ? [person] : [];
    });
  }

  async searchPeople(params: PersonSearchParams, call: ProviderCall): Promise<SearchPage<PersonProfile>> {
    const query = compact({ name: list(params.name), current_employer: list(params.employer), current_title: list(params.title), location: list(params.location), keyword: list(params.keyword) });
    // The provider counts `start` from 1; our API offsets from 0 as the seed does.
    const raw = await this.call('person_search', '/api/v2/person/search', call, { query, start: params.start + 1, page_size: params.size });
    return pageOf(raw, 'profiles', personOf, params.start);
  }

  async lookupCompany(params: CompanyLookupParams, call: ProviderCall): Promise<CompanyProfile> {
    const raw = await this.call('company_lookup', `/api/v2/company/lookup/${queryString({ name: params.name, domain: params.domain, linkedin_url: params.linkedinUrl })}`, call);
    const company = companyOf(raw);
    if (!company) throw new ProviderError('bad_response', PROVIDER, 'company_lookup: the answer has no company id');
    return company;
  }

  async searchCompanies(params: CompanySearchParams, call: ProviderCall): Promise<SearchPage<CompanyProfile>> {
    const query = compact({
      name: list(params.name),
      domain: list(params.domain),
      industry: list(params.industry),
      location: list(params.location),
      employees: range(params.employeesMin, params.employeesMax),
      revenue: range(params.revenueMin, params.revenueMax),
      year_founded: range(params.foundedAfter, params.foundedBefore),
    });
    const raw = await this.call('company_search', '/api/v2/searchCompany', call, { query, start: params.start + 1, page_size: params.size });
    return pageOf(raw, 'companies', companyOf, params.start);
  }

  async lookupProfileCompany(params: PersonLookupParams, call: ProviderCall): Promise<{ person: PersonProfile; company?: CompanyProfile }> {
    const raw = await this.call('profile_company_lookup', `/api/v2/profile-company/lookup${queryString(personQuery(params))}`, call);
    const body = isObject(raw) ? raw : {};
    // The profile comes either nested (`profile`) or as the body itself with `company` beside its fields.
    const person = this.person(body.profile ?? body.person ?? body, 'profile_company_lookup');
    const company = companyOf(body.company);
    return company ? { person, company } : { person };
  }

  async account(call: ProviderCall): Promise<ProviderAccount> {
    return accountOf(await this.call('account', '/api/v2/account/', call));
  }
}

/** The seed's lookup parameters under the provider's names. */
function personQuery(params: PersonLookupParams): Query {
  const name = params.name ?? ([params.firstName, params.lastName].filter(Boolean).join(' ') || undefined);
  return { id: params.id, name, email: params.email, current_employer: params.employer, title: params.title, linkedin_url: params.linkedinUrl, location: params.location };
}

function pageOf<T>(raw: unknown, key: string, map: (entry: unknown) => T | undefined, start: number): SearchPage<T> {
  const body = isObject(raw) ? raw : {};
  const entries = Array.isArray(body[key]) ? (body[key] as unknown[]) : [];
  const items = entries.flatMap((entry) => {
    const item = map(entry);
    return item === undefined ? [] : [item];
  });
  const pagination = isObject(body.pagination) ? body.pagination : {};
  const total = typeof pagination.total === 'number' ? pagination.total : items.length;
  return { items, start, total };
}
