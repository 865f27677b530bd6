/** Rows per page when a VQL query names no limit. */
export const DEFAULT_PAGE_SIZE = 25;
/** Rows per page when a GET list names no page_size (Appointment360's default). */
export const DEFAULT_LIST_PAGE_SIZE = 50;
/** Most rows one page may return (VQL `limit` and GET `page_size`); Connectra's export example asks for 1000. */
export const MAX_PAGE_SIZE = 1_000;
/** Deepest row reachable with page/limit (OpenSearch's index.max_result_window); go further with cursor. */
export const MAX_RESULT_WINDOW = 10_000;
/** Most values one keyword filter may list. */
export const MAX_FILTER_VALUES = 1_000;
/** Most values all keyword filters of one query may list together. */
export const MAX_TOTAL_FILTER_VALUES = 5_000;
/** Most fields one keyword_match, range_query or exists side may name. */
export const MAX_FILTERS_PER_CLAUSE = 50;
/** Most text clauses in one must or must_not list. */
export const MAX_TEXT_CLAUSES = 50;
/** Most fields one text clause may search (any of them matching). */
export const MAX_TEXT_FIELDS = 5;
/** Most alternative texts one text clause may hold (any of them matching). */
export const MAX_TEXT_VALUES = 50;
/** Longest text a clause may search for, and longest keyword value. */
export const MAX_TEXT_LENGTH = 1_000;
/** Longest field name a query may use (the catalog's are far shorter). */
export const MAX_FIELD_NAME_LENGTH = 100;
/** Most order_by entries. */
export const MAX_ORDER_FIELDS = 5;
/** Most select_columns entries (main and company_config). */
export const MAX_SELECT_COLUMNS = 100;
/**
 * Most companies a contact query's `company.*` filters may resolve to. Contacts carry only
 * their company_id, so those filters first find the matching companies (one query, uuids
 * only) and then filter contacts by company_id. Beyond this many the query is refused with
 * ERR_QUERY_TOO_BROAD; it is also the size of that first query, so it must fit the result window.
 */
export const MAX_JOINED_COMPANIES = MAX_RESULT_WINDOW;
/** Longest raw query string a GET list accepts. */
export const MAX_QUERY_STRING_LENGTH = 8_192;

/** Most alternative ranges one range_query field may list (`51-200,201-500,...`). */
export const MAX_RANGE_ALTERNATIVES = 20;
