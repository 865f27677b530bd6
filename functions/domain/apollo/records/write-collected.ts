import type { RecordCrudStore, RecordStore } from '../../../ports/records.port.ts';
import type { PreparedRecord } from '../../records/prepare.ts';

export type CollectedRecordStore = RecordStore & Pick<RecordCrudStore, 'get'>;

/** Storage refused a write it may accept later: the page is tried again. */
export class CollectedWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CollectedWriteError';
  }
}

/**
 * Merges collected records through the normal upsert path. A record keeps every task that ever
 * collected it: the stored `task_ids` are read and this task's added, so collecting again (by
 * this task after a crash, or another task) updates the record and its provenance, never
 * duplicates it. Two tasks writing one record in the same instant may each miss the other's id
 * (a read-then-merge, not an atomic set union).
 */
export async function writeCollected(records: CollectedRecordStore, workspaceId: string, batch: readonly PreparedRecord[]): Promise<void> {
  if (batch.length === 0) return;
  const merged = await Promise.all(
    batch.map(async (record) => {
      const stored = await records.get(workspaceId, record.entity, record.uuid);
      const before = Array.isArray(stored?.task_ids) ? (stored.task_ids as string[]) : [];
      const mine = Array.isArray(record.fields.task_ids) ? record.fields.task_ids : [];
      return { ...record, fields: { ...record.fields, task_ids: [...new Set([...before, ...mine])] } };
    }),
  );
  const outcomes = await records.upsertMany(workspaceId, merged);
  const failed = outcomes.filter((outcome) => !outcome.ok);
  if (failed.length > 0) throw new CollectedWriteError(`${failed.length} collected records could not be written`);
}
