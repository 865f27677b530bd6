import type { Job, JobDownloadCharge, JobPatch, JobStatus, JobType } from '../../domain/jobs/job.ts';

/** A job as stored in the control table (snake_case attributes). */
export interface JobItem {
  readonly pk: string;
  readonly sk: string;
  readonly entity: 'job';
  readonly id: string;
  readonly workspace_id: string;
  readonly job_type: JobType;
  readonly status: JobStatus;
  readonly data: Readonly<Record<string, unknown>>;
  readonly retry_count: number;
  readonly attempts: number;
  readonly progress: number;
  readonly current_step?: string;
  readonly counters: { readonly rows_read: number; readonly rows_written: number; readonly rows_failed: number };
  readonly checkpoint?: Readonly<Record<string, unknown>>;
  readonly result?: Readonly<Record<string, unknown>>;
  readonly error?: { readonly code: string; readonly message: string };
  readonly download_charge?: { readonly user_id: string; readonly period: string; readonly rows: number };
  readonly created_by?: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly started_at?: string;
  readonly finished_at?: string;
  readonly version: number;
  readonly lease_owner?: string;
  readonly lease_until?: string;
  readonly dead_letter_message_id?: string;
}

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

export function itemToJob(item: JobItem): Job {
  return {
    id: item.id,
    workspaceId: item.workspace_id,
    type: item.job_type,
    status: item.status,
    data: item.data ?? {},
    retryCount: Number(item.retry_count),
    attempts: Number(item.attempts ?? 0),
    progress: Number(item.progress ?? 0),
    ...optional('currentStep', item.current_step),
    counters: {
      rowsRead: Number(item.counters?.rows_read ?? 0),
      rowsWritten: Number(item.counters?.rows_written ?? 0),
      rowsFailed: Number(item.counters?.rows_failed ?? 0),
    },
    ...optional('checkpoint', item.checkpoint),
    ...optional('result', item.result),
    ...optional('error', item.error),
    ...optional('downloadCharge', item.download_charge && chargeOf(item.download_charge)),
    ...optional('createdBy', item.created_by),
    createdAt: item.created_at,
    updatedAt: item.updated_at,
    ...optional('startedAt', item.started_at),
    ...optional('finishedAt', item.finished_at),
    version: Number(item.version),
    ...optional('leaseOwner', item.lease_owner),
    ...optional('leaseUntil', item.lease_until),
    ...optional('deadLetterMessageId', item.dead_letter_message_id),
  };
}

const chargeOf = (stored: NonNullable<JobItem['download_charge']>): JobDownloadCharge => ({
  userId: stored.user_id,
  period: stored.period,
  rows: Number(stored.rows),
});

export const chargeItem = (charge: JobDownloadCharge): NonNullable<JobItem['download_charge']> => ({
  user_id: charge.userId,
  period: charge.period,
  rows: charge.rows,
});

/** The attributes a patch sets; absent fields are left as they are. */
export function patchAttributes(patch: JobPatch): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  if (patch.progress !== undefined) set.progress = Math.min(1, Math.max(0, patch.progress));
  if (patch.currentStep !== undefined) set.current_step = patch.currentStep;
  if (patch.counters !== undefined) {
    set.counters = {
      rows_read: patch.counters.rowsRead,
      rows_written: patch.counters.rowsWritten,
      rows_failed: patch.counters.rowsFailed,
    };
  }
  if (patch.checkpoint !== undefined) set.checkpoint = patch.checkpoint;
  if (patch.result !== undefined) set.result = patch.result;
  if (patch.error !== undefined) set.error = { code: patch.error.code, message: patch.error.message };
  if (patch.attempts !== undefined) set.attempts = patch.attempts;
  if (patch.startedAt !== undefined) set.started_at = patch.startedAt;
  if (patch.finishedAt !== undefined) set.finished_at = patch.finishedAt;
  if (patch.downloadCharge !== undefined) set.download_charge = chargeItem(patch.downloadCharge);
  return set;
}
