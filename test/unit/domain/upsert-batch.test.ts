import { describe, expect, it } from 'vitest';
import { MAX_UPSERT_ROWS, upsertBatch } from '../../../functions/domain/records/upsert-batch.ts';
import { AppError } from '../../../functions/platform/errors.ts';
import { MemoryRecordStore, acmeCompany, johnDoe } from '../../helpers/factories.ts';

const codeOf = async (p: Promise<unknown>) => p.then(() => 'resolved', (e: AppError) => e.code);

describe('upsertBatch', () => {
  it('It should refuse an empty batch, an oversize batch and a non-array body with their codes', async () => {
    const store = new MemoryRecordStore();
    expect(await codeOf(upsertBatch(store, 'ws', 'company', []))).toBe('ERR_EMPTY_PAYLOAD');
    expect(await codeOf(upsertBatch(store, 'ws', 'company', { data: [] }))).toBe('ERR_EMPTY_PAYLOAD');
    const tooMany = Array.from({ length: MAX_UPSERT_ROWS + 1 }, (_, i) => acmeCompany({ name: `C${i}` }));
    expect(await codeOf(upsertBatch(store, 'ws', 'company', tooMany))).toBe('ERR_BATCH_TOO_LARGE');
    expect(await codeOf(upsertBatch(store, 'ws', 'company', { rows: [] }))).toBe('ERR_VALIDATION');
    expect(store.calls).toHaveLength(0);
  });

  it('It should write valid rows and report invalid ones by index (207)', async () => {
    const store = new MemoryRecordStore();
    const report = await upsertBatch(store, 'ws', 'contact', [johnDoe(), johnDoe({ email: 'bad' }), johnDoe({ first_name: 'Jane' })]);
    expect(report.status).toBe(207);
    expect(report.created).toBe(2);
    expect(report.failed).toEqual([{ index: 1, errors: [expect.objectContaining({ path: 'email' })] }]);
    expect(report.contact_uuids?.[1]).toBeNull();
    expect(report.contact_uuids?.filter(Boolean)).toHaveLength(2);
    expect(report).not.toHaveProperty('company_uuids');
  });

  it('It should answer ERR_VALIDATION with row indexes when no row is valid', async () => {
    const error = await upsertBatch(new MemoryRecordStore(), 'ws', 'company', [{ nme: 'typo' }]).catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details[0]).toMatchObject({ index: 0, path: 'data[0].nme' });
  });

  it('It should merge rows naming the same record into one write, later fields winning', async () => {
    const store = new MemoryRecordStore();
    const report = await upsertBatch(store, 'ws', 'company', [acmeCompany({ employees_count: 100 }), acmeCompany({ employees_count: 200, city: 'Oakland' })]);
    expect(store.calls[0]).toHaveLength(1);
    expect(store.calls[0]?.[0]?.fields).toMatchObject({ employees_count: 200, city: 'oakland' });
    expect(report.company_uuids?.[0]).toBe(report.company_uuids?.[1]);
  });

  it('It should count a second send of the same record as an update', async () => {
    const store = new MemoryRecordStore();
    await upsertBatch(store, 'ws', 'company', [acmeCompany()]);
    const second = await upsertBatch(store, 'ws', 'company', [acmeCompany({ employees_count: 900 })]);
    expect(second).toMatchObject({ created: 0, updated: 1 });
    expect(store.items.size).toBe(1);
  });

  it('It should link CSV-like contacts to their company and write each company once', async () => {
    const store = new MemoryRecordStore();
    const rows = ['John', 'Jane'].map((first_name) => ({ company: 'Acme', company_linkedin_url: 'linkedin.com/company/acme', first_name, last_name: 'Doe' }));
    const report = await upsertBatch(store, 'ws', 'csv', { data: rows });
    expect(report.company_uuids?.[0]).toBe(report.company_uuids?.[1]);
    expect(store.calls[0]?.filter((r) => r.entity === 'company')).toHaveLength(1);
    expect(store.calls[0]?.filter((r) => r.entity === 'contact').map((r) => r.fields.company_id)).toEqual([report.company_uuids?.[0], report.company_uuids?.[0]]);
  });

  it('It should report a row the store could not write, so the client can resend it', async () => {
    const store = new MemoryRecordStore();
    const first = await upsertBatch(store, 'ws', 'company', [acmeCompany(), acmeCompany({ name: 'Other' })]);
    store.failing.add(String(first.company_uuids?.[1]));
    const second = await upsertBatch(store, 'ws', 'company', [acmeCompany(), acmeCompany({ name: 'Other' })]);
    expect(second.status).toBe(207);
    expect(second.failed).toEqual([{ index: 1, errors: [expect.objectContaining({ path: '(row)', message: expect.stringContaining('send this row again') })] }]);
  });

  it('It should not invite a resend of a row the store refuses for good', async () => {
    const store = new MemoryRecordStore();
    const first = await upsertBatch(store, 'ws', 'company', [acmeCompany(), acmeCompany({ name: 'Other' })]);
    store.refusing.add(String(first.company_uuids?.[1]));
    const second = await upsertBatch(store, 'ws', 'company', [acmeCompany(), acmeCompany({ name: 'Other' })]);
    expect(second.failed).toEqual([{ index: 1, errors: [{ path: '(row)', message: 'Not stored (ValidationException); the store refuses it as it is' }] }]);
  });
});
