/**
 * Bounds of an `onboard_company` job: how far the crawl reaches, how many things one site may
 * yield, and the defaults of the configured thresholds.
 */

/** Pages read (home included) for a normal run, and for `deep_research`. */
export const RESEARCH_PAGES = 6;
export const DEEP_RESEARCH_PAGES = 15;
/** Customers kept from one site: a logo wall of thousands is a directory, not a customer list. */
export const MAX_CUSTOMERS = 200;
export const MAX_PRODUCTS = 50;
export const MAX_PRICING_TIERS = 20;
export const MAX_PERSONAS = 12;
export const MAX_ICPS = 12;
/** Pains quoted per persona, and the longest sentence kept as one. */
export const MAX_PAINS_PER_PERSONA = 3;
export const MAX_PAIN_CHARS = 240;
/** Text of one tier card or product blurb read; a bigger element is a page section, not a card. */
export const MAX_CARD_TEXT_CHARS = 1_500;
/** Ticker matches below this confidence are not kept (configurable: RESEARCH_TICKER_MIN_CONFIDENCE). */
export const DEFAULT_TICKER_MIN_CONFIDENCE = 0.8;
/** A customer this large (employees) counts as enterprise without a ticker (RESEARCH_ENTERPRISE_MIN_EMPLOYEES). */
export const DEFAULT_ENTERPRISE_MIN_EMPLOYEES = 1_000;
/** Customers listed in the job's result (all are counted and upserted). */
export const MAX_CUSTOMERS_IN_RESULT = 200;
