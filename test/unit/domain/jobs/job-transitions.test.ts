import { describe, expect, it } from 'vitest';
import { canTransition, JOB_STATUSES, JOB_TRANSITIONS, sourcesOf, TERMINAL_STATUSES } from '../../../../functions/domain/jobs/job.ts';
import { decodeJobCursor, encodeJobCursor, isJobId } from '../../../../functions/domain/jobs/job-cursor.ts';
import { createJobRequestSchema, listJobsQuerySchema } from '../../../../functions/domain/jobs/job-requests.ts';

describe('job transitions', () => {
  it('It should let a queued job be claimed, or stopped, and nothing else', () => {
    expect(canTransition('in_queue', 'processing')).toBe(true);
    expect(canTransition('in_queue', 'stopped')).toBe(true);
    expect(canTransition('in_queue', 'completed')).toBe(false);
    expect(canTransition('open', 'processing')).toBe(false);
  });

  it('It should never move a completed job, and let failed or stopped jobs only be retried', () => {
    expect(JOB_TRANSITIONS.completed).toEqual([]);
    expect(JOB_TRANSITIONS.failed).toEqual(['retry_in_queued']);
    expect(JOB_TRANSITIONS.stopped).toEqual(['retry_in_queued']);
  });

  it('It should reach stopped from every non-terminal status', () => {
    const live = JOB_STATUSES.filter((status) => !TERMINAL_STATUSES.includes(status));
    expect(sourcesOf('stopped').sort()).toEqual([...live].sort());
  });

  it('It should queue a retry from a failed attempt of a running job or from a finished failed or stopped job', () => {
    expect(sourcesOf('retry_in_queued').sort()).toEqual(['failed', 'processing', 'retrying', 'stopped']);
  });
});

describe('job requests', () => {
  it('It should validate job_data by the schema of its job_type, naming the field', () => {
    const bad = createJobRequestSchema.safeParse({ job_type: 'insert_csv_file', job_data: { s3_key: 'k', delimitr: ';' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join('.'))).toContain('job_data');
    const unknownType = createJobRequestSchema.safeParse({ job_type: 'mine_bitcoin', job_data: {} });
    expect(unknownType.error?.issues[0]?.path).toEqual(['job_type']);
  });

  it('It should default retry_count to 3 and the export format to csv', () => {
    const parsed = createJobRequestSchema.parse({ job_type: 'export_csv_file', job_data: { entity: 'contact' } });
    expect(parsed).toMatchObject({ retry_count: 3, job_data: { format: 'csv' } });
  });

  it('It should read comma-separated status and type lists and refuse unknown statuses', () => {
    expect(listJobsQuerySchema.parse({ status: 'failed,completed', limit: '5' })).toEqual({ status: ['failed', 'completed'], limit: 5 });
    expect(listJobsQuerySchema.safeParse({ status: 'done' }).success).toBe(false);
  });
});

describe('job cursors', () => {
  it('It should round-trip a position within one workspace and refuse it in another', () => {
    const cursor = encodeJobCursor('ws-a', 'JOB#01890a5d-ac96-774b-bcce-b302099a8057');
    expect(decodeJobCursor(cursor, 'ws-a')).toBe('JOB#01890a5d-ac96-774b-bcce-b302099a8057');
    expect(() => decodeJobCursor(cursor, 'ws-b')).toThrow(/cursor/);
    expect(() => decodeJobCursor('not-a-cursor', 'ws-a')).toThrow(/cursor/);
    expect(() => decodeJobCursor(encodeJobCursor('ws-a', 'UPLOAD#x'), 'ws-a')).toThrow(/cursor/);
  });

  it('It should recognise only lowercase UUID job ids', () => {
    expect(isJobId('01890a5d-ac96-774b-bcce-b302099a8057')).toBe(true);
    expect(isJobId('../etc')).toBe(false);
    expect(isJobId('01890A5D-AC96-774B-BCCE-B302099A8057')).toBe(false);
  });
});
