import { AppError, validationError } from '../../platform/errors.ts';
import type { RecordCrudStore, RecordStore } from '../../ports/records.port.ts';
import { formFieldsOf, prepareCompanyOfContact, splitContactBody, upsertCompanyOfContact } from './contact-with-company.ts';
import { prepareContact } from './prepare.ts';
import { recordView, type RecordView } from './record-view.ts';

/**
 * Creates one contact with the batch upsert's normalisation and deterministic identity, so the
 * contact a later import names is this one. A live contact with that identity is a conflict;
 * a soft-deleted one is replaced by the new contact (its old fields are not brought back).
 * A body carrying its company's fields (Appointment360's form) also merges that company and
 * links the contact to it; the company is written first, as its merge is harmless to repeat.
 */
export async function createContact(store: RecordCrudStore & RecordStore, workspaceId: string, body: unknown): Promise<RecordView> {
  const split = splitContactBody(body);
  const company = split.company ? prepareCompanyOfContact(split.company) : undefined;
  const prepared = prepareContact(company && split.contact.company_id === undefined ? { ...split.contact, company_id: company.uuid } : split.contact);
  if (!prepared.ok) throw validationError(`Invalid contact: ${prepared.errors.map((e) => e.path).join(', ')}`, prepared.errors);
  const conflict = () =>
    new AppError('ERR_CONFLICT', `The contact ${prepared.record.uuid} already exists`, [
      { path: 'uuid', message: `Already exists: PATCH /v1/contacts/${prepared.record.uuid} changes it` },
    ]);
  if (company) {
    // A conflicting create must not merge its company either.
    if (await store.get(workspaceId, 'contact', prepared.record.uuid)) throw conflict();
    await upsertCompanyOfContact(store, workspaceId, company);
  }
  const outcome = await store.create(workspaceId, prepared.record);
  if (!outcome.ok) throw conflict();
  return { ...recordView(outcome.item), ...formFieldsOf(outcome.item, company) };
}
