import { describe, expect, it } from 'vitest';
import { createContact } from '../../../functions/domain/records/create-contact.ts';
import { companyUuid, contactUuid } from '../../../functions/domain/records/ids.ts';
import { replaceContact } from '../../../functions/domain/records/replace-contact.ts';
import { AppError } from '../../../functions/platform/errors.ts';
import { MemoryCrudStore } from '../../helpers/memory-crud-store.ts';

/** Appointment360's create-contact body, as its document writes it. */
const form = {
  first_name: 'Jane',
  last_name: 'Smith',
  title: 'CTO',
  email: 'jane@example.com',
  company: 'XYZ Inc',
  industry: 'Healthcare',
  city: 'Boston',
  country: 'USA',
  employees: 200,
};

const pathsOf = async (promise: Promise<unknown>): Promise<string[]> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).details.map((d) => d.path).sort();
};

describe('a contact written with its company (Appointment360\'s form)', () => {
  it('It should store the contact under leadstack\'s names, merge its company and link them', async () => {
    // Prepare
    const store = new MemoryCrudStore();
    // Act
    const view = await createContact(store, 'ws-a', form);
    // Assess
    const xyz = companyUuid('XYZ Inc', undefined);
    expect(view).toMatchObject({ uuid: contactUuid('Jane', 'Smith', undefined), full_name: 'Jane Smith', company_name: 'XYZ Inc', company_id: xyz });
    expect(view).toMatchObject({ company: 'XYZ Inc', employees: 200 });
    expect(String(view.industry).toLowerCase()).toBe('healthcare');
    const company = await store.get('ws-a', 'company', xyz);
    expect(company).toMatchObject({ name: 'XYZ Inc', employees_count: 200 });
    expect(company?.industries).toHaveLength(1);
    expect(await store.get('ws-a', 'contact', view.uuid)).not.toHaveProperty('industry');
  });

  it('It should refuse company fields without the company\'s name, an alias that contradicts its field, and unknown fields, naming each', async () => {
    const store = new MemoryCrudStore();
    expect(await pathsOf(createContact(store, 'ws-a', { first_name: 'A', employees: 5 }))).toEqual(['company']);
    expect(await pathsOf(createContact(store, 'ws-a', { first_name: 'A', company: 'X', company_name: 'Y' }))).toEqual(['company']);
    expect(await pathsOf(createContact(store, 'ws-a', { ...form, employees: 'many' }))).toEqual(['employees']);
    expect(await pathsOf(createContact(store, 'ws-a', { ...form, nickname: 'J' }))).toEqual(['nickname']);
    expect(store.items.size).toBe(0);
  });

  it('It should replace every field on PUT: what the body leaves out is removed, the uuid stays the path\'s', async () => {
    // Prepare
    const store = new MemoryCrudStore();
    const created = await createContact(store, 'ws-a', form);
    // Act
    const replaced = await replaceContact(store, 'ws-a', created.uuid, { first_name: 'Jane', last_name: 'Smith-Jones', company: 'ABC Corp', employees: 500 });
    // Assess
    expect(replaced).toMatchObject({ uuid: created.uuid, version: 2, last_name: 'Smith-Jones', company_name: 'ABC Corp', company_id: companyUuid('ABC Corp', undefined), employees: 500 });
    for (const gone of ['title', 'email', 'city', 'country']) expect(replaced, gone).not.toHaveProperty(gone);
    expect(await pathsOf(replaceContact(store, 'ws-a', created.uuid, { ...form, uuid: contactUuid('Someone', 'Else', undefined) }))).toEqual(['uuid']);
    const elsewhere = await replaceContact(store, 'ws-b', created.uuid, form).catch((e: AppError) => e.code);
    expect(elsewhere).toBe('ERR_NOT_FOUND');
    expect([...store.items.keys()].filter((key) => key.startsWith('ws-b'))).toEqual([]);
    expect(await createContact(store, 'ws-a', { ...form, company: 'Conflict Co' }).catch((e: AppError) => e.code)).toBe('ERR_CONFLICT');
    expect(await store.get('ws-a', 'company', companyUuid('Conflict Co', undefined))).toBeUndefined();
  });
});
