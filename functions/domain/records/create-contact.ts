import { AppError, validationError } from '../../platform/errors.ts';
import type { RecordCrudStore } from '../../ports/records.port.ts';
import { prepareContact } from './prepare.ts';
import { recordView, type RecordView } from './record-view.ts';

/**
 * Creates one contact with the batch upsert's normalisation and deterministic identity, so the
 * contact a later import names is this one. A live contact with that identity is a conflict;
 * a soft-deleted one is replaced by the new contact (its old fields are not brought back).
 */
export async function createContact(store: RecordCrudStore, workspaceId: string, body: unknown): Promise<RecordView> {
  const prepared = prepareContact(body);
  if (!prepared.ok) throw validationError(`Invalid contact: ${prepared.errors.map((e) => e.path).join(', ')}`, prepared.errors);
  const outcome = await store.create(workspaceId, prepared.record);
  if (!outcome.ok) {
    throw new AppError('ERR_CONFLICT', `The contact ${prepared.record.uuid} already exists`, [
      { path: 'uuid', message: `Already exists: PATCH /v1/contacts/${prepared.record.uuid} changes it` },
    ]);
  }
  return recordView(outcome.item);
}
