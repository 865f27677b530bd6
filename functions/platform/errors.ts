/** Stable error codes a client can branch on; the HTTP status belongs to the code. */
export const ERROR_STATUS = {
  ERR_VALIDATION: 400,
  ERR_INVALID_JSON: 400,
  ERR_EMPTY_PAYLOAD: 400,
  ERR_BATCH_TOO_LARGE: 413,
  ERR_PAGE_SIZE_EXCEEDED: 400,
  ERR_QUERY_TOO_BROAD: 400,
  ERR_UNSUPPORTED_MEDIA_TYPE: 415,
  ERR_MISSING_FILENAME: 400,
  ERR_FILE_TOO_LARGE: 413,
  ERR_EXPORT_NOT_READY: 409,
  ERR_RESEARCH_NOT_READY: 409,
  // Export jobs: the export cannot finish within one run's time; narrow the query or lower its limit.
  ERR_EXPORT_TIME_LIMIT: 422,
  ERR_UNAUTHORIZED: 401,
  ERR_FORBIDDEN: 403,
  ERR_NOT_FOUND: 404,
  ERR_CONFLICT: 409,
  ERR_MISSING_JOB_TYPE: 400,
  ERR_RATE_LIMITED: 429,
  ERR_DOWNLOAD_LIMIT_EXCEEDED: 403,
  // A user holds at most MAX_API_KEYS_PER_USER live keys (functions/platform/config.ts).
  ERR_TOO_MANY_API_KEYS: 409,
  // Idempotency-Key: the key was used with another body, or its first request is still running.
  ERR_IDEMPOTENCY_KEY_REUSED: 409,
  ERR_IDEMPOTENCY_IN_PROGRESS: 409,
  ERR_INTERNAL: 500,
  ERR_UNAVAILABLE: 503,
  // Import jobs (insert_csv_file): the file itself is unusable; the job fails without retry.
  ERR_IMPORT_EMPTY_FILE: 422,
  ERR_IMPORT_NO_ROWS: 422,
  ERR_IMPORT_NOT_TEXT: 422,
  ERR_IMPORT_RECORD_TOO_LARGE: 422,
  ERR_IMPORT_MALFORMED_CSV: 422,
  ERR_IMPORT_BAD_HEADER: 422,
  // Outbound calls: a URL the SSRF guard refuses, a provider that is slow, down, too big or over
  // its limits (the caller requeues), and a path robots.txt disallows.
  ERR_URL_BLOCKED: 422,
  ERR_OUTBOUND_REQUEUE: 503,
  ERR_OUTBOUND_TIMEOUT: 504,
  ERR_OUTBOUND_RESPONSE_TOO_LARGE: 502,
  ERR_OUTBOUND_NETWORK: 502,
  ERR_OUTBOUND_CIRCUIT_OPEN: 503,
  ERR_OUTBOUND_ROBOTS_DISALLOWED: 422,
  // Website enrichment: the query selects no company to enrich, or more than one job may carry.
  ERR_NO_SITES: 400,
  ERR_JOB_TOO_LARGE: 413,
  // Billing: the payment provider refused or garbled a call (its credentials are the operator's).
  ERR_PAYMENT_PROVIDER: 502,
  // Billing webhook: the signature over the raw body is missing or wrong.
  ERR_INVALID_SIGNATURE: 401,
  // Apollo collection: the workspace's Apollo session expired (or none is stored); a new session resumes the task.
  ERR_SOURCE_SESSION_EXPIRED: 409,
  // Lookups: the workspace's provider key is refused, its provider credits are spent, or the
  // provider is down or garbled its answer (the request itself was fine).
  ERR_PROVIDER_AUTH: 422,
  ERR_PROVIDER_CREDITS: 402,
  ERR_PROVIDER_UNAVAILABLE: 502,
  // SEC EDGAR: no contact email configured (fair access requires one in the User-Agent), EDGAR
  // throttling us (403/429) past our back-off, or an answer that does not have EDGAR's shape.
  ERR_EDGAR_CONTACT_MISSING: 503,
  ERR_EDGAR_THROTTLED: 503,
  ERR_EDGAR_MALFORMED: 502,
  ERR_EDGAR_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  /** Where the problem is, e.g. `where.range_query.must.city` or `[3].email`. */
  readonly path: string;
  readonly message: string;
  /** For batches: the index of the offending row. */
  readonly index?: number;
}

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const validationError = (message: string, details: readonly ErrorDetail[]): AppError =>
  new AppError('ERR_VALIDATION', message, details);
