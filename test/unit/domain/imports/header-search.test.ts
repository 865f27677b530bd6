import { describe, expect, it } from 'vitest';
import { planColumns } from '../../../../functions/domain/imports/column-plan.ts';
import { certainTarget, synonymKey } from '../../../../functions/domain/imports/header-aliases.ts';
import { findHeader } from '../../../../functions/domain/imports/header-search.ts';
import { parseInsertCsvFileData } from '../../../../functions/domain/imports/import-job-data.ts';
import { mapRow } from '../../../../functions/domain/imports/row-mapper.ts';
import type { AppError } from '../../../../functions/platform/errors.ts';

const LINKEDIN_NOTES =
  'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email"\n\n';
const LINKEDIN_HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a failure');
}

describe('findHeader', () => {
  it("It should skip LinkedIn's Notes paragraph and its blank line, and start at the header's line", () => {
    // Prepare
    const text = Buffer.from(`${LINKEDIN_NOTES}${LINKEDIN_HEADER}Ann,Lee,https://www.linkedin.com/in/annlee,,Acme,CTO,01 Dec 2026\n`);
    // Act
    const found = findHeader(text, true, {});
    // Assess
    expect(found.row).toBe(4);
    expect(text.subarray(found.start).toString().startsWith(LINKEDIN_HEADER)).toBe(true);
    expect(found.plan.targets.slice(0, 6)).toEqual(['first_name', 'last_name', 'person_linkedin_url', 'email', 'company', 'title']);
  });

  it("It should skip a report's title line and detect the header's own delimiter", () => {
    // Prepare
    const text = Buffer.from('Leads report - exported 2026-12-01 09:00,,,\nFirst Name;Last Name;Company / Account;Email\nAnn;Lee;Acme;ann@acme.com\n');
    // Act
    const found = findHeader(text, true, {});
    // Assess
    expect([found.row, found.delimiter]).toEqual([2, ';']);
    expect(found.plan.targets).toEqual(['first_name', 'last_name', 'company', 'email']);
  });

  it('It should take job_data.header_row as the header, and refuse a line beyond the head or a blank one', () => {
    // Prepare
    const text = Buffer.from('Company,Name\nx,y\n\nFirst Name,Last Name\nAnn,Lee\n');
    // Act
    const found = findHeader(text, true, { headerRow: 4 });
    const beyond = thrown(() => findHeader(text, true, { headerRow: 9 }));
    const blank = thrown(() => findHeader(text, true, { headerRow: 3 }));
    // Assess
    expect(found.row).toBe(4);
    expect(found.plan.headers).toEqual(['First Name', 'Last Name']);
    expect(findHeader(text, true, {}).row).toBe(1);
    expect([beyond.code, beyond.details[0]?.path]).toEqual(['ERR_IMPORT_BAD_HEADER', 'job_data.header_row']);
    expect([blank.code, blank.details[0]?.path]).toEqual(['ERR_IMPORT_BAD_HEADER', 'job_data.header_row']);
  });

  it('It should fail a file whose first lines name no known column, naming both overrides', () => {
    // Act
    const error = thrown(() => findHeader(Buffer.from('alpha,beta\n1,2\n3,4\n'), true, {}));
    // Assess
    expect(error.code).toBe('ERR_IMPORT_BAD_HEADER');
    expect(error.message).toMatch(/column_map.*header_row/);
  });
});

describe('job_data.header_row', () => {
  it.each([[0], [31], [2.5], ['4']])('It should refuse %j as a 4xx naming the field', (headerRow) => {
    // Act
    const error = thrown(() => parseInsertCsvFileData({ s3_key: 'workspaces/ws1/uploads/u/x.csv', header_row: headerRow }));
    // Assess
    expect([error.code, error.details.map((d) => d.path)]).toEqual(['ERR_VALIDATION', ['header_row']]);
  });

  it('It should accept a line number within the searched lines', () => {
    // Act
    const data = parseInsertCsvFileData({ s3_key: 'workspaces/ws1/uploads/u/x.csv', header_row: 4 });
    // Assess
    expect(data.header_row).toBe(4);
  });
});

describe('synonymKey', () => {
  it.each([
    ['Company / Account', 'company'],
    ['Account Name', 'companyname'],
    ['Organisation Name', 'companyname'],
    ['company_name', 'companyname'],
    ['No. of Employees', 'employees'],
    ['Employee Count', 'employees'],
    ['E-mail', 'email'],
    ['firstName', 'firstname'],
    ['Phone Number', 'phone'],
    ['Prénom', 'prenom'],
  ])('It should read %j as %j', (header, key) => {
    // Act
    const normalised = synonymKey(header);
    // Assess
    expect(normalised).toBe(key);
  });
});

describe('certainTarget', () => {
  it.each([
    ['Account Name', 'company'],
    ['Organization', 'company'],
    ['Company / Account', 'company'],
    ['Organization LinkedIn URL', 'company_linkedin_url'],
    ['Number of Employees', 'employees'],
    ['employees_count', 'employees'],
    ['Account Description', 'company_description'],
    ['Account Phone', 'company_phone'],
    ['Firstname', 'first_name'],
    ['LAST NAME', 'last_name'],
    ['E-mail', 'email'],
    ['Mobile Phone Number', 'mobile_phone'],
    ['Cell Phone', 'mobile_phone'],
  ])('It should map %j to %s by its normalised form', (header, target) => {
    // Act
    const match = certainTarget(header);
    // Assess
    expect(match?.target).toBe(target);
  });

  it.each([['Account Owner'], ['Revenue (in 000s USD)'], ['Employee Range'], ['Lead Source']])('It should leave %j unmapped', (header) => {
    // Act
    const match = certainTarget(header);
    // Assess
    expect(match).toBeUndefined();
  });
});

describe('planColumns warnings', () => {
  it('It should map a Salesforce lead report, listing its unknown columns', () => {
    // Act
    const plan = planColumns(['First Name', 'Last Name', 'Title', 'Company / Account', 'Email', 'Mobile', 'Lead Source', 'Lead Status', 'City', 'No. of Employees']);
    // Assess
    expect(plan.targets).toEqual(['first_name', 'last_name', 'title', 'company', 'email', 'mobile_phone', undefined, undefined, 'city', 'employees']);
    expect(plan.warnings).toEqual([{ code: 'unmapped_columns', message: 'Not a known field, kept in extra: "Lead Source", "Lead Status"', columns: ['Lead Source', 'Lead Status'] }]);
  });

  it("It should take Apollo's Short Description over its SEO Description, and say so", () => {
    // Act
    const plan = planColumns(['Company', 'SEO Description', 'Short Description', 'Website']);
    // Assess
    expect(plan.targets).toEqual(['company', undefined, 'company_description', 'company_website']);
    expect(plan.extraKeys[1]).toBe('SEO Description');
    expect(plan.warnings).toEqual([expect.objectContaining({ code: 'candidate_columns', columns: ['Short Description', 'SEO Description'] })]);
  });

  it('It should let column_map choose among candidates', () => {
    // Act
    const plan = planColumns(['Company', 'SEO Description', 'Short Description'], { 'SEO Description': 'company_description' });
    // Assess
    expect(plan.targets).toEqual(['company', 'company_description', undefined]);
  });

  it('It should read the first of two identical headers and warn of the duplicate; an unknown one is also listed once as unmapped', () => {
    // Act
    const plan = planColumns(['First Name', 'Email', 'Email', 'Notes', 'Notes']);
    // Assess
    expect(plan.targets).toEqual(['first_name', 'email', undefined, undefined, undefined]);
    expect(plan.extraKeys).toEqual([undefined, undefined, 'Email', 'Notes', 'Notes (2)']);
    expect(plan.warnings.map((w) => [w.code, w.columns])).toEqual([
      ['duplicate_header', ['Email']],
      ['duplicate_header', ['Notes']],
      ['unmapped_columns', ['Notes']],
    ]);
  });
});

describe("Excel's text guard", () => {
  const plan = planColumns(['First Name', 'Last Name', 'Mobile Phone', 'Company', '# Employees', 'Title']);

  it('It should drop the apostrophe before a phone or a number, and keep it before a word', () => {
    // Act
    const mapped = mapRow(plan, ['Ann', 'Lee', "'+1 415 555 0100", 'Acme', "'1,200", "'Chief' of staff"]);
    // Assess
    expect(mapped.kind).toBe('records');
    if (mapped.kind !== 'records') return;
    const contact = mapped.records.find((r) => r.entity === 'contact');
    const company = mapped.records.find((r) => r.entity === 'company');
    expect(contact?.fields).toMatchObject({ mobile_phone: '+1 415 555 0100', title: "'Chief' of staff" });
    expect(company?.fields).toMatchObject({ employees_count: 1200 });
  });
});
