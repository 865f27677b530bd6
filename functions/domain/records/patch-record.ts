import { validationError } from '../../platform/errors.ts';
import type { RecordChange, RecordCrudStore } from '../../ports/records.port.ts';
import type { Entity } from './fields.ts';
import { prepareCompany, prepareContact } from './prepare.ts';
import { writtenOrThrow } from './record-errors.ts';
import { recordView, type RecordView } from './record-view.ts';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A partial update, validated by the same strict schema as an upsert row and normalised the
 * same way (`domain` follows `website`...). A field set to null is removed; an absent or blank
 * one is left as stored. The uuid is the record's address and never changes, even when a
 * name or LinkedIn URL it was derived from does.
 */
export function preparePatch(entity: Entity, uuid: string, body: unknown): RecordChange {
  if (!isPlainObject(body)) throw validationError('Expected a JSON object of fields', [{ path: 'body', message: 'Expected an object' }]);
  const { uuid: bodyUuid, ...fields } = body;
  if (bodyUuid !== undefined && bodyUuid !== null && String(bodyUuid).toLowerCase() !== uuid) {
    throw validationError('A record\'s uuid cannot change', [{ path: 'uuid', message: 'Must be the uuid of the path, or absent' }]);
  }
  const prepared = (entity === 'company' ? prepareCompany : prepareContact)({ ...fields, uuid });
  if (!prepared.ok) throw validationError(`Invalid ${entity}: ${prepared.errors.map((e) => e.path).join(', ')}`, prepared.errors);
  const set = prepared.record.fields;
  const remove = Object.keys(fields).filter((field) => fields[field] === null && !Object.hasOwn(set, field));
  if (Object.keys(set).length === 0 && remove.length === 0) {
    throw validationError('Nothing to update', [{ path: 'body', message: 'Give at least one field to set, or null to remove one' }]);
  }
  return { set, remove };
}

export async function patchRecord(
  store: RecordCrudStore,
  workspaceId: string,
  entity: Entity,
  uuid: string,
  body: unknown,
  expectedVersion?: number,
): Promise<RecordView> {
  const change = preparePatch(entity, uuid, body);
  const item = writtenOrThrow(await store.patch(workspaceId, entity, uuid, change, expectedVersion), entity, uuid, expectedVersion);
  return recordView(item);
}
