import { describe, expect, it } from 'vitest';
import { companyUuid, contactUuid } from '../../../functions/domain/records/ids.ts';
import { prepareCompany, prepareContact } from '../../../functions/domain/records/prepare.ts';
import { prepareCsvLikeRow } from '../../../functions/domain/records/csv-like-row.ts';
import { acmeCompany, johnDoe } from '../../helpers/factories.ts';

describe('record preparation', () => {
  it('It should derive the same company uuid from differently spelled identity fields', () => {
    const a = companyUuid('Acme  Corporation', 'https://linkedin.com/company/acme-corp/');
    const b = companyUuid('acme corporation', 'http://www.linkedin.com/company/acme-corp');
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(companyUuid('Acme Corporation', undefined)).not.toBe(a);
  });

  it('It should keep company and contact identities apart', () => {
    expect(contactUuid('Acme', '', '')).not.toBe(companyUuid('Acme', ''));
  });

  it('It should normalise a company: lowercase places and URLs, lists, lenient numbers, domain', () => {
    const result = prepareCompany(acmeCompany({ city: '  San   Francisco ', employees_count: '1,200', industries: 'Technology, Software', annual_revenue: '$5M' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record.fields).toMatchObject({
      name: 'Acme Corporation',
      city: 'san francisco',
      country: 'united states',
      employees_count: 1200,
      industries: ['Technology', 'Software'],
      annual_revenue: 5_000_000,
      linkedin_url: 'https://linkedin.com/company/acme-corp',
      domain: 'acme.com',
    });
    expect(result.record.uuid).toBe(companyUuid('Acme Corporation', 'https://linkedin.com/company/acme-corp'));
  });

  it('It should let an explicit uuid name the record', () => {
    const uuid = 'A1B2C3D4-E5F6-4890-ABCD-EF1234567890';
    const result = prepareContact({ uuid, title: 'CTO' });
    expect(result).toMatchObject({ ok: true, record: { uuid: uuid.toLowerCase(), fields: { title: 'CTO' } } });
  });

  it('It should name each invalid field of a row', () => {
    const result = prepareContact(johnDoe({ email: 'not-an-email', departments: 42, nickname: 'JD' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.errors.map((e) => e.path).sort();
    expect(paths).toEqual(['departments', 'email', 'nickname']);
  });

  it('It should refuse a record with no identity', () => {
    const result = prepareContact({ email: 'a@b.co' });
    expect(result).toMatchObject({ ok: false, errors: [{ path: 'first_name' }] });
  });

  it('It should treat blank cells as not provided rather than as values', () => {
    const result = prepareCompany(acmeCompany({ city: '  ', website: null, employees_count: '' }));
    expect(result.ok && result.record.fields).not.toHaveProperty('city');
    expect(result.ok && result.record.fields).not.toHaveProperty('employees_count');
  });

  it('It should refuse an out-of-range founded_year and a fractional head count', () => {
    const result = prepareCompany(acmeCompany({ founded_year: 99, employees_count: '1.5' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path).sort()).toEqual(['employees_count', 'founded_year']);
  });

  it('It should turn a CSV-like row into a company and a contact linked to it', () => {
    const row = {
      company: 'Acme Corporation',
      company_linkedin_url: 'https://linkedin.com/company/acme-corp',
      email: 'john.doe@acme.com',
      first_name: 'John',
      last_name: 'Doe',
      departments: 'Engineering, Product',
      employees: '500',
      industry: 'Technology, Software',
      company_city: 'San Francisco',
      person_linkedin_url: 'https://linkedin.com/in/johndoe',
    };
    const { company, contact, errors } = prepareCsvLikeRow(row);
    expect(errors).toEqual([]);
    expect(company?.fields).toMatchObject({ name: 'Acme Corporation', employees_count: 500, city: 'san francisco', industries: ['Technology', 'Software'] });
    expect(contact?.fields).toMatchObject({ company_id: company?.uuid, company_name: 'Acme Corporation', departments: ['Engineering', 'Product'] });
    expect(contact?.fields).not.toHaveProperty('city');
  });

  it('It should report CSV-like errors on the client\'s own column names', () => {
    const { errors } = prepareCsvLikeRow({ company: 'Acme', employees: 'lots', first_name: 'Jo', email: 'x' });
    expect(errors.map((e) => e.path).sort()).toEqual(['email', 'employees']);
  });
});
