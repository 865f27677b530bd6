import type { IndexOperation } from '../../ports/search.port.ts';
import { ENTITIES, FIELDS, type Entity } from './fields.ts';

/** A record as stored in DynamoDB, unmarshalled. */
export type StoredRecord = Record<string, unknown>;

const isEntity = (value: unknown): value is Entity => ENTITIES.includes(value as Entity);

/** Documents of different workspaces may share a deterministic uuid; the id keeps them apart. */
export const searchDocumentId = (workspaceId: string, uuid: string): string => `${workspaceId}:${uuid}`;

/** Only catalogued fields reach the index, whose mappings are strict. */
function documentOf(entity: Entity, item: StoredRecord): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  for (const field of Object.keys(FIELDS[entity])) {
    const value = item[field];
    if (value === undefined || value === null) continue;
    doc[field] = value instanceof Set ? [...value] : value;
  }
  return doc;
}

/**
 * What one stream record means for the index. The stored `version` orders the writes, so a
 * retried or reordered batch can never put an older state over a newer one.
 */
export function indexOperationFor(eventName: string, newImage: StoredRecord | undefined, oldImage: StoredRecord | undefined): IndexOperation | undefined {
  const image = eventName === 'REMOVE' ? oldImage : newImage;
  if (!image || !isEntity(image.entity)) return undefined;
  const workspaceId = String(image.workspace_id);
  const id = searchDocumentId(workspaceId, String(image.uuid));
  const version = Number(image.version ?? 0);
  if (eventName === 'REMOVE') return { entity: image.entity, id, version: version + 1 };
  if (image.deleted_at) return { entity: image.entity, id, version };
  return { entity: image.entity, id, version, document: documentOf(image.entity, image) };
}
