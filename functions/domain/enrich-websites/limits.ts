/**
 * Bounds of an `enrich_websites` job. A job is a fan-out of one task per site; these keep a single
 * job within what a workspace's crawl budget and the task table can carry in one run.
 */

/** Most domains a job may list explicitly (a request body stays well under API Gateway's 10 MB). */
export const MAX_DOMAINS_PER_JOB = 1000;
/** Most companies a query-driven job may select; a broader query is refused at creation. */
export const MAX_SITES_PER_JOB = 10_000;
/** Pages fetched per site (home page included) when the job names none, and the most it may ask. */
export const DEFAULT_PAGES_PER_SITE = 5;
export const MAX_PAGES_PER_SITE = 10;
/** Longest hostname DNS allows (RFC 1035), and one label. */
export const MAX_HOSTNAME_LENGTH = 253;
export const MAX_LABEL_LENGTH = 63;
/** Tasks sent per SQS SendMessageBatch (the API's own maximum). */
export const TASK_SEND_BATCH = 10;
/** Companies read per search page while planning a query-driven job. */
export const PLAN_PAGE_SIZE = 500;
/** Deliveries of one site task before SQS moves it to the dead-letter queue; the last one settles the site as failed. */
export const SITE_TASK_MAX_RECEIVES = 5;
/** Sites one worker invocation crawls side by side (one SQS batch); per-host pacing still holds. */
export const SITE_TASK_BATCH_SIZE = 10;
/** Failed sites listed in a job's result; the rest are counted by reason. */
export const MAX_FAILURES_IN_RESULT = 100;
