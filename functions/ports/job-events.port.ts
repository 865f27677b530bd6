import type { JobStatus } from '../domain/jobs/job.ts';

/** What a job tells the clients subscribed to it (architecture guide §6), over the WebSocket API. */
export type JobEvent =
  | {
      readonly type: 'status';
      readonly job_id: string;
      readonly status: JobStatus;
      /** On a final status: a summary of the result (counters, links) or the error. */
      readonly result?: Readonly<Record<string, unknown>>;
      readonly error?: { readonly code: string; readonly message: string };
      /** On a final status: a sentence for people, and the few counts a UI shows (the seed's `result_summary`). */
      readonly message?: string;
      readonly result_summary?: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'progress';
      readonly job_id: string;
      readonly stage: string;
      readonly completed: number;
      readonly total?: number;
      readonly failed: number;
      /** 0..1 */
      readonly progress: number;
      /** A job type's own counters (an Apollo collection's organizations_saved...), and its estimate of the time left. */
      readonly counters?: Readonly<Record<string, number>>;
      readonly eta_seconds?: number;
      /** A named step of the stage and where it stands; such events are few and never thinned. */
      readonly task?: string;
      readonly status?: 'started' | 'completed' | 'failed';
    }
  | { readonly type: 'stage_start'; readonly job_id: string; readonly stage: string; readonly message?: string }
  | { readonly type: 'stage_complete'; readonly job_id: string; readonly stage: string; readonly message?: string }
  | { readonly type: 'error'; readonly job_id: string; readonly code: string; readonly message: string }
  /** New signals a monitoring job stored (their summary; the full signal through the API). */
  | { readonly type: 'signals'; readonly job_id: string; readonly signals: readonly Readonly<Record<string, unknown>>[] };

/** Delivers job events to the job's subscribers. Progress events may be throttled; others never are. */
export interface JobEvents {
  publish(workspaceId: string, event: JobEvent): Promise<void>;
}
