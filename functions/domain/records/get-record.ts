import type { RecordCrudStore } from '../../ports/records.port.ts';
import type { Entity } from './fields.ts';
import { recordNotFound } from './record-errors.ts';
import { recordView, type RecordView } from './record-view.ts';

export async function getRecord(store: RecordCrudStore, workspaceId: string, entity: Entity, uuid: string): Promise<RecordView> {
  const item = await store.get(workspaceId, entity, uuid);
  if (!item) throw recordNotFound(entity, uuid);
  return recordView(item);
}
