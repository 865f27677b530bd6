import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoJobStore } from '../../../functions/adapters/dynamodb/jobs.dynamodb.ts';
import type { Job, JobStatus, JobType } from '../../../functions/domain/jobs/job.ts';
import { v7 as uuidv7 } from 'uuid';
import { startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

let t: TestCloud;
let store: DynamoJobStore;

beforeAll(async () => {
  t = await startTestCloud();
  store = new DynamoJobStore(t.documents, t.cloud.resources.tables.control);
});

afterAll(async () => {
  await t?.stop();
});

/** A job put straight into the table in the given status: the API is then driven from a known state. */
async function seedJob(workspaceId: string, status: JobStatus, type: JobType = 'insert_csv_file'): Promise<Job> {
  const job = await store.create({ id: uuidv7(), workspaceId, type, data: { note: 'seeded' }, retryCount: 2 });
  if (status === 'open') return job;
  const moved = await store.move(workspaceId, job.id, { from: ['open'], to: status === 'completed' || status === 'failed' || status === 'paused' ? 'in_queue' : status });
  if (status === 'completed' || status === 'failed' || status === 'paused') {
    await store.move(workspaceId, job.id, { from: ['in_queue'], to: 'processing' });
    return (await store.move(workspaceId, job.id, { from: ['processing'], to: status })) as Job;
  }
  return moved as Job;
}

const uploadKey = (workspace: string) => `workspaces/${workspace}/uploads/0190f0e2-0000-7000-8000-000000000000/people.csv`;

describe('POST /v1/jobs', () => {
  it('It should refuse a body without job_type with ERR_MISSING_JOB_TYPE', async () => {
    // Act
    const response = await t.api('/v1/jobs', { body: { job_data: { s3_key: uploadKey('dev') } } });
    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'ERR_MISSING_JOB_TYPE', details: [{ path: 'job_type' }] });
  });

  it('It should refuse an unknown job_type, naming job_type, and bad job_data, naming the field', async () => {
    // Act
    const unknown = await t.api('/v1/jobs', { body: { job_type: 'mine_bitcoin', job_data: {} } });
    const badData = await t.api('/v1/jobs', { body: { job_type: 'insert_csv_file', job_data: { s3_key: uploadKey('dev'), delimiter: '#' } } });
    const badRetry = await t.api('/v1/jobs', { body: { job_type: 'insert_csv_file', job_data: { s3_key: uploadKey('dev') }, retry_count: 99 } });
    // Assess
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('ERR_VALIDATION');
    expect(unknown.body.error.details.map((d: { path: string }) => d.path)).toContain('job_type');
    expect(badData.body.error.details.map((d: { path: string }) => d.path)).toContain('job_data.delimiter');
    expect(badRetry.body.error.details.map((d: { path: string }) => d.path)).toContain('retry_count');
  });

  it('It should refuse an import of a file under another workspace\'s prefix', async () => {
    // Act
    const response = await t.api('/v1/jobs', { body: { job_type: 'insert_csv_file', job_data: { s3_key: uploadKey('workspace-b') } } });
    // Assess
    expect(response.status).toBe(403);
    expect(response.body.error.details[0].path).toBe('job_data.s3_key');
  });

  it('It should create the job, queue it, and show it to its own workspace only', async () => {
    // Act
    const created = await t.api('/v1/jobs', { body: { job_type: 'insert_csv_file', job_data: { s3_key: uploadKey('dev') }, retry_count: 1 } });
    const id = created.body.job?.id as string;
    const own = await t.api(`/v1/jobs/${id}`);
    const foreign = await t.api(`/v1/jobs/${id}`, { key: t.keys.b });
    const garbage = await t.api('/v1/jobs/..%2F..%2Fetc');
    // Assess
    expect(created.status).toBe(201);
    expect(created.body.job).toMatchObject({ job_type: 'insert_csv_file', retry_count: 1, attempts: 0, counters: { rows_read: 0 } });
    expect(['in_queue', 'processing', 'retrying', 'retry_in_queued', 'failed', 'completed']).toContain(created.body.job.status);
    expect(created.body.job).not.toHaveProperty('lease_owner');
    expect(own.status).toBe(200);
    expect(own.body.job.id).toBe(id);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('ERR_NOT_FOUND');
    expect(garbage.status).toBe(404);
  });
});

describe('GET /v1/jobs', () => {
  it('It should list newest first, filter by status and type, and page with a cursor', async () => {
    // Prepare: a workspace of its own, so other tests' jobs do not interfere
    const ws = 'workspace-list';
    const { key } = await import('../../../functions/domain/auth/issue-api-key.ts').then((m) => m.issueApiKey(t.apiKeys, ws, 'list test'));
    const failed = [await seedJob(ws, 'failed'), await seedJob(ws, 'failed'), await seedJob(ws, 'failed')];
    await seedJob(ws, 'completed', 'export_csv_file');
    await seedJob(ws, 'stopped', 'export_csv_file');
    // Act
    const first = await t.api('/v1/jobs?status=failed&limit=2', { key });
    const second = await t.api(`/v1/jobs?status=failed&limit=2&cursor=${encodeURIComponent(first.body.next_cursor)}`, { key });
    const exports = await t.api('/v1/jobs?job_type=export_csv_file', { key });
    const several = await t.api('/v1/jobs?status=completed,stopped', { key });
    const all = await t.api('/v1/jobs', { key });
    // Assess
    expect(first.body.data.map((job: { id: string }) => job.id)).toEqual([failed[2]?.id, failed[1]?.id]);
    expect(second.body.data.map((job: { id: string }) => job.id)).toEqual([failed[0]?.id]);
    expect(second.body.next_cursor).toBeNull();
    expect(exports.body.data).toHaveLength(2);
    expect(several.body.data.map((job: { status: string }) => job.status).sort()).toEqual(['completed', 'stopped']);
    expect(all.body.data).toHaveLength(5);
  });

  it('It should refuse a cursor from another workspace and unknown filters, naming the parameter', async () => {
    // Prepare
    await seedJob('dev', 'failed');
    await seedJob('dev', 'failed');
    const page = await t.api('/v1/jobs?limit=1');
    // Act
    const stolen = await t.api(`/v1/jobs?cursor=${encodeURIComponent(page.body.next_cursor)}`, { key: t.keys.b });
    const badStatus = await t.api('/v1/jobs?status=done');
    const badLimit = await t.api('/v1/jobs?limit=1000');
    // Assess
    expect(page.body.next_cursor).toEqual(expect.any(String));
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.details[0].path).toBe('cursor');
    expect(badStatus.body.error.details[0].path).toBe('status[0]');
    expect(badLimit.body.error.details[0].path).toBe('limit');
  });
});

describe('POST /v1/jobs/{id}/{stop,retry,pause,resume}', () => {
  it('It should refuse an illegal transition with 409 naming the current status', async () => {
    // Prepare
    const completed = await seedJob('workspace-b', 'completed');
    // Act
    const stop = await t.api(`/v1/jobs/${completed.id}/stop`, { method: 'POST', key: t.keys.b });
    const retry = await t.api(`/v1/jobs/${completed.id}/retry`, { method: 'POST', key: t.keys.b });
    // Assess
    expect(stop.status).toBe(409);
    expect(stop.body.error).toMatchObject({ code: 'ERR_CONFLICT', message: 'Cannot stop a job that is completed', details: [{ path: 'status', message: 'The job is completed' }] });
    expect(retry.status).toBe(409);
  });

  it('It should stop a queued job and retry a stopped one with a fresh attempt budget', async () => {
    // Prepare
    const queued = await seedJob('workspace-b', 'open');
    // Act
    const stop = await t.api(`/v1/jobs/${queued.id}/stop`, { method: 'POST', key: t.keys.b });
    const stopAgain = await t.api(`/v1/jobs/${queued.id}/stop`, { method: 'POST', key: t.keys.b });
    const retry = await t.api(`/v1/jobs/${queued.id}/retry`, { method: 'POST', key: t.keys.b });
    // Assess
    expect(stop.body.job).toMatchObject({ status: 'stopped', finished_at: expect.any(String) });
    expect(stopAgain.status).toBe(409);
    expect(stopAgain.body.error.message).toBe('Cannot stop a job that is stopped');
    expect(retry.status).toBe(200);
    expect(retry.body.job).toMatchObject({ status: 'retry_in_queued', attempts: 0 });
    expect(retry.body.job.finished_at).toBeUndefined();
  });

  it('It should resume a paused job, refuse to pause a job that is not running, and hide another workspace\'s job', async () => {
    // Prepare
    const paused = await seedJob('workspace-b', 'paused');
    const failed = await seedJob('workspace-b', 'failed');
    // Act
    const resume = await t.api(`/v1/jobs/${paused.id}/resume`, { method: 'POST', key: t.keys.b });
    const pause = await t.api(`/v1/jobs/${failed.id}/pause`, { method: 'POST', key: t.keys.b });
    const foreign = await t.api(`/v1/jobs/${failed.id}/retry`, { method: 'POST' });
    // Assess
    expect(resume.body.job.status).toBe('in_queue');
    expect(pause.status).toBe(409);
    expect(foreign.status).toBe(404);
    expect((await store.get('workspace-b', failed.id))?.status).toBe('failed');
  });
});
