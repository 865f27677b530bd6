import { FIELDS, type Entity } from '../records/fields.ts';

/** Stored for the service's own use, never exported by default. */
const INTERNAL_FIELDS = new Set(['workspace_id', 'version']);

/** The file's columns: the ones asked for (in order, once each), or every field of the record type. */
export function exportColumns(entity: Entity, selected: readonly string[] | undefined): string[] {
  if (selected && selected.length > 0) return [...new Set(selected)];
  return Object.keys(FIELDS[entity]).filter((field) => !INTERNAL_FIELDS.has(field));
}
