/**
 * The per-site tasks of an `enrich_websites` job. The job's run plans them (one per site) and
 * watches their tally; task workers, fed by the `siteTasks` queue, each settle one.
 */

export const SITE_TASK_STATUSES = ['pending', 'deferred', 'done', 'failed', 'skipped'] as const;
export type SiteTaskStatus = (typeof SITE_TASK_STATUSES)[number];

/** What planning knows about a site before it is crawled. */
export interface SiteTaskSpec {
  /** Unique within the job: the company uuid for a query-driven job, the domain otherwise. */
  readonly key: string;
  readonly domain: string;
  /** The company being enriched, when the job selected companies. */
  readonly companyUuid?: string;
  /** Where the crawl starts when the company's website names a page or a scheme. */
  readonly startUrl?: string;
  /** ISO 3166 alpha-2 default region for phone numbers (the company's country). */
  readonly country?: string;
}

/** How a settled task ended, for the job's report. */
export interface SiteTaskOutcome {
  readonly reason?: string;
  readonly message?: string;
  readonly companyUuid?: string;
  readonly pagesFetched?: number;
  readonly found?: Readonly<Record<string, number>>;
}

export interface SiteTask extends SiteTaskSpec {
  readonly status: SiteTaskStatus;
  readonly outcome?: SiteTaskOutcome;
}

/** Counters summed atomically by every task of a job. */
export const SITE_TALLY_KEYS = [
  'planned',
  'done',
  'failed',
  'skipped',
  'skipped_robots',
  'deferred',
  'pages_fetched',
  'browser_pages',
  'emails_found',
  'phones_found',
  'profiles_found',
  'technologies_found',
  'contacts_found',
] as const;
export type SiteTallyKey = (typeof SITE_TALLY_KEYS)[number];
/** The known counters, plus `failed_<reason>` per failure reason. */
export type SiteTally = Readonly<Record<SiteTallyKey, number>> & Readonly<Record<string, number>>;

export interface SiteTaskPage {
  readonly items: readonly SiteTask[];
  readonly nextCursor?: string;
}

export interface SiteTaskStore {
  /** Stores tasks not stored yet (a re-planned batch never resets a settled task); resolves how many were new. */
  putPending(workspaceId: string, jobId: string, tasks: readonly SiteTaskSpec[]): Promise<number>;
  get(workspaceId: string, jobId: string, key: string): Promise<SiteTask | undefined>;
  /**
   * Moves a task from one of `from` to `to` and adds `tally` to the job's counters, in one atomic
   * write; false (and nothing added) when the task was elsewhere already (another delivery won).
   */
  settle(
    workspaceId: string,
    jobId: string,
    key: string,
    from: readonly SiteTaskStatus[],
    to: SiteTaskStatus,
    outcome?: SiteTaskOutcome,
    tally?: Readonly<Record<string, number>>,
  ): Promise<boolean>;
  addTally(workspaceId: string, jobId: string, delta: Readonly<Record<string, number>>): Promise<void>;
  tally(workspaceId: string, jobId: string): Promise<SiteTally>;
  list(workspaceId: string, jobId: string, query: { status?: SiteTaskStatus; limit: number; cursor?: string }): Promise<SiteTaskPage>;
}

export interface SiteTaskMessage {
  readonly workspace_id: string;
  readonly job_id: string;
  readonly key: string;
}

export interface SiteTaskQueue {
  /** Sends every message (batched as the queue allows); throws if any could not be sent. */
  send(messages: readonly SiteTaskMessage[]): Promise<void>;
  /** Makes a received message visible again after `seconds` (a retry sooner than the queue's long visibility). */
  retryLater(receiptHandle: string, seconds: number): Promise<void>;
}
