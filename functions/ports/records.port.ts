import type { PreparedRecord } from '../domain/records/prepare.ts';

export type UpsertOutcome =
  | { readonly ok: true; readonly uuid: string; readonly created: boolean }
  | { readonly ok: false; readonly uuid: string; readonly reason: string };

/** The system of record for companies and contacts, always scoped by workspace. */
export interface RecordStore {
  /** Merges each record's fields into what is stored (creating it when new), one outcome per record, in order. */
  upsertMany(workspaceId: string, records: readonly PreparedRecord[]): Promise<UpsertOutcome[]>;
}
