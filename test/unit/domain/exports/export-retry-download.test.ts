import { describe, expect, it } from 'vitest';
import { chargeExportDownload, retryJob } from '../../../../functions/domain/exports/export-charge.ts';
import type { Job } from '../../../../functions/domain/jobs/job.ts';
import { MemoryLedger, MemoryUsers, aUser } from '../auth/fakes.ts';
import { MemoryJobStore } from '../jobs/memory-job-store.ts';
import { contacts, fakeSearch } from './export-fakes.ts';

/**
 * Security regression: a retry of an export, and a download of someone else's export, are
 * paid for by the user behind the call; nothing gives a user more rows than their limit.
 */
const WS = 'ws-a';
const PAYER = aUser();
const OTHER = aUser({ id: '22222222-2222-4222-8222-222222222222', email: 'bob@example.com' });
const DECEMBER = new Date('2026-12-04T12:00:00Z');
const ID = '01890a5d-ac96-774b-bcce-b302099a8057';

function stoppedExport(held: number, period = '2026-12'): Job {
  return {
    id: ID,
    workspaceId: WS,
    type: 'export_csv_file',
    status: 'stopped',
    data: { entity: 'contact', format: 'csv' },
    retryCount: 1,
    attempts: 0,
    progress: 0,
    counters: { rowsRead: 0, rowsWritten: 0, rowsFailed: 0 },
    createdAt: '2026-11-30T00:00:00.000Z',
    updatedAt: '2026-11-30T00:00:00.000Z',
    version: 4,
    downloadCharge: { userId: PAYER.id, period, rows: held },
  };
}

async function setup(job: Job, matches: number, limits: { payer: number; other?: number }, used: { period: string; rows: number }[] = []) {
  const users = new MemoryUsers();
  await users.create({ ...PAYER, downloadLimit: limits.payer });
  await users.create({ ...OTHER, downloadLimit: limits.other ?? 0 });
  const ledger = new MemoryLedger();
  for (const { period, rows } of used) await ledger.charge(WS, PAYER.id, period, rows, Infinity);
  const jobs = new MemoryJobStore(() => DECEMBER);
  jobs.seed(job);
  const enqueued: string[] = [];
  const deps = { jobs, users, ledger, search: fakeSearch(contacts(matches)), queue: { enqueue: async (_ws: string, id: string) => void enqueued.push(id), setVisibility: async () => undefined } };
  return { deps, ledger, jobs, enqueued };
}

const as = (userId: string | undefined) => ({ workspaceId: WS, role: 'user' as const, ...(userId ? { userId } : { keyId: 'operator' }) });

describe('retryJob on an export', () => {
  it('It should refuse the payer a retry whose current matches no longer fit the limit, leaving the job and the ledger as they were', async () => {
    const t = await setup(stoppedExport(0), 50, { payer: 5 });
    const error = await retryJob(t.deps, as(PAYER.id), ID, DECEMBER).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_DOWNLOAD_LIMIT_EXCEEDED' });
    expect((await t.jobs.get(WS, ID))?.status).toBe('stopped');
    expect(await t.ledger.used(WS, PAYER.id, '2026-12')).toBe(0);
    expect(t.enqueued).toEqual([]);
  });

  it('It should charge the payer only the rows above what the job still holds, and record the new charge on the job', async () => {
    const t = await setup(stoppedExport(3), 8, { payer: 10 }, [{ period: '2026-12', rows: 3 }]);
    const job = await retryJob(t.deps, as(PAYER.id), ID, DECEMBER);
    expect(job).toMatchObject({ status: 'retry_in_queued', downloadCharge: { userId: PAYER.id, period: '2026-12', rows: 8 } });
    expect(await t.ledger.used(WS, PAYER.id, '2026-12')).toBe(8);
    expect(t.enqueued).toEqual([ID]);
  });

  it('It should charge a retry in a new month there in full, and give the old month its rows back', async () => {
    const t = await setup(stoppedExport(3, '2026-11'), 5, { payer: 10 }, [{ period: '2026-11', rows: 3 }]);
    const job = await retryJob(t.deps, as(PAYER.id), ID, DECEMBER);
    expect(job.downloadCharge).toEqual({ userId: PAYER.id, period: '2026-12', rows: 5 });
    expect(await t.ledger.used(WS, PAYER.id, '2026-12')).toBe(5);
    expect(await t.ledger.used(WS, PAYER.id, '2026-11')).toBe(0);
  });

  it.each([
    ['another user', OTHER.id],
    ['an operator key', undefined],
  ])('It should let %s retry only within what the job still holds, charging no one', async (_who, userId) => {
    const t = await setup(stoppedExport(2), 50, { payer: 100, other: 100 });
    const job = await retryJob(t.deps, as(userId), ID, DECEMBER);
    expect(job).toMatchObject({ status: 'retry_in_queued', downloadCharge: { rows: 2 } });
    expect(await t.ledger.used(WS, PAYER.id, '2026-12')).toBe(0);
    expect(await t.ledger.used(WS, OTHER.id, '2026-12')).toBe(0);
  });
});

describe('chargeExportDownload', () => {
  const completed = { ...stoppedExport(20), status: 'completed' as const };

  it('It should let the payer download free, charge another user once, and refuse one over the limit', async () => {
    const t = await setup(completed, 20, { payer: 20, other: 30 });
    const small = aUser({ id: '33333333-3333-4333-8333-333333333333', email: 'cy@example.com', downloadLimit: 19 });
    await t.deps.users.create(small);
    const accounts = { users: t.deps.users, ledger: t.ledger };

    await chargeExportDownload(accounts, as(PAYER.id), completed, 20, DECEMBER);
    await chargeExportDownload(accounts, as(OTHER.id), completed, 20, DECEMBER);
    await chargeExportDownload(accounts, as(OTHER.id), completed, 20, DECEMBER);
    await chargeExportDownload(accounts, as(undefined), completed, 20, DECEMBER);
    const refused = await chargeExportDownload(accounts, as(small.id), completed, 20, DECEMBER).catch((e: unknown) => e);

    expect(await t.ledger.used(WS, PAYER.id, '2026-12')).toBe(0);
    expect(await t.ledger.used(WS, OTHER.id, '2026-12')).toBe(20);
    expect(refused).toMatchObject({ code: 'ERR_DOWNLOAD_LIMIT_EXCEEDED', status: 403 });
    expect(await t.ledger.used(WS, small.id, '2026-12')).toBe(0);
  });
});
