import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import type { RecordStore } from '../../ports/records.port.ts';
import type { Entity } from './fields.ts';
import { prepareCsvLikeRow } from './csv-like-row.ts';
import { prepareCompany, prepareContact, type PreparedRecord, type RowError } from './prepare.ts';

/** Rows one upsert request may carry (Connectra's batch limit). */
export const MAX_UPSERT_ROWS = 1000;

export type UpsertKind = Entity | 'csv';

export interface UpsertReport {
  /** 200 when every row was written, 207 when some were, 400 when none were. */
  readonly status: 200 | 207;
  readonly company_uuids?: (string | null)[];
  readonly contact_uuids?: (string | null)[];
  readonly created: number;
  readonly updated: number;
  readonly failed: RowError[];
}

/** Accepts a bare array (Connectra's entity routes) or `{ "data": [...] }` (its common route). */
export function rowsOf(body: unknown): unknown[] {
  const rows = Array.isArray(body) ? body : (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(rows)) {
    throw new AppError('ERR_VALIDATION', 'Expected an array of rows, or { "data": [...] }', [{ path: 'body', message: 'Expected an array' }]);
  }
  if (rows.length === 0) throw new AppError('ERR_EMPTY_PAYLOAD', 'The batch has no rows', [{ path: 'data', message: 'Empty' }]);
  if (rows.length > MAX_UPSERT_ROWS) {
    throw new AppError('ERR_BATCH_TOO_LARGE', `A batch may hold at most ${MAX_UPSERT_ROWS} rows; got ${rows.length}`, [
      { path: 'data', message: `At most ${MAX_UPSERT_ROWS} rows` },
    ]);
  }
  return rows;
}

/** Rows naming the same record become one write, later rows' fields winning, as if applied in order. */
export class Writes {
  private readonly byKey = new Map<string, PreparedRecord>();
  readonly rowsOf = new Map<string, number[]>();

  add(record: PreparedRecord, row: number): void {
    const key = `${record.entity}#${record.uuid}`;
    const existing = this.byKey.get(key);
    const extra = existing?.extra || record.extra ? { extra: { ...existing?.extra, ...record.extra } } : {};
    this.byKey.set(key, existing ? { ...record, fields: { ...existing.fields, ...record.fields }, ...extra } : record);
    this.rowsOf.set(key, [...(this.rowsOf.get(key) ?? []), row]);
  }

  records(): PreparedRecord[] {
    return [...this.byKey.values()];
  }
}

function prepareRows(kind: UpsertKind, rows: unknown[]) {
  const writes = new Writes();
  const failed = new Map<number, ErrorDetail[]>();
  const companyUuids: (string | null)[] = rows.map(() => null);
  const contactUuids: (string | null)[] = rows.map(() => null);
  rows.forEach((row, index) => {
    if (kind === 'csv') {
      const result = prepareCsvLikeRow(row);
      if (result.errors.length > 0) return failed.set(index, result.errors);
      if (result.company) {
        writes.add(result.company, index);
        companyUuids[index] = result.company.uuid;
      }
      if (result.contact) {
        writes.add(result.contact, index);
        contactUuids[index] = result.contact.uuid;
      }
      return;
    }
    const result = kind === 'company' ? prepareCompany(row) : prepareContact(row);
    if (!result.ok) return failed.set(index, result.errors);
    writes.add(result.record, index);
    (kind === 'company' ? companyUuids : contactUuids)[index] = result.record.uuid;
  });
  return { writes, failed, companyUuids, contactUuids };
}

/**
 * Validates every row, writes the valid ones and reports the rest by index: one bad row never
 * costs the others their write, and nothing is dropped without being named.
 */
export async function upsertBatch(store: RecordStore, workspaceId: string, kind: UpsertKind, body: unknown): Promise<UpsertReport> {
  const rows = rowsOf(body);
  const { writes, failed, companyUuids, contactUuids } = prepareRows(kind, rows);
  const records = writes.records();
  const outcomes = records.length > 0 ? await store.upsertMany(workspaceId, records) : [];
  let created = 0;
  let updated = 0;
  outcomes.forEach((outcome, i) => {
    if (outcome.ok) return outcome.created ? created++ : updated++;
    const record = records[i] as PreparedRecord;
    for (const row of writes.rowsOf.get(`${record.entity}#${record.uuid}`) ?? []) {
      failed.set(row, [...(failed.get(row) ?? []), { path: '(row)', message: `Not stored (${outcome.reason}); ${outcome.retryable ? 'send this row again' : 'the store refuses it as it is'}` }]);
      companyUuids[row] = null;
      contactUuids[row] = null;
    }
  });
  const failures = [...failed.entries()].sort(([a], [b]) => a - b).map(([index, errors]) => ({ index, errors }));
  if (failures.length === rows.length) {
    const details = failures.flatMap((f) => f.errors.map((e) => ({ ...e, index: f.index, path: `data[${f.index}].${e.path}` })));
    throw new AppError('ERR_VALIDATION', 'No row was valid', details);
  }
  return {
    status: failures.length > 0 ? 207 : 200,
    ...(kind !== 'contact' ? { company_uuids: companyUuids } : {}),
    ...(kind !== 'company' ? { contact_uuids: contactUuids } : {}),
    created,
    updated,
    failed: failures,
  };
}
