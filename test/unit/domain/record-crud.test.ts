import { describe, expect, it } from 'vitest';
import { createContact } from '../../../functions/domain/records/create-contact.ts';
import { deleteRecord } from '../../../functions/domain/records/delete-record.ts';
import { getRecord } from '../../../functions/domain/records/get-record.ts';
import { contactUuid } from '../../../functions/domain/records/ids.ts';
import { patchRecord, preparePatch } from '../../../functions/domain/records/patch-record.ts';
import { conditionalWriteHeadersSchema, etagOf, expectedVersionOf, recordParamsSchema } from '../../../functions/domain/records/record-request.ts';
import { recordView } from '../../../functions/domain/records/record-view.ts';
import { AppError } from '../../../functions/platform/errors.ts';
import { johnDoe } from '../../helpers/factories.ts';
import { MemoryCrudStore } from '../../helpers/memory-crud-store.ts';

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    return (error as AppError).code;
  }
  return 'no error';
};

const john = contactUuid('John', 'Doe', 'https://linkedin.com/in/johndoe');

describe('record CRUD use cases', () => {
  it('It should create a contact under its deterministic uuid, normalised as in a batch upsert', async () => {
    // Prepare
    const store = new MemoryCrudStore();
    // Act
    const view = await createContact(store, 'ws-a', johnDoe());
    // Assess
    expect(view).toMatchObject({ uuid: john, version: 1, email: 'john.doe@acme.com', country: 'united states', seniority: 'senior' });
    expect(view).not.toHaveProperty('workspace_id');
    expect(view).not.toHaveProperty('pk');
  });

  it('It should refuse to create a contact that exists with ERR_CONFLICT, and replace a deleted one', async () => {
    const store = new MemoryCrudStore();
    await createContact(store, 'ws-a', johnDoe({ title: 'CEO' }));
    expect(await codeOf(createContact(store, 'ws-a', johnDoe()))).toBe('ERR_CONFLICT');
    await deleteRecord(store, 'ws-a', 'contact', john);
    const revived = await createContact(store, 'ws-a', johnDoe({ title: undefined }));
    expect(revived.version).toBe(3);
    expect(revived).not.toHaveProperty('title');
  });

  it('It should refuse an invalid contact with ERR_VALIDATION naming the field', async () => {
    const error = await createContact(new MemoryCrudStore(), 'ws-a', johnDoe({ email: 'not-an-email', nickname: 'x' })).catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details.map((d) => d.path).sort()).toEqual(['email', 'nickname']);
  });

  it('It should answer ERR_NOT_FOUND for another workspace\'s record, a deleted one, and a second delete', async () => {
    const store = new MemoryCrudStore();
    await createContact(store, 'ws-a', johnDoe());
    expect(await codeOf(getRecord(store, 'ws-b', 'contact', john))).toBe('ERR_NOT_FOUND');
    expect(await codeOf(patchRecord(store, 'ws-b', 'contact', john, { title: 'x' }))).toBe('ERR_NOT_FOUND');
    expect(await codeOf(deleteRecord(store, 'ws-b', 'contact', john))).toBe('ERR_NOT_FOUND');
    const deleted = await deleteRecord(store, 'ws-a', 'contact', john);
    expect(deleted).toMatchObject({ uuid: john, version: 2 });
    expect(await codeOf(getRecord(store, 'ws-a', 'contact', john))).toBe('ERR_NOT_FOUND');
    expect(await codeOf(deleteRecord(store, 'ws-a', 'contact', john))).toBe('ERR_NOT_FOUND');
  });

  it('It should patch at the expected version and refuse a stale one with ERR_CONFLICT', async () => {
    const store = new MemoryCrudStore();
    await createContact(store, 'ws-a', johnDoe());
    const patched = await patchRecord(store, 'ws-a', 'contact', john, { title: '  VP   Sales ', country: 'GERMANY' }, 1);
    expect(patched).toMatchObject({ title: 'VP Sales', country: 'germany', version: 2 });
    expect(await codeOf(patchRecord(store, 'ws-a', 'contact', john, { title: 'CTO' }, 1))).toBe('ERR_CONFLICT');
    expect(await codeOf(deleteRecord(store, 'ws-a', 'contact', john, 1))).toBe('ERR_CONFLICT');
    expect((await getRecord(store, 'ws-a', 'contact', john)).title).toBe('VP Sales');
  });
});

describe('preparePatch', () => {
  const uuid = '6f1c9a52-3b0e-5d4f-9a7e-2c8b1d0e4f31';

  it('It should normalise set fields, remove null ones and derive the domain from a new website', () => {
    expect(preparePatch('company', uuid, { website: 'https://www.Example.com/', employees_count: '1,200', phone: null })).toEqual({
      set: { website: 'https://www.example.com', domain: 'example.com', employees_count: 1200 },
      remove: ['phone'],
    });
  });

  it.each([
    { what: 'a list', body: [], path: 'body' },
    { what: 'an empty object', body: {}, path: 'body' },
    { what: 'only blanks', body: { name: '  ' }, path: 'body' },
    { what: 'another uuid', body: { uuid: '00000000-0000-4000-8000-000000000000', name: 'x' }, path: 'uuid' },
    { what: 'an unknown field', body: { title: 'x' }, path: 'title' },
    { what: 'a system field', body: { version: 9 }, path: 'version' },
    { what: 'a wrong type', body: { employees_count: 'many' }, path: 'employees_count' },
  ])('It should refuse $what with ERR_VALIDATION naming $path', ({ body, path }) => {
    const error = (() => {
      try {
        preparePatch('company', uuid, body);
      } catch (e) {
        return e as AppError;
      }
      return undefined;
    })();
    expect(error?.code).toBe('ERR_VALIDATION');
    expect(error?.details[0]?.path).toBe(path);
  });

  it('It should accept the record\'s own uuid in the body', () => {
    expect(preparePatch('contact', uuid, { uuid: uuid.toUpperCase(), title: 'CEO' }).set).toEqual({ title: 'CEO' });
  });
});

describe('record request parsing', () => {
  it.each([
    ['"3"', 3],
    ['3', 3],
    ['W/"12"', 12],
    ['*', undefined],
    [undefined, undefined],
  ])('It should read If-Match %s as version %s', (header, version) => {
    const parsed = conditionalWriteHeadersSchema.parse({ 'if-match': header });
    expect(expectedVersionOf(parsed['if-match'])).toBe(version);
  });

  it.each(['"abc"', '1,2', '"3", "4"', '-1'])('It should refuse If-Match %s', (header) => {
    expect(conditionalWriteHeadersSchema.safeParse({ 'if-match': header }).success).toBe(false);
  });

  it('It should lowercase a uuid and refuse anything else', () => {
    expect(recordParamsSchema.parse({ uuid: '6F1C9A52-3B0E-5D4F-9A7E-2C8B1D0E4F31' }).uuid).toBe('6f1c9a52-3b0e-5d4f-9a7e-2c8b1d0e4f31');
    expect(recordParamsSchema.safeParse({ uuid: '../etc/passwd' }).success).toBe(false);
  });

  it('It should quote the version as a strong ETag and hide storage attributes from the view', () => {
    expect(etagOf(7)).toBe('"7"');
    expect(recordView({ pk: 'p', sk: 'RECORD', workspace_id: 'w', entity: 'contact', deleted_at: 'x', uuid: 'u', version: 2, tags: new Set(['a']) })).toEqual({
      uuid: 'u',
      version: 2,
      tags: ['a'],
    });
  });
});
