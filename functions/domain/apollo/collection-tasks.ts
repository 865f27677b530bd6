import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { JobStore } from '../../ports/jobs.port.ts';
import type { RecordSearch } from '../../ports/search.port.ts';
import { isJobId } from '../jobs/job-cursor.ts';
import type { Job, JobStatus } from '../jobs/job.ts';
import { listRecords } from '../records/search-records.ts';
import { apolloCollectionDataSchema } from './job-data.ts';

/** Task ids one task-mapping call may name, and its page size bounds (the seed's 25 by default). */
export const MAX_TASK_IDS = 50;
export const DEFAULT_TASK_PAGE_SIZE = 25;
export const MAX_TASK_PAGE_SIZE = 100;
/** People listed per organisation in a task-mapping answer. */
export const MAX_PEOPLE_PER_MAPPED_ORGANIZATION = 100;

/**
 * How the seed's task states show on a job: started = in_queue (created, not yet running);
 * running = processing or retrying; paused = paused; stopped = stopped; completed /
 * completed_with_people = completed (its result's `state` says which); failed stays failed.
 */
export function seedStateOf(job: Job): string {
  const byStatus: Partial<Record<JobStatus, string>> = { open: 'started', in_queue: 'started', retry_in_queued: 'started', processing: 'running', retrying: 'running', paused: 'paused', stopped: 'stopped', failed: 'failed' };
  if (job.status === 'completed') return typeof job.result?.state === 'string' ? job.result.state : 'completed';
  return byStatus[job.status] ?? job.status;
}

/** A collection task as the task routes show it: the job's id and status, the seed's state and counters. */
export function renderTask(job: Job) {
  const data = apolloCollectionDataSchema.safeParse(job.data);
  return {
    task_id: job.id,
    task_name: data.success ? data.data.task_name : '',
    apollo_url: data.success ? data.data.apollo_url : '',
    status: job.status,
    state: seedStateOf(job),
    progress: job.progress,
    counters: { ...job.result },
    ...(job.error ? { error: { code: job.error.code, message: job.error.message } } : {}),
    created_at: job.createdAt,
    updated_at: job.updatedAt,
  };
}

export const taskRecordsRequestSchema = z.strictObject({
  task_ids: z.array(z.string().min(1).max(64)).min(1).max(MAX_TASK_IDS),
  data_type: z.enum(['organizations', 'people']).default('organizations'),
  page: z.int().min(1).default(1),
  page_size: z.int().min(1).max(MAX_TASK_PAGE_SIZE).default(DEFAULT_TASK_PAGE_SIZE),
});
export type TaskRecordsRequest = z.output<typeof taskRecordsRequestSchema>;

/** Each id must be a collection task of this workspace: another workspace's task is indistinguishable from none. */
async function requireOwnTasks(jobs: JobStore, workspaceId: string, ids: readonly string[]): Promise<void> {
  for (const [index, id] of ids.entries()) {
    const job = isJobId(id) ? await jobs.get(workspaceId, id) : undefined;
    if (!job || job.type !== 'apollo_collection') {
      throw new AppError('ERR_NOT_FOUND', 'No such collection task', [{ path: `task_ids[${index}]`, message: 'No such collection task in this workspace' }]);
    }
  }
}

/**
 * The seed's task mapping: what the tasks collected, as VQL over the records' `task_ids`
 * provenance (the one query path), organisations with their people, or people alone.
 */
export async function taskRecords(jobs: JobStore, search: RecordSearch, workspaceId: string, request: TaskRecordsRequest) {
  await requireOwnTasks(jobs, workspaceId, request.task_ids);
  const ids = [...new Set(request.task_ids)];
  const where = { keyword_match: { must: { task_ids: ids } } };
  const paging = { page: request.page, limit: request.page_size, order_by: [{ order_by: 'created_at', order_direction: 'asc' as const }] };
  if (request.data_type === 'people') {
    const people = await listRecords(search, 'contact', workspaceId, { where, ...paging });
    return { data_type: 'people', count: people.count, page: request.page, page_size: request.page_size, results: people.results };
  }
  const organizations = await listRecords(search, 'company', workspaceId, { where, ...paging });
  const uuids = organizations.results.map((row) => String(row.uuid));
  const people = uuids.length === 0
    ? { results: [] as Record<string, unknown>[] }
    : await listRecords(search, 'contact', workspaceId, { where: { keyword_match: { must: { task_ids: ids, company_id: uuids } } }, limit: Math.min(1_000, uuids.length * MAX_PEOPLE_PER_MAPPED_ORGANIZATION) });
  const byCompany = new Map<string, Record<string, unknown>[]>();
  for (const person of people.results) {
    const list = byCompany.get(String(person.company_id)) ?? [];
    if (list.length < MAX_PEOPLE_PER_MAPPED_ORGANIZATION) list.push(person);
    byCompany.set(String(person.company_id), list);
  }
  const results = organizations.results.map((row) => ({ ...row, people: byCompany.get(String(row.uuid)) ?? [] }));
  return { data_type: 'organizations', count: organizations.count, page: request.page, page_size: request.page_size, results };
}
