import type { PreparedRecord } from '../records/prepare.ts';
import type { RecordStore } from '../../ports/records.port.ts';
import { WRITE_RETRY_ATTEMPTS, WRITE_RETRY_BASE_MS, WRITE_RETRY_MAX_MS } from './import-limits.ts';

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with jitter: half fixed, half random, so retries of many runs spread out. */
export const backoffMs = (attempt: number, random: () => number = Math.random): number => {
  const ceiling = Math.min(WRITE_RETRY_MAX_MS, WRITE_RETRY_BASE_MS * 2 ** attempt);
  return ceiling / 2 + random() * (ceiling / 2);
};

/** A record the store refused for good: sending it again would fail the same way. */
export interface UnstorableRecord {
  readonly record: PreparedRecord;
  readonly reason: string;
}

/**
 * Writes every record, retrying those the store refused for a passing reason (throttling that
 * outlasted the SDK's own retries, a 5xx) with backoff. Throws when some still fail: the run
 * ends without committing the batch, and the job is retried from its last checkpoint, where
 * the upserts are idempotent. A record refused for good is never retried: it is returned, for
 * the caller to report its rows.
 */
export async function writeAllRecords(store: RecordStore, workspaceId: string, records: readonly PreparedRecord[], sleep: Sleep = realSleep): Promise<UnstorableRecord[]> {
  const unstorable: UnstorableRecord[] = [];
  let pending = records;
  for (let attempt = 0; pending.length > 0; attempt++) {
    const outcomes = await store.upsertMany(workspaceId, pending);
    const refused: PreparedRecord[] = [];
    let reason = 'unknown';
    pending.forEach((record, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok === true) return;
      if (outcome && !outcome.retryable) return unstorable.push({ record, reason: outcome.reason });
      refused.push(record);
      reason = outcome?.reason ?? reason;
    });
    if (refused.length === 0) return unstorable;
    if (attempt + 1 >= WRITE_RETRY_ATTEMPTS) throw new Error(`${refused.length} records not stored after ${WRITE_RETRY_ATTEMPTS} attempts (${reason})`);
    await sleep(backoffMs(attempt));
    pending = refused;
  }
  return unstorable;
}
