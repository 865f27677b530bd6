import type { DownloadLedger, UserStore } from '../../ports/accounts.port.ts';
import type { LeasedJobStore } from '../../ports/jobs.port.ts';
import type { RecordSearch } from '../../ports/search.port.ts';
import { chargeDownloadOnce, downloadPeriod, withDownloadCharge } from '../accounts/download-limit.ts';
import type { Principal } from '../auth/principal.ts';
import type { Job } from '../jobs/job.ts';
import { applyJobAction, getJob, type JobCommandDeps } from '../jobs/job-commands.ts';
import { countRecords } from '../records/search-records.ts';
import { exportJobDataSchema, type ExportJobData } from './export-job-data.ts';
import type { ChargeRefunds } from './export-ports.ts';
import { MAX_EXPORT_ROWS } from './limits.ts';

export interface ExportChargeDeps extends JobCommandDeps {
  readonly users: UserStore;
  readonly ledger: DownloadLedger;
  readonly search: RecordSearch;
}

/** What an export can produce right now: its query's matches, bounded by its row cap. */
export async function exportRowsNow(search: RecordSearch, workspaceId: string, data: ExportJobData): Promise<number> {
  const cap = Math.min(data.query?.limit ?? MAX_EXPORT_ROWS, MAX_EXPORT_ROWS);
  return Math.min(cap, await countRecords(search, data.entity, workspaceId, data.query?.where));
}

/**
 * Retries a job. An export retried by the user who pays for it is charged again for what it
 * can produce now (only the rows above what it still holds, within one month), in the same
 * conditional write that queues it: a retry can never write rows nobody paid for. Anyone else's
 * retry (an admin, an operator key) runs within what the job still holds; they pay when they
 * download the file.
 */
export async function retryJob(deps: ExportChargeDeps, principal: Principal, id: string, now = new Date()): Promise<Job> {
  const { workspaceId } = principal;
  const job = await getJob(deps.jobs, workspaceId, id);
  const held = job.downloadCharge;
  if (job.type !== 'export_csv_file' || !held || principal.userId !== held.userId) return applyJobAction(deps, workspaceId, id, 'retry');
  const data = exportJobDataSchema.parse(job.data);
  const wanted = await exportRowsNow(deps.search, workspaceId, data);
  const period = downloadPeriod(now);
  // A new month starts a new allowance: charge it all there and give the old month its rows back.
  const samePeriod = period === held.period;
  const extra = samePeriod ? Math.max(0, wanted - held.rows) : wanted;
  return withDownloadCharge(
    deps,
    principal,
    extra,
    async () => {
      const rows = samePeriod ? held.rows + extra : wanted;
      const patch = { downloadCharge: { userId: held.userId, period, rows } };
      const retried = await applyJobAction(deps, workspaceId, id, 'retry', { patch, expectedVersion: job.version });
      if (!samePeriod && held.rows > 0) await deps.ledger.refund(workspaceId, held.userId, held.period, held.rows);
      return retried;
    },
    now,
  );
}

/**
 * Downloading an export's file: the user who paid for it when it was created downloads it free;
 * any other user (another user, or a key of theirs) pays its rows once, and is refused over
 * their limit. Operator keys have no limit.
 */
export async function chargeExportDownload(
  deps: { readonly users: UserStore; readonly ledger: DownloadLedger },
  principal: Principal,
  job: Job,
  rows: number,
  now = new Date(),
): Promise<void> {
  if (!principal.userId || principal.userId === job.downloadCharge?.userId) return;
  await chargeDownloadOnce(deps, principal, `JOB#${job.id}`, rows, now);
}

/**
 * A failed export produced no file: the rows it still holds go back to its payer. The job's
 * charge is zeroed first, in a write conditional on the version read (so of two releases, or a
 * release and a retry, one wins), then the ledger is refunded: a crash in between can only cost
 * the user rows. A later retry by the payer is charged afresh.
 */
export async function releaseFailedCharge(jobs: LeasedJobStore, ledger: ChargeRefunds, workspaceId: string, id: string): Promise<void> {
  const job = await jobs.get(workspaceId, id);
  const charge = job?.downloadCharge;
  if (!job || job.status !== 'failed' || !charge || charge.rows === 0) return;
  const released = await jobs.move(workspaceId, id, {
    from: ['failed'],
    to: 'failed',
    expectedVersion: job.version,
    patch: { downloadCharge: { ...charge, rows: 0 } },
  });
  if (released) await ledger.refund(workspaceId, charge.userId, charge.period, charge.rows);
}
