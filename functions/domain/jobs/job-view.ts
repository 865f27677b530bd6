import { z } from 'zod';
import { JOB_STATUSES, JOB_TYPES, type Job } from './job.ts';

/**
 * A job as the API shows it (snake_case), the one rendering every route uses. The lease, the
 * checkpoint and the dead-letter marker are the worker's business and stay inside.
 */
export const jobViewSchema = z.object({
  id: z.string(),
  job_type: z.enum(JOB_TYPES),
  status: z.enum(JOB_STATUSES),
  job_data: z.record(z.string(), z.unknown()),
  retry_count: z.int(),
  attempts: z.int(),
  progress: z.number().min(0).max(1),
  current_step: z.string().optional(),
  counters: z.object({ rows_read: z.int(), rows_written: z.int(), rows_failed: z.int() }),
  result: z.record(z.string(), z.unknown()).optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  created_by: z.string().optional(),
  created_at: z.string(),
  updated_at: z.string(),
  started_at: z.string().optional(),
  finished_at: z.string().optional(),
});

export type JobView = z.output<typeof jobViewSchema>;

export function renderJob(job: Job): JobView {
  return {
    id: job.id,
    job_type: job.type,
    status: job.status,
    job_data: { ...job.data },
    retry_count: job.retryCount,
    attempts: job.attempts,
    progress: job.progress,
    ...(job.currentStep === undefined ? {} : { current_step: job.currentStep }),
    counters: { rows_read: job.counters.rowsRead, rows_written: job.counters.rowsWritten, rows_failed: job.counters.rowsFailed },
    ...(job.result === undefined ? {} : { result: { ...job.result } }),
    ...(job.error === undefined ? {} : { error: { code: job.error.code, message: job.error.message } }),
    ...(job.createdBy === undefined ? {} : { created_by: job.createdBy }),
    created_at: job.createdAt,
    updated_at: job.updatedAt,
    ...(job.startedAt === undefined ? {} : { started_at: job.startedAt }),
    ...(job.finishedAt === undefined ? {} : { finished_at: job.finishedAt }),
  };
}
