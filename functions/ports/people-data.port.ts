/**
 * A people-and-company data provider (RocketReach v2 today): lookups, searches, the asynchronous
 * lookup status, bulk lookups and the account. The lookups use case sees only this port; the
 * adapter in functions/adapters/rocketreach speaks the provider's protocol.
 */
import { AppError } from '../platform/errors.ts';

/**
 * Where an asynchronous person lookup stands. `complete` and `failed` are final; the others mean
 * "ask again later" (the provider is still searching or verifying).
 */
export type LookupStatus = 'complete' | 'failed' | 'progress' | 'searching' | 'waiting' | 'not_queued';

export const FINAL_LOOKUP_STATUSES: ReadonlySet<LookupStatus> = new Set(['complete', 'failed']);

export interface ProfileEmail {
  readonly email: string;
  /** `professional` or `personal`. */
  readonly type?: string;
  /** The provider's deliverability grade (`A`, `A-`, `B`, `F`, ...). */
  readonly grade?: string;
}

export interface ProfilePhone {
  readonly number: string;
  /** `mobile`, `direct`, `office`, ... */
  readonly type?: string;
  readonly recommended?: boolean;
}

export interface PersonProfile {
  /** The provider's own id, also the handle for the status route. */
  readonly id: string;
  readonly status: LookupStatus;
  readonly name?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly title?: string;
  readonly employer?: string;
  readonly employerDomain?: string;
  readonly linkedinUrl?: string;
  readonly city?: string;
  readonly region?: string;
  readonly country?: string;
  readonly emails: readonly ProfileEmail[];
  readonly phones: readonly ProfilePhone[];
}

export interface CompanyProfile {
  readonly id: string;
  readonly name?: string;
  readonly domain?: string;
  readonly linkedinUrl?: string;
  readonly industry?: string;
  readonly employees?: number;
  readonly revenue?: number;
  readonly foundedYear?: number;
  readonly city?: string;
  readonly region?: string;
  readonly country?: string;
  readonly description?: string;
  readonly phone?: string;
  readonly techStack: readonly string[];
}

export interface PersonLookupParams {
  readonly name?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string;
  readonly employer?: string;
  readonly title?: string;
  readonly linkedinUrl?: string;
  readonly location?: string;
  /** A provider profile id from a search. */
  readonly id?: string;
}

export interface PersonSearchParams {
  readonly name?: string;
  readonly employer?: string;
  readonly title?: string;
  readonly location?: string;
  readonly keyword?: string;
  readonly start: number;
  readonly size: number;
}

export interface CompanyLookupParams {
  readonly name?: string;
  readonly domain?: string;
  readonly linkedinUrl?: string;
}

export interface CompanySearchParams {
  readonly name?: string;
  readonly domain?: string;
  readonly industry?: string;
  readonly location?: string;
  readonly employeesMin?: number;
  readonly employeesMax?: number;
  readonly revenueMin?: number;
  readonly revenueMax?: number;
  readonly foundedAfter?: number;
  readonly foundedBefore?: number;
  readonly start: number;
  readonly size: number;
}

export interface SearchPage<T> {
  readonly items: readonly T[];
  readonly start: number;
  readonly total: number;
}

export interface ProviderAccount {
  readonly plan?: string;
  readonly creditsUsed?: number;
  readonly creditsRemaining?: number;
  /** ISO-8601 date the provider resets the credits. */
  readonly resetsAt?: string;
}

/** Who calls and with which key: the key is the workspace's own (or the deployment default). */
export interface ProviderCall {
  readonly apiKey: string;
  readonly workspaceId: string;
  readonly userId?: string;
  readonly jobId?: string;
  readonly signal?: AbortSignal;
}

export interface PeopleDataProvider {
  readonly name: string;
  lookupPerson(params: PersonLookupParams, call: ProviderCall): Promise<PersonProfile>;
  /** The current state of earlier lookups, by the provider's ids. */
  checkStatus(ids: readonly string[], call: ProviderCall): Promise<readonly PersonProfile[]>;
  searchPeople(params: PersonSearchParams, call: ProviderCall): Promise<SearchPage<PersonProfile>>;
  lookupCompany(params: CompanyLookupParams, call: ProviderCall): Promise<CompanyProfile>;
  searchCompanies(params: CompanySearchParams, call: ProviderCall): Promise<SearchPage<CompanyProfile>>;
  lookupProfileCompany(params: PersonLookupParams, call: ProviderCall): Promise<{ readonly person: PersonProfile; readonly company?: CompanyProfile }>;
  account(call: ProviderCall): Promise<ProviderAccount>;
}

export type ProviderFailure = 'auth' | 'credits' | 'rate_limited' | 'not_found' | 'bad_request' | 'unavailable' | 'bad_response';

const FAILURE_CODE = {
  auth: 'ERR_PROVIDER_AUTH',
  credits: 'ERR_PROVIDER_CREDITS',
  rate_limited: 'ERR_RATE_LIMITED',
  not_found: 'ERR_NOT_FOUND',
  bad_request: 'ERR_VALIDATION',
  unavailable: 'ERR_PROVIDER_UNAVAILABLE',
  bad_response: 'ERR_PROVIDER_UNAVAILABLE',
} as const;

/** A provider's refusal, typed: the one error mapper turns it into a 4xx/5xx with a stable code. */
export class ProviderError extends AppError {
  constructor(
    readonly failure: ProviderFailure,
    readonly provider: string,
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(FAILURE_CODE[failure], `${provider}: ${message}`, [{ path: failure === 'not_found' ? 'lookup' : 'provider', message }], options);
    this.name = 'ProviderError';
  }

  /** Read by the error mapper: a rate-limited answer carries Retry-After. */
  get retryAfterSeconds(): number | undefined {
    return this.failure === 'rate_limited' ? Math.max(1, Math.ceil((this.retryAfterMs ?? 1000) / 1000)) : undefined;
  }
}
