/** Values per page of a filter's value list when the request names no limit. */
export const DEFAULT_FILTER_VALUES_LIMIT = 20;
/** Most values one page of a filter's value list may hold. */
export const MAX_FILTER_VALUES_LIMIT = 100;
/**
 * Deepest value reachable by page × limit. Terms buckets cannot be skipped, only cut, so every
 * page asks for all buckets up to its end: this bounds what one request makes the cluster rank.
 */
export const MAX_FILTER_VALUES_WINDOW = 1_000;
/** Longest search_text / q a client may send. */
export const MAX_SEARCH_TEXT_LENGTH = 100;
/** Suggestions returned when the request names no limit. */
export const DEFAULT_AUTOCOMPLETE_LIMIT = 10;
/** Most suggestions one request may ask for. */
export const MAX_AUTOCOMPLETE_LIMIT = 50;
/**
 * Hits read per suggestion wanted when suggestions come from hits, not buckets (contact names span
 * two fields): duplicates collapse, so a few more hits than suggestions are fetched.
 */
export const HITS_PER_SUGGESTION = 5;
