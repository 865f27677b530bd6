import { z } from 'zod';

/** The body of a `jobs` queue message: a pointer to the job, never its data (the job is the truth). */
export const jobMessageSchema = z.strictObject({
  workspace_id: z.string().min(1).max(128),
  job_id: z.string().min(1).max(64),
});

export type JobMessage = z.output<typeof jobMessageSchema>;

export const jobMessageBody = (workspaceId: string, jobId: string): string =>
  JSON.stringify({ workspace_id: workspaceId, job_id: jobId } satisfies JobMessage);
