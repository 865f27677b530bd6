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

/**
 * Writes every record, retrying those the store refused (throttling that outlasted the SDK's
 * own retries) with backoff. Throws when some still fail: the run ends without committing the
 * batch, and the job is retried from its last checkpoint, where the upserts are idempotent.
 */
export async function writeAllRecords(store: RecordStore, workspaceId: string, records: readonly PreparedRecord[], sleep: Sleep = realSleep): Promise<void> {
  let pending = records;
  for (let attempt = 0; pending.length > 0; attempt++) {
    const outcomes = await store.upsertMany(workspaceId, pending);
    const refused = pending.filter((_, i) => outcomes[i]?.ok !== true);
    if (refused.length === 0) return;
    if (attempt + 1 >= WRITE_RETRY_ATTEMPTS) {
      const reason = outcomes.find((o) => !o.ok);
      throw new Error(`${refused.length} records not stored after ${WRITE_RETRY_ATTEMPTS} attempts (${reason && !reason.ok ? reason.reason : 'unknown'})`);
    }
    await sleep(backoffMs(attempt));
    pending = refused;
  }
}
