import type { RecordCrudStore } from '../../ports/records.port.ts';
import type { Entity } from './fields.ts';
import { writtenOrThrow } from './record-errors.ts';

export interface DeletedRecord {
  readonly uuid: string;
  readonly version: number;
  readonly deleted_at: string;
}

/**
 * Soft delete: the record stays in the table with `deleted_at` (and its version bumped, so the
 * stream indexer's versioned delete wins over any older index write), and disappears from get
 * and search. Deleting it again is a 404, as for any record that does not exist.
 */
export async function deleteRecord(store: RecordCrudStore, workspaceId: string, entity: Entity, uuid: string, expectedVersion?: number): Promise<DeletedRecord> {
  const item = writtenOrThrow(await store.softDelete(workspaceId, entity, uuid, expectedVersion), entity, uuid, expectedVersion);
  return { uuid, version: Number(item.version), deleted_at: String(item.deleted_at) };
}
