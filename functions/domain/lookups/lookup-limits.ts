/** The seed's bounds and paces for lookups, named once. */

/** A bulk lookup carries 10 to 100 people, as RocketReach's bulk endpoint accepts. */
export const BULK_MIN_LOOKUPS = 10;
export const BULK_MAX_LOOKUPS = 100;
/** Search pages: 1 to 25 results, 10 by default (the seed's `size`). */
export const SEARCH_MAX_SIZE = 25;
export const SEARCH_DEFAULT_SIZE = 10;
/** First wait before asking the provider again about a running lookup, doubled up to the cap. */
export const STATUS_POLL_FIRST_MS = 250;
export const STATUS_POLL_MAX_MS = 2_000;
/**
 * How long a rate-limited lookup waits in-call for the provider's Retry-After before answering
 * 429 itself: below API Gateway's 29 s with room for the call that follows.
 */
export const RATE_LIMIT_MAX_WAIT_MS = 10_000;
/** Attempts after a provider 429 within one request. */
export const RATE_LIMIT_MAX_ATTEMPTS = 3;
/** The per-user window of the lookup limit. */
export const USER_LIMIT_WINDOW_SECONDS = 3600;
