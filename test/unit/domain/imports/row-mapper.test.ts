import { describe, expect, it } from 'vitest';
import { planColumns } from '../../../../functions/domain/imports/column-plan.ts';
import { mapRow } from '../../../../functions/domain/imports/row-mapper.ts';
import { companyUuid, contactUuid } from '../../../../functions/domain/records/ids.ts';

const plan = planColumns(['First Name', 'Last Name', 'Email', 'Company', 'Company Linkedin Url', '# Employees', 'Industry', 'City', 'Person Linkedin Url', 'Lead Score', '__proto__']);

describe('mapRow', () => {
  it('It should normalise a row into a company and a contact linked to it, with unknown columns in extra', () => {
    // Act
    const mapped = mapRow(plan, ['  John ', 'Doe', 'John.Doe@ACME.com', 'Acme  Corp', 'https://linkedin.com/company/acme/', '1,200', 'Software, Internet', 'San Francisco', 'https://linkedin.com/in/jd', '87', 'polluted']);
    // Assess
    expect(mapped.kind).toBe('records');
    if (mapped.kind !== 'records') return;
    const [company, contact] = mapped.records;
    expect(company).toMatchObject({ entity: 'company', uuid: companyUuid('Acme Corp', 'https://linkedin.com/company/acme'), fields: { name: 'Acme Corp', employees_count: 1200, industries: ['Software', 'Internet'] } });
    expect(company!.extra).toBeUndefined();
    expect(contact).toMatchObject({
      entity: 'contact',
      uuid: contactUuid('John', 'Doe', 'https://linkedin.com/in/jd'),
      fields: { first_name: 'John', email: 'john.doe@acme.com', city: 'san francisco', company_id: company!.uuid },
    });
    expect(contact!.extra).toEqual({ 'Lead Score': '87', '__proto__ (column 11)': 'polluted' });
    expect(Object.getPrototypeOf(contact!.extra)).toBe(Object.prototype);
    expect(Object.hasOwn(contact!.extra!, '__proto__')).toBe(false);
  });

  it('It should report each invalid cell under the file header', () => {
    // Act
    const mapped = mapRow(plan, ['John', 'Doe', 'not-an-email', 'Acme', '', '50-100', '', '', '', '', '']);
    // Assess
    expect(mapped).toEqual({
      kind: 'invalid',
      problems: expect.arrayContaining([
        { column: '# Employees', reason: expect.stringMatching(/Not a number/) },
        { column: 'Email', reason: 'Not an email address' },
      ]),
    });
  });

  it.each([
    ['fewer cells than the header', ['John', 'Doe']],
    ['more non-blank cells than the header', [...Array(11).fill('x'), 'surplus']],
  ])('It should refuse a row with %s as a row error', (_name, cells) => {
    // Act
    const mapped = mapRow(plan, cells);
    // Assess
    expect(mapped).toEqual({ kind: 'invalid', problems: [{ column: '(row)', reason: expect.stringMatching(/Expected 11 columns/) }] });
  });

  it('It should accept trailing blank cells beyond the header and skip an all-blank row', () => {
    // Act
    const trailing = mapRow(plan, ['Jane', 'Roe', '', '', '', '', '', '', '', '', '', '', ' ']);
    const blank = mapRow(plan, Array(11).fill(' '));
    // Assess
    expect(trailing.kind).toBe('records');
    expect(blank).toEqual({ kind: 'blank' });
  });

  it('It should store a formula-injection payload as plain text, unchanged', () => {
    // Act
    const mapped = mapRow(plan, ['=HYPERLINK("http://evil")', 'Doe', '', '+cmd|calc', '', '', '', '', '', '@SUM(1)', '']);
    // Assess
    expect(mapped.kind).toBe('records');
    if (mapped.kind !== 'records') return;
    expect(mapped.records[0]!.fields.name).toBe('+cmd|calc');
    expect(mapped.records[1]!.fields.first_name).toBe('=HYPERLINK("http://evil")');
    expect(mapped.records[1]!.extra).toEqual({ 'Lead Score': '@SUM(1)' });
  });

  it('It should refuse a row that names neither a company nor a person', () => {
    // Act
    const mapped = mapRow(plan, ['', '', '', '', '', '', 'Software', 'Paris', '', '', '']);
    // Assess
    expect(mapped.kind).toBe('invalid');
  });
});
