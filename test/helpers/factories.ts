import type { PreparedRecord } from '../../functions/domain/records/prepare.ts';
import type { ApiKeyRecord, ApiKeyStore } from '../../functions/ports/api-keys.port.ts';
import type { RecordStore, UpsertOutcome } from '../../functions/ports/records.port.ts';

/** An in-memory RecordStore that remembers every write, and can be told to fail some uuids. */
export class MemoryRecordStore implements RecordStore {
  readonly items = new Map<string, PreparedRecord['fields']>();
  readonly calls: PreparedRecord[][] = [];
  failing = new Set<string>();
  /** Uuids refused for good (a write that would fail the same way again). */
  refusing = new Set<string>();

  async upsertMany(workspaceId: string, records: readonly PreparedRecord[]): Promise<UpsertOutcome[]> {
    this.calls.push([...records]);
    return records.map((r) => {
      if (this.refusing.has(r.uuid)) return { ok: false, uuid: r.uuid, reason: 'ValidationException', retryable: false };
      if (this.failing.has(r.uuid)) return { ok: false, uuid: r.uuid, reason: 'ProvisionedThroughputExceededException', retryable: true };
      const key = `${workspaceId}#${r.entity}#${r.uuid}`;
      const created = !this.items.has(key);
      this.items.set(key, { ...this.items.get(key), ...r.fields });
      return { ok: true, uuid: r.uuid, created };
    });
  }
}

export class MemoryApiKeyStore implements ApiKeyStore {
  readonly keys = new Map<string, ApiKeyRecord>();
  async findByHash(hash: string) {
    return this.keys.get(hash);
  }
  async put(record: ApiKeyRecord) {
    this.keys.set(record.hash, record);
  }
  async revoke(hash: string, at: string) {
    const record = this.keys.get(hash);
    if (record) this.keys.set(hash, { ...record, revokedAt: at });
  }
}

export const acmeCompany = (overrides: Record<string, unknown> = {}) => ({
  name: 'Acme Corporation',
  linkedin_url: 'https://linkedin.com/company/acme-corp',
  employees_count: 500,
  industries: ['Technology', 'Software'],
  city: 'San Francisco',
  country: 'United States',
  website: 'https://acme.com',
  ...overrides,
});

export const johnDoe = (overrides: Record<string, unknown> = {}) => ({
  first_name: 'John',
  last_name: 'Doe',
  email: 'John.Doe@Acme.com',
  title: 'Senior Software Engineer',
  departments: ['Engineering'],
  seniority: 'Senior',
  country: 'United States',
  linkedin_url: 'https://linkedin.com/in/johndoe',
  ...overrides,
});
