import { AppError } from '../../platform/errors.ts';
import type { DownloadLedger, UserStore, WorkspaceLimits } from '../../ports/accounts.port.ts';
import type { Principal } from '../auth/principal.ts';

/** Counters outlive their month so that a late refund still finds them. */
const LEDGER_RETENTION_SECONDS = 40 * 24 * 3600;

export interface DownloadDeps {
  readonly users: UserStore;
  readonly ledger: DownloadLedger;
  /** What the workspace's paid plan grants each user, if one is in force. */
  readonly limits?: Pick<WorkspaceLimits, 'downloadRowsPerUser'>;
}

/**
 * A paid plan raises every user's monthly rows to what it grants; a user an admin gave more
 * keeps more. When the plan lapses the user's own limit is back in force at once.
 */
async function effectiveLimit(deps: DownloadDeps, workspaceId: string, own: number): Promise<number> {
  const granted = await deps.limits?.downloadRowsPerUser(workspaceId);
  return Math.max(own, granted ?? 0);
}

/** Download limits count per calendar month, UTC: `2025-01`. */
export const downloadPeriod = (now: Date): string => now.toISOString().slice(0, 7);

export interface DownloadCharge {
  readonly userId: string;
  readonly period: string;
  readonly rows: number;
  readonly used: number;
  readonly limit: number;
}

/**
 * Charges `rows` against the download limit of the user behind the call (the signed-in user, or
 * the user who created the API key) BEFORE the export or lookup starts, in one conditional
 * update, so concurrent exports cannot overshoot. Operator keys (no user) have no limit and get
 * undefined. Over the limit: 403 ERR_DOWNLOAD_LIMIT_EXCEEDED, and nothing is charged.
 */
export async function chargeDownload(
  deps: DownloadDeps,
  principal: Principal,
  rows: number,
  now = new Date(),
): Promise<DownloadCharge | undefined> {
  if (!principal.userId) return undefined;
  if (!Number.isInteger(rows) || rows < 0) throw new Error(`rows must be a non-negative integer, got ${rows}`);
  const user = await deps.users.get(principal.workspaceId, principal.userId);
  if (!user || !user.isActive) throw new AppError('ERR_UNAUTHORIZED', 'The user behind this credential is not active');
  const limit = await effectiveLimit(deps, principal.workspaceId, user.downloadLimit);
  const period = downloadPeriod(now);
  const expiresAt = Math.floor(now.getTime() / 1000) + LEDGER_RETENTION_SECONDS;
  const outcome = await deps.ledger.charge(principal.workspaceId, user.id, period, rows, limit, expiresAt);
  if (!outcome.ok) throw limitExceeded(rows, limit, outcome.used, period);
  return { userId: user.id, period, rows, used: outcome.used, limit };
}

async function zeroCharge(deps: { users: UserStore }, principal: Principal, now: Date): Promise<DownloadCharge | undefined> {
  if (!principal.userId) return undefined;
  const user = await deps.users.get(principal.workspaceId, principal.userId);
  if (!user || !user.isActive) throw new AppError('ERR_UNAUTHORIZED', 'The user behind this credential is not active');
  return { userId: user.id, period: downloadPeriod(now), rows: 0, used: 0, limit: user.downloadLimit };
}

/**
 * Charges the user behind the call `rows` once for `receipt` (a file they download that someone
 * else paid for): a second download of the same file is free, and over the limit it is 403
 * ERR_DOWNLOAD_LIMIT_EXCEEDED. Operator keys (no user) have no limit.
 */
export async function chargeDownloadOnce(
  deps: DownloadDeps,
  principal: Principal,
  receipt: string,
  rows: number,
  now = new Date(),
): Promise<void> {
  if (!principal.userId || rows <= 0) return;
  const user = await deps.users.get(principal.workspaceId, principal.userId);
  if (!user || !user.isActive) throw new AppError('ERR_UNAUTHORIZED', 'The user behind this credential is not active');
  const period = downloadPeriod(now);
  const expiresAt = Math.floor(now.getTime() / 1000) + LEDGER_RETENTION_SECONDS;
  const limit = await effectiveLimit(deps, principal.workspaceId, user.downloadLimit);
  const outcome = await deps.ledger.chargeOnce(principal.workspaceId, user.id, receipt, period, rows, limit, expiresAt);
  if (!outcome.ok) throw limitExceeded(rows, limit, outcome.used, period);
}

function limitExceeded(rows: number, limit: number, used: number, period: string): AppError {
  const left = Math.max(0, limit - used);
  return new AppError('ERR_DOWNLOAD_LIMIT_EXCEEDED', `This would download ${rows} rows; ${left} of ${limit} are left for ${period}`, [
    { path: 'download_limit', message: `${used} of ${limit} rows used in ${period}` },
  ]);
}

/** Gives a charge back when the work it paid for could not be started. */
export async function refundDownload(deps: { ledger: DownloadLedger }, principal: Principal, charge: DownloadCharge | undefined): Promise<void> {
  if (!charge || charge.rows === 0) return;
  await deps.ledger.refund(principal.workspaceId, charge.userId, charge.period, charge.rows);
}

/**
 * Charges `rows` first, runs `work` with the charge (so the work can record what it paid), and
 * gives the rows back if the work could not start, so a refused or failed job creation costs
 * nothing. Zero rows skip the ledger but still hand a user's work a charge of 0: an export
 * charged 0 rows must write 0 rows, however many match when it runs.
 */
export async function withDownloadCharge<T>(
  deps: DownloadDeps,
  principal: Principal,
  rows: number,
  work: (charge: DownloadCharge | undefined) => Promise<T>,
  now = new Date(),
): Promise<T> {
  const charge = rows > 0 ? await chargeDownload(deps, principal, rows, now) : await zeroCharge(deps, principal, now);
  try {
    return await work(charge);
  } catch (error) {
    await refundDownload(deps, principal, charge);
    throw error;
  }
}
