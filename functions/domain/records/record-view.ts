import type { StoredItem } from '../../ports/records.port.ts';

/** Storage keys and bookkeeping a client never sees; the workspace is implied by its credential. */
const INTERNAL_ATTRIBUTES = new Set(['pk', 'sk', 'workspace_id', 'entity', 'deleted_at']);

export type RecordView = Record<string, unknown> & { readonly uuid: string; readonly version: number };

/** A stored record as the API returns it. */
export function recordView(item: StoredItem): RecordView {
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (INTERNAL_ATTRIBUTES.has(key) || value === undefined) continue;
    view[key] = value instanceof Set ? [...(value as Set<unknown>)] : value;
  }
  return { ...view, uuid: String(item.uuid), version: Number(item.version) } as RecordView;
}
