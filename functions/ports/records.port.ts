import type { Provenance } from '../domain/records/provenance.ts';
import type { Entity } from '../domain/records/fields.ts';
import type { RecordFields } from '../domain/records/input-schemas.ts';
import type { PreparedRecord } from '../domain/records/prepare.ts';

export type UpsertOutcome =
  | { readonly ok: true; readonly uuid: string; readonly created: boolean }
  /** `retryable`: the same write may succeed later (throttling, a 5xx); false when it would fail again. */
  | { readonly ok: false; readonly uuid: string; readonly reason: string; readonly retryable: boolean };

/** The system of record for companies and contacts, always scoped by workspace. */
export interface RecordStore {
  /** Merges each record's fields into what is stored (creating it when new), one outcome per record, in order. */
  upsertMany(workspaceId: string, records: readonly PreparedRecord[]): Promise<UpsertOutcome[]>;
}

/** A record as stored, unmarshalled: its fields plus `uuid`, `version`, `created_at`, `updated_at`. */
export type StoredItem = Record<string, unknown>;

/** Fields to set (already normalised) and fields to remove, in one atomic write. */
export interface RecordChange {
  readonly set: RecordFields;
  readonly remove: readonly string[];
  /** Replaces the record's provenance map (where each collected field came from), when given. */
  readonly provenance?: Provenance;
}

export type CreateOutcome = { readonly ok: true; readonly item: StoredItem } | { readonly ok: false; readonly reason: 'exists' };

/** `not_found` covers a soft-deleted record: to clients it no longer exists. */
export type WriteOutcome =
  | { readonly ok: true; readonly item: StoredItem }
  | { readonly ok: false; readonly reason: 'not_found' }
  | { readonly ok: false; readonly reason: 'version_mismatch'; readonly currentVersion: number };

/**
 * One record at a time, by uuid, always scoped by workspace. `expectedVersion` makes a write
 * conditional (optimistic concurrency): it happens only if the stored version is still that one.
 */
export interface RecordCrudStore {
  /** The live record, or undefined when it does not exist or is soft-deleted. */
  get(workspaceId: string, entity: Entity, uuid: string): Promise<StoredItem | undefined>;
  /** Stores a new record; refuses when a live one has that uuid (a soft-deleted one is replaced). */
  create(workspaceId: string, record: PreparedRecord): Promise<CreateOutcome>;
  patch(workspaceId: string, entity: Entity, uuid: string, change: RecordChange, expectedVersion?: number): Promise<WriteOutcome>;
  /** Marks the record `deleted_at` (kept in the table, gone from reads and search). */
  softDelete(workspaceId: string, entity: Entity, uuid: string, expectedVersion?: number): Promise<WriteOutcome>;
}
