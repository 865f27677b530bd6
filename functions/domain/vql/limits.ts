/** Rows per page when the query names no limit. */
export const DEFAULT_PAGE_SIZE = 25;
/** Most rows one page may return. */
export const MAX_PAGE_SIZE = 500;
/** Deepest row reachable with page/limit (OpenSearch's index.max_result_window); go further with cursor. */
export const MAX_RESULT_WINDOW = 10_000;
/** Most values one keyword filter may list. */
export const MAX_FILTER_VALUES = 1_000;
/** Most text clauses in one must or must_not list. */
export const MAX_TEXT_CLAUSES = 50;
/** Most order_by entries. */
export const MAX_ORDER_FIELDS = 5;
/** Longest text a clause may search for. */
export const MAX_TEXT_LENGTH = 1_000;
