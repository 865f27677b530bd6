import type { StoredItem } from '../../ports/records.port.ts';

/** Storage keys and bookkeeping a client never sees; the workspace is implied by its credential. */
const INTERNAL_ATTRIBUTES = new Set(['pk', 'sk', 'workspace_id', 'entity', 'deleted_at']);

export type RecordView = Record<string, unknown> & { readonly uuid: string; readonly version: number };

/**
 * A contact's `full_name` (Appointment360's frontends show it): its first and last names, as
 * stored; undefined when it has neither. Derived on read, never stored, so it cannot go stale.
 */
export function fullNameOf(record: Readonly<Record<string, unknown>>): string | undefined {
  const parts = [record.first_name, record.last_name].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.length === 0 ? undefined : parts.join(' ');
}

/** A stored record as the API returns it. */
export function recordView(item: StoredItem): RecordView {
  const view: Record<string, unknown> = {};
  const fullName = item.entity === 'contact' ? fullNameOf(item) : undefined;
  if (fullName !== undefined) view.full_name = fullName;
  for (const [key, value] of Object.entries(item)) {
    if (INTERNAL_ATTRIBUTES.has(key) || value === undefined) continue;
    view[key] = value instanceof Set ? [...(value as Set<unknown>)] : value;
  }
  return { ...view, uuid: String(item.uuid), version: Number(item.version) } as RecordView;
}
