import { describe, expect, it } from 'vitest';
import { releaseFailedCharge } from '../../../../functions/domain/exports/export-charge.ts';
import { runExport } from '../../../../functions/domain/exports/run-export.ts';
import type { Job } from '../../../../functions/domain/jobs/job.ts';
import { MemoryJobStore } from '../jobs/memory-job-store.ts';
import { contacts, contextFor, fakeSearch, memoryFiles } from './export-fakes.ts';

/** Refunds the runner gives back to the ledger, as (user, period, rows). */
function refundLog() {
  const refunds: { userId: string; period: string; rows: number }[] = [];
  return { refunds, ledger: { refund: async (_ws: string, userId: string, period: string, rows: number) => void refunds.push({ userId, period, rows }) } };
}

const charge = (rows: number) => ({ userId: 'user-1', period: '2026-12', rows });

/**
 * Security regression: an export is charged its rows when it is created, and every run of it
 * (the first, a retry, a resume, a redelivery after a crash) writes at most what was charged,
 * however much the result set grew in between.
 */
describe('runExport and the download charge', () => {
  const paths: { path: string; job: Partial<Job> }[] = [
    { path: 'the first run', job: { status: 'processing', attempts: 0 } },
    { path: 'a retry through the API', job: { status: 'retrying', attempts: 0 } },
    { path: 'a redelivery after a crash', job: { status: 'processing', attempts: 2 } },
    { path: 'a resume after a pause', job: { status: 'processing', attempts: 1, checkpoint: { rows: 3 } } },
  ];
  const charges = [0, 5];

  for (const { path, job } of paths) {
    for (const charged of charges) {
      it(`It should write at most the ${charged} charged rows on ${path}, though 50 rows match now`, async () => {
        // Prepare
        const files = memoryFiles();
        const { ledger, refunds } = refundLog();
        const { ctx } = contextFor({ entity: 'contact', format: 'csv', select_columns: ['uuid'] }, { job: { ...job, downloadCharge: charge(charged) } });
        // Act
        const outcome = await runExport({ search: fakeSearch(contacts(50)), files, ledger }, ctx);
        // Assess
        const lines = files.opened[0]!.sink.buffer.toString('utf8').trimEnd().split('\r\n');
        expect(lines).toHaveLength(1 + charged);
        expect(outcome).toMatchObject({ outcome: 'completed', result: { rows: charged, matches: 50, charged_rows: charged, capped_by_charge: true } });
        expect(refunds).toEqual([]);
      });
    }
  }

  it('It should refund the charged rows it did not write, and keep only the written ones charged on the job', async () => {
    // Prepare
    const files = memoryFiles();
    const { ledger, refunds } = refundLog();
    const { ctx, patches } = contextFor({ entity: 'contact', format: 'csv', select_columns: ['uuid'] }, { job: { downloadCharge: charge(40) } });
    // Act
    const outcome = await runExport({ search: fakeSearch(contacts(12)), files, ledger }, ctx);
    // Assess
    expect(outcome).toMatchObject({ outcome: 'completed', result: { rows: 12, charged_rows: 12, capped_by_charge: false } });
    expect(patches.at(-1)?.downloadCharge).toEqual(charge(12));
    expect(refunds).toEqual([{ userId: 'user-1', period: '2026-12', rows: 28 }]);
  });

  it('It should refund nothing when the job stopped before its final report (the charge stays on the job)', async () => {
    const files = memoryFiles();
    const { ledger, refunds } = refundLog();
    const { ctx } = contextFor({ entity: 'contact', format: 'csv' }, { stopAfterReports: 0, job: { downloadCharge: charge(40) } });
    expect(await runExport({ search: fakeSearch(contacts(12)), files, ledger }, ctx)).toEqual({ outcome: 'stopped' });
    expect(refunds).toEqual([]);
  });

  it('It should not cap an export that carries no charge (an operator key has no download limit)', async () => {
    const files = memoryFiles();
    const { ledger } = refundLog();
    const { ctx } = contextFor({ entity: 'contact', format: 'csv', select_columns: ['uuid'] });
    const outcome = await runExport({ search: fakeSearch(contacts(50)), files, ledger }, ctx);
    expect(outcome).toMatchObject({ outcome: 'completed', result: { rows: 50, capped_by_charge: false } });
  });
});

describe('releaseFailedCharge', () => {
  const failedExport = (rows: number, status: Job['status'] = 'failed'): Job => ({
    id: 'job-9',
    workspaceId: 'ws-1',
    type: 'export_csv_file',
    status,
    data: { entity: 'contact' },
    retryCount: 1,
    attempts: 1,
    progress: 0,
    counters: { rowsRead: 0, rowsWritten: 0, rowsFailed: 0 },
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    version: 3,
    downloadCharge: charge(rows),
  });

  it('It should give a failed export its rows back once, however often it is released, and zero its charge', async () => {
    // Prepare
    const jobs = new MemoryJobStore();
    jobs.seed(failedExport(40));
    const { ledger, refunds } = refundLog();
    // Act
    await Promise.all([releaseFailedCharge(jobs, ledger, 'ws-1', 'job-9'), releaseFailedCharge(jobs, ledger, 'ws-1', 'job-9')]);
    await releaseFailedCharge(jobs, ledger, 'ws-1', 'job-9');
    // Assess
    expect(refunds).toEqual([{ userId: 'user-1', period: '2026-12', rows: 40 }]);
    expect((await jobs.get('ws-1', 'job-9'))?.downloadCharge).toEqual(charge(0));
  });

  it.each(['completed', 'stopped', 'processing'] as const)('It should give nothing back for a %s export', async (status) => {
    const jobs = new MemoryJobStore();
    jobs.seed(failedExport(40, status));
    const { ledger, refunds } = refundLog();
    await releaseFailedCharge(jobs, ledger, 'ws-1', 'job-9');
    expect(refunds).toEqual([]);
  });
});
