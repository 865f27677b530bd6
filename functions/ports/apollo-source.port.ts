/**
 * Where an Apollo collection reads organisations and people: the workspace's own logged-in
 * browser session (headless Chromium reading the web app's internal JSON search endpoints) or
 * Apollo's official API with the workspace's key. The collection job (functions/domain/apollo)
 * sees only this port; both adapters take the same request body, the one the URL parser
 * produced, so the collection does not care which one runs.
 */

/**
 * A search's filters in the source's own request-body names (`organization_locations`,
 * `organization_num_employees_ranges` as `"min,max"` strings, `revenue_range` as
 * `{ min, max }`, `person_titles`, `q_organization_keyword_tags`, `sort_by_field`, ...).
 * The URL parser is the one mapping from URL parameters to these names; adapters send them as
 * they are, with `page` and `per_page` added.
 */
export type ApolloFilterValue = string | number | boolean | readonly string[] | { readonly min?: number; readonly max?: number };
export type ApolloSearchFilters = Readonly<Record<string, ApolloFilterValue>>;

export type ApolloEntity = 'organizations' | 'people';

/** A record as the source returned it; `id` is Apollo's own identifier. */
export type ApolloRawRecord = Readonly<Record<string, unknown>> & { readonly id: string };

export interface ApolloSearchRequest {
  readonly entity: ApolloEntity;
  readonly filters: ApolloSearchFilters;
  /** 1-based, as the source counts. */
  readonly page: number;
  readonly perPage: number;
}

export interface ApolloSearchPage {
  readonly records: readonly ApolloRawRecord[];
  readonly page: number;
  readonly perPage: number;
  /** What the source says the whole search matches (it may show fewer: see `maxVisibleResults`). */
  readonly totalEntries: number;
  readonly totalPages: number;
}

/** Who pays and who asked: passed to the outbound client's call log and shared limiter. */
export interface ApolloCallContext {
  readonly workspaceId: string;
  readonly jobId?: string;
  readonly signal?: AbortSignal;
}

export type ApolloSourceErrorCode =
  /** The session's cookies (or the CSRF token) were refused: the user must paste a new session. */
  | 'SESSION_EXPIRED'
  /** The API key was refused. */
  | 'AUTH_FAILED'
  /** `422 Value too long`: a filter carries too many values; split them and ask again. */
  | 'VALUE_TOO_LONG'
  /** The source's rate limit answered; `retryAfterMs` says when to try again. */
  | 'RATE_LIMITED'
  /** 5xx or a network failure that outlived the outbound client's retries. */
  | 'UNAVAILABLE'
  /** The source answered with a shape this adapter cannot read. */
  | 'BAD_RESPONSE';

export class ApolloSourceError extends Error {
  constructor(
    readonly code: ApolloSourceErrorCode,
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ApolloSourceError';
  }
}

export interface ApolloSource {
  readonly kind: 'browser_session' | 'api';
  /** Page size this source serves (25 in the web app, 100 through the API). */
  readonly perPage: number;
  /** Pages the source shows for one search (100 in the web app, 500 through the API). */
  readonly maxPages: number;
  search(request: ApolloSearchRequest, context: ApolloCallContext): Promise<ApolloSearchPage>;
  /** Releases what the source holds (a browser page); safe to call twice. */
  close(): Promise<void>;
}

/** How a workspace reaches Apollo: its pasted session, or its API key. */
export type ApolloCredentials =
  | { readonly kind: 'browser_session'; readonly cookies: readonly ApolloSessionCookie[] }
  | { readonly kind: 'api'; readonly apiKey: string };

/** One cookie of a cookie-editor export (the JSON array browser extensions write). */
export interface ApolloSessionCookie {
  readonly name: string;
  readonly value: string;
  readonly domain: string;
  readonly path: string;
  readonly secure?: boolean;
  readonly httpOnly?: boolean;
  /** Unix seconds; absent for a session cookie. */
  readonly expirationDate?: number;
}

/** Builds the source for a workspace's credentials (the adapters' composition root implements it). */
export interface ApolloSourceFactory {
  open(credentials: ApolloCredentials, context: ApolloCallContext): Promise<ApolloSource>;
}

/** A workspace's Apollo credentials, kept encrypted at rest; secrets never leave through logs or errors. */
export interface ApolloCredentialStore {
  /** The workspace's credentials: its API key when it configured one, else its pasted session, else null. */
  load(workspaceId: string): Promise<ApolloCredentials | null>;
}

/** What is stored for a workspace, without a secret in it (the session route's GET, a resumed collection). */
export interface ApolloCredentialStatus {
  readonly session: { readonly storedAt: string; readonly earliestExpiry: string | null; readonly cookieCount: number } | null;
  readonly apiKey: { readonly storedAt: string } | null;
}

/** The credential routes' side of the store: write-only secrets, readable status. */
export interface ApolloCredentialAdmin extends ApolloCredentialStore {
  putSession(workspaceId: string, cookies: readonly ApolloSessionCookie[]): Promise<ApolloCredentialStatus>;
  /** False when there was no session. */
  deleteSession(workspaceId: string): Promise<boolean>;
  putApiKey(workspaceId: string, apiKey: string): Promise<ApolloCredentialStatus>;
  status(workspaceId: string): Promise<ApolloCredentialStatus>;
}
