/**
 * Bounds of an `apollo_collection` job: what one task may ask for, and how the collection
 * paces and splits its work so a job stays within what a job item and a queue can carry.
 */

/** People saved per organisation when the task names none (the seed collects 50–100). */
export const DEFAULT_PEOPLE_PER_ORGANIZATION = 50;
/** The most people per organisation a task may ask for: one people page of the API. */
export const MAX_PEOPLE_PER_ORGANIZATION = 100;
/** The largest ceiling a task may set. */
export const MAX_ORGANIZATIONS_PER_TASK = 1_000_000;
/** Longest task name. */
export const MAX_TASK_NAME_LENGTH = 200;
/** Segments one plan may hold: the plan lives in the job item, which DynamoDB caps at 400 KB. */
export const MAX_SEGMENTS = 1_000;
/** Counting searches one planning run makes before it hands over (checkpointed) to the next run. */
export const COUNTS_PER_PLANNING_RUN = 200;
/** Values of one filter sent to the source at most before it is split up front (Apollo answers 422 beyond some length). */
export const MAX_FILTER_VALUES_PER_REQUEST = 100;
/** Deliveries of one page message before SQS moves it to the dead-letter queue. */
export const PAGE_TASK_MAX_RECEIVES = 5;
/** SQS allows a message delay of at most 15 minutes. */
export const MAX_REQUEUE_DELAY_SECONDS = 900;
/** Page messages one worker invocation takes: pages run one after another, sharing the source's pace. */
export const PAGE_TASK_BATCH_SIZE = 1;
/** Rate samples the ETA averages over (one per watch report). */
export const ETA_WINDOW_SAMPLES = 10;
/** A segment that has not advanced for this long has lost its message (a crash between advance and send): send it again. */
export const STALE_SEGMENT_MS = 15 * 60 * 1000;
