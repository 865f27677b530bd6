import { validationError } from '../../platform/errors.ts';
import type { RecordCrudStore, RecordStore } from '../../ports/records.port.ts';
import { formFieldsOf, prepareCompanyOfContact, splitContactBody, upsertCompanyOfContact } from './contact-with-company.ts';
import { CONTACT_FIELDS } from './fields.ts';
import { prepareContact } from './prepare.ts';
import { recordNotFound, writtenOrThrow } from './record-errors.ts';
import { recordView, type RecordView } from './record-view.ts';

/** Bookkeeping a full update never clears: the record's identity, history and enrichment trail. */
const KEPT_ON_REPLACE = new Set(['uuid', 'workspace_id', 'created_at', 'updated_at', 'version']);

/**
 * `PUT /v1/contacts/{uuid}`: a full update. The body (the create form, in leadstack's or
 * Appointment360's names) becomes the contact's fields; a field it leaves out is removed, as a
 * form that no longer shows a value means it. The uuid is the path's, never re-derived.
 */
export async function replaceContact(
  store: RecordCrudStore & RecordStore,
  workspaceId: string,
  uuid: string,
  body: unknown,
  expectedVersion?: number,
): Promise<RecordView> {
  const split = splitContactBody(body);
  const bodyUuid = split.contact.uuid;
  if (bodyUuid !== undefined && bodyUuid !== null && String(bodyUuid).toLowerCase() !== uuid) {
    throw validationError('A record\'s uuid cannot change', [{ path: 'uuid', message: 'Must be the uuid of the path, or absent' }]);
  }
  const company = split.company ? prepareCompanyOfContact(split.company) : undefined;
  const fields = company && split.contact.company_id === undefined ? { ...split.contact, company_id: company.uuid } : split.contact;
  const prepared = prepareContact({ ...fields, uuid });
  if (!prepared.ok) throw validationError(`Invalid contact: ${prepared.errors.map((e) => e.path).join(', ')}`, prepared.errors);
  const set = prepared.record.fields;
  const remove = Object.keys(CONTACT_FIELDS).filter((field) => !KEPT_ON_REPLACE.has(field) && !Object.hasOwn(set, field));
  if (company) {
    // A contact that is not there (or another workspace's) must not leave its company behind.
    if (!(await store.get(workspaceId, 'contact', uuid))) throw recordNotFound('contact', uuid);
    await upsertCompanyOfContact(store, workspaceId, company);
  }
  const item = writtenOrThrow(await store.patch(workspaceId, 'contact', uuid, { set, remove }, expectedVersion), 'contact', uuid, expectedVersion);
  return { ...recordView(item), ...formFieldsOf(item, company) };
}
