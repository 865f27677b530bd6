import type { Entity } from '../../functions/domain/records/fields.ts';
import type { PreparedRecord } from '../../functions/domain/records/prepare.ts';
import type { CreateOutcome, RecordChange, RecordCrudStore, RecordStore, StoredItem, UpsertOutcome, WriteOutcome } from '../../functions/ports/records.port.ts';

/** Keeps items by workspace, entity and uuid, with the adapter's version and soft-delete rules. */
export class MemoryCrudStore implements RecordCrudStore, RecordStore {
  readonly items = new Map<string, StoredItem>();
  private key = (ws: string, entity: string, uuid: string) => `${ws}#${entity}#${uuid}`;

  async get(ws: string, entity: Entity, uuid: string) {
    const item = this.items.get(this.key(ws, entity, uuid));
    return item && !item.deleted_at ? item : undefined;
  }

  async create(ws: string, record: PreparedRecord): Promise<CreateOutcome> {
    const previous = this.items.get(this.key(ws, record.entity, record.uuid));
    if (previous && !previous.deleted_at) return { ok: false, reason: 'exists' };
    const item = { ...record.fields, ...(record.provenance ? { provenance: record.provenance } : {}), pk: 'x', workspace_id: ws, entity: record.entity, uuid: record.uuid, version: Number(previous?.version ?? 0) + 1, created_at: 't', updated_at: 't' };
    this.items.set(this.key(ws, record.entity, record.uuid), item);
    return { ok: true, item };
  }

  private write(ws: string, entity: Entity, uuid: string, expected: number | undefined, apply: (item: StoredItem) => StoredItem): WriteOutcome {
    const item = this.items.get(this.key(ws, entity, uuid));
    if (!item || item.deleted_at) return { ok: false, reason: 'not_found' };
    if (expected !== undefined && item.version !== expected) return { ok: false, reason: 'version_mismatch', currentVersion: Number(item.version) };
    const next = { ...apply(item), version: Number(item.version) + 1 };
    this.items.set(this.key(ws, entity, uuid), next);
    return { ok: true, item: next };
  }

  async patch(ws: string, entity: Entity, uuid: string, change: RecordChange, expected?: number) {
    return this.write(ws, entity, uuid, expected, (item) => {
      const next: StoredItem = { ...item, ...change.set, ...(change.provenance ? { provenance: change.provenance } : {}) };
      for (const field of change.remove) delete next[field];
      return next;
    });
  }

  async softDelete(ws: string, entity: Entity, uuid: string, expected?: number) {
    return this.write(ws, entity, uuid, expected, (item) => ({ ...item, deleted_at: '2026-01-01T00:00:00.000Z' }));
  }

  /** Merges fields into the stored record, creating it when new (the batch upsert's meaning). */
  async upsertMany(ws: string, records: readonly PreparedRecord[]): Promise<UpsertOutcome[]> {
    return records.map((record) => {
      const key = this.key(ws, record.entity, record.uuid);
      const previous = this.items.get(key);
      const live = previous && !previous.deleted_at ? previous : undefined;
      const base = live ?? { pk: 'x', workspace_id: ws, entity: record.entity, uuid: record.uuid, created_at: 't' };
      this.items.set(key, { ...base, ...record.fields, version: Number(previous?.version ?? 0) + 1, updated_at: 't' });
      return { ok: true, uuid: record.uuid, created: live === undefined };
    });
  }
}
