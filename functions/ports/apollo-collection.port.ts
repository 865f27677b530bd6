/**
 * The running state of an `apollo_collection` job, outside the job item: one checkpoint per
 * segment (the next page to read), the job's seen-set of Apollo organisation ids, and the
 * counters every page worker adds to atomically. The segment plan itself lives in the job.
 */

/** pending: a message for `nextPage` is in flight; deferred: parked while the job is paused; done: every page read. */
export const SEGMENT_STATUSES = ['pending', 'deferred', 'done'] as const;
export type SegmentStatus = (typeof SEGMENT_STATUSES)[number];

export interface SegmentState {
  readonly key: string;
  readonly status: SegmentStatus;
  /** 1-based: the page the segment reads next. */
  readonly nextPage: number;
  /** ISO time of its last change; a pending segment that stays still too long lost its message. */
  readonly updatedAt: string;
}

/** Counters the page workers add to; the job's run reads them for its report. */
export const COLLECTION_TALLY_KEYS = [
  'organizations_found',
  'organizations_saved',
  'people_total_added',
  'pages_done',
  'segments_done',
  'deferred',
] as const;
export type CollectionTallyKey = (typeof COLLECTION_TALLY_KEYS)[number];
export type CollectionTally = Readonly<Record<CollectionTallyKey, number>>;

/** An organisation of the job's seen-set: claimed (counted as saved) and then completed (its people written). */
export type SeenState = 'claimed' | 'completed';

export type ClaimOutcome = 'claimed' | SeenState | 'ceiling';

export interface SegmentPage {
  readonly items: readonly SegmentState[];
  readonly nextCursor?: string;
}

export interface CollectionStore {
  /** Stores segments not stored yet as pending at page 1; a re-planned batch never resets one. */
  putSegments(workspaceId: string, jobId: string, keys: readonly string[]): Promise<void>;
  getSegment(workspaceId: string, jobId: string, key: string): Promise<SegmentState | undefined>;
  /**
   * The segment read page `page`: moves it to `page + 1` (or done) and adds `tally`, in one
   * atomic write, only if it is still pending at `page`. False when another delivery got there first.
   */
  advance(workspaceId: string, jobId: string, key: string, page: number, done: boolean, tally: Readonly<Partial<Record<CollectionTallyKey, number>>>): Promise<boolean>;
  /** pending at `page` → deferred (counted), or deferred → pending (uncounted); false when it was elsewhere. */
  defer(workspaceId: string, jobId: string, key: string, page: number): Promise<boolean>;
  undefer(workspaceId: string, jobId: string, key: string): Promise<boolean>;
  listSegments(workspaceId: string, jobId: string, query: { readonly status?: SegmentStatus; readonly limit: number; readonly cursor?: string }): Promise<SegmentPage>;
  seen(workspaceId: string, jobId: string, organizationId: string): Promise<SeenState | undefined>;
  /**
   * Adds the organisation to the seen-set and counts it saved, in one write, unless it is in
   * the set already (its state is answered) or the ceiling `max` is reached (`ceiling`).
   */
  claim(workspaceId: string, jobId: string, organizationId: string, max?: number): Promise<ClaimOutcome>;
  /** claimed → completed, adding its people to the counters; false when another delivery completed it. */
  complete(workspaceId: string, jobId: string, organizationId: string, people: number): Promise<boolean>;
  tally(workspaceId: string, jobId: string): Promise<CollectionTally>;
}

/** One page of one segment: the unit of work on the page queue. */
export interface PageTaskMessage {
  readonly workspace_id: string;
  readonly job_id: string;
  readonly segment: string;
  readonly page: number;
}

export interface PageTaskQueue {
  /** Sends every message (batched as the queue allows), each after `delaySeconds` when given. */
  send(messages: readonly PageTaskMessage[], delaySeconds?: number): Promise<void>;
}
