/**
 * Signals kept as records of type `signal` (the records table, its stream, the `signals` index):
 * searchable like companies and contacts through VQL. Briefs are stored beside the indexed
 * fields as JSON text (the catalog indexes only scalar fields).
 */
import type { RecordStore } from '../../ports/records.port.ts';
import type { RecordFields } from '../records/input-schemas.ts';
import type { Signal } from './signal.ts';

export interface SignalStore {
  /** Creates or refreshes each signal (its uuid is stable per filing, item and type). */
  upsert(workspaceId: string, signals: readonly Signal[]): Promise<void>;
}

function fieldsOf(signal: Signal): RecordFields {
  const { briefs, uuid: _uuid, ...rest } = signal;
  const fields: RecordFields = {};
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) fields[key] = value as string | number;
  fields.briefs_json = JSON.stringify(briefs);
  return fields;
}

export function signalStoreFrom(records: RecordStore): SignalStore {
  return {
    async upsert(workspaceId, signals) {
      if (signals.length === 0) return;
      const outcomes = await records.upsertMany(workspaceId, signals.map((signal) => ({ entity: 'signal' as const, uuid: signal.uuid, fields: fieldsOf(signal) })));
      const failed = outcomes.filter((outcome) => !outcome.ok);
      // Transient: the job retries from its checkpoint, and the stable uuids make the rewrite harmless.
      if (failed.length > 0) throw new Error(`${failed.length} signal(s) not stored`);
    },
  };
}

function parseBriefs(raw: unknown): unknown {
  if (typeof raw !== 'string') return [];
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return [];
  }
}

/** A stored signal row (search hit or item) → the API's signal, briefs parsed back. */
export function signalView(row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { briefs_json: briefsJson, entity: _entity, workspace_id: _ws, version: _version, provenance: _provenance, ...rest } = row;
  return { ...rest, briefs: parseBriefs(briefsJson) };
}
