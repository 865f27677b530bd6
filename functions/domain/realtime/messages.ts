import { z } from 'zod';
import type { JobSubscriptions } from '../../ports/job-subscriptions.port.ts';
import type { JobStore } from '../../ports/jobs.port.ts';
import type { JobStatus } from '../jobs/job.ts';
import { isJobId } from '../jobs/job-cursor.ts';

/**
 * Client → server messages. API Gateway routes on `action`; every action lands in the $default
 * route (functions/ws/default.handler.ts), which answers through here.
 */
export const clientMessageSchema = z.object({ action: z.string().max(64) }).loose();

const jobIdField = z.string().min(1).max(64);
export const subscribeMessageSchema = z.object({ action: z.enum(['subscribe', 'unsubscribe']), job_id: jobIdField });

export type ServerMessage =
  | { type: 'pong'; time: string }
  | { type: 'subscribed'; job_id: string; status: JobStatus; progress: number; current_step?: string }
  | { type: 'unsubscribed'; job_id: string }
  | { type: 'error'; code: 'ERR_VALIDATION' | 'ERR_UNKNOWN_ACTION' | 'ERR_NOT_FOUND'; message: string; job_id?: string };

export interface Caller {
  readonly workspaceId: string;
  readonly connectionId: string;
}

export interface MessageDeps {
  readonly jobs: Pick<JobStore, 'get'>;
  readonly subscriptions: JobSubscriptions;
}

const validation = (message: string): ServerMessage => ({ type: 'error', code: 'ERR_VALIDATION', message });

function parse(raw: string | undefined): { action: string; body: Record<string, unknown> } | ServerMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw ?? '');
  } catch {
    return validation('Messages must be JSON objects with an "action"');
  }
  const message = clientMessageSchema.safeParse(parsed);
  if (!message.success) return validation('Messages need a string "action"');
  return { action: message.data.action, body: message.data };
}

/**
 * Answers one client message; unknown actions get an error message, never silence. A job of
 * another workspace answers exactly like a job that does not exist.
 */
export async function answer(deps: MessageDeps, caller: Caller, raw: string | undefined, now: Date): Promise<ServerMessage> {
  const parsed = parse(raw);
  if ('type' in parsed) return parsed;
  if (parsed.action === 'ping') return { type: 'pong', time: now.toISOString() };
  if (parsed.action !== 'subscribe' && parsed.action !== 'unsubscribe') {
    return { type: 'error', code: 'ERR_UNKNOWN_ACTION', message: `Unknown action: ${parsed.action.slice(0, 64)}` };
  }
  const request = subscribeMessageSchema.safeParse(parsed.body);
  if (!request.success) return validation(`"${parsed.action}" needs a string "job_id"`);
  const jobId = request.data.job_id;
  if (request.data.action === 'unsubscribe') {
    await deps.subscriptions.unsubscribe(caller.workspaceId, jobId, caller.connectionId);
    return { type: 'unsubscribed', job_id: jobId };
  }
  const job = isJobId(jobId) ? await deps.jobs.get(caller.workspaceId, jobId) : undefined;
  if (!job) return { type: 'error', code: 'ERR_NOT_FOUND', message: 'No such job', job_id: jobId };
  await deps.subscriptions.subscribe(caller.workspaceId, jobId, caller.connectionId, now);
  return {
    type: 'subscribed',
    job_id: jobId,
    status: job.status,
    progress: job.progress,
    ...(job.currentStep === undefined ? {} : { current_step: job.currentStep }),
  };
}
