import { describe, expect, it } from 'vitest';
import { planColumns } from '../../../../functions/domain/imports/column-plan.ts';
import { AppError } from '../../../../functions/platform/errors.ts';

const targetsOf = (headers: string[], columnMap?: Record<string, string | null>) => {
  const plan = planColumns(headers, columnMap);
  return Object.fromEntries(plan.headers.map((h, i) => [h, plan.targets[i] ?? (plan.targets[i] === null ? null : `extra:${plan.extraKeys[i]}`)]));
};

describe('planColumns: header auto-mapping', () => {
  it.each([
    // Apollo people export
    ['Apollo people', ['First Name', 'Last Name', 'Title', 'Company', 'Email', 'Email Status', 'Seniority', 'Departments', '# Employees', 'Industry', 'Keywords', 'Person Linkedin Url', 'Website', 'Company Linkedin Url', 'City', 'State', 'Country', 'Company City', 'Company Country', 'Technologies', 'Annual Revenue', 'Total Funding', 'Mobile Phone', 'Corporate Phone', 'Apollo Contact Id'],
      { 'First Name': 'first_name', Company: 'company', '# Employees': 'employees', 'Person Linkedin Url': 'person_linkedin_url', Website: 'company_website', City: 'city', 'Company City': 'company_city', 'Corporate Phone': 'company_phone', 'Apollo Contact Id': 'extra:Apollo Contact Id' }],
    // Apollo companies export: no person, so "City" is not there but "Company City" is, and Company = name
    ['Apollo companies', ['Company', '# Employees', 'Industry', 'Website', 'Company Linkedin Url', 'Company City', 'Company State', 'Company Country', 'Company Phone', 'SEO Description', 'Founded Year', 'Apollo Account Id'],
      { Company: 'company', 'Company Phone': 'company_phone', 'SEO Description': 'company_description', 'Founded Year': 'founded_year', 'Apollo Account Id': 'extra:Apollo Account Id' }],
    // HubSpot contacts: State/Region and Country/Region belong to the person
    ['HubSpot contacts', ['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Job Title', 'Associated Company', 'City', 'State/Region', 'Country/Region', 'Mobile Phone Number'],
      { 'Job Title': 'title', 'Associated Company': 'company', 'State/Region': 'state', 'Country/Region': 'country', 'Mobile Phone Number': 'mobile_phone', 'Phone Number': 'extra:Phone Number' }],
    // HubSpot companies: the same spellings belong to the company
    ['HubSpot companies', ['Company name', 'Company Domain Name', 'Website URL', 'Industry', 'Number of Employees', 'Annual Revenue', 'City', 'State/Region', 'Country/Region', 'Phone Number', 'Description', 'LinkedIn Company Page', 'Year Founded'],
      { 'Company name': 'company', 'Company Domain Name': 'company_domain', City: 'company_city', 'State/Region': 'company_state', 'Country/Region': 'company_country', 'Phone Number': 'company_phone', Description: 'company_description', 'LinkedIn Company Page': 'company_linkedin_url', 'Year Founded': 'founded_year' }],
    // Salesforce contacts and accounts
    ['Salesforce contacts', ['First Name', 'Last Name', 'Title', 'Account Name', 'Email', 'Mobile', 'Mailing City', 'Mailing State/Province', 'Mailing Country', 'Department'],
      { 'Account Name': 'company', Mobile: 'mobile_phone', 'Mailing City': 'city', 'Mailing State/Province': 'state', Department: 'departments' }],
    ['Salesforce accounts', ['Account Name', 'Website', 'Billing City', 'Billing State/Province', 'Billing Country', 'Industry', 'Employees', 'Annual Revenue', 'Phone'],
      { 'Billing City': 'company_city', 'Billing State/Province': 'company_state', Employees: 'employees', Phone: 'company_phone' }],
    // LinkedIn Connections export
    ['LinkedIn connections', ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'],
      { URL: 'person_linkedin_url', 'Email Address': 'email', Position: 'title', 'Connected On': 'extra:Connected On' }],
    // ZoomInfo
    ['ZoomInfo', ['ZoomInfo Contact ID', 'First Name', 'Last Name', 'Job Title', 'Management Level', 'Job Function', 'Email Address', 'LinkedIn Contact Profile URL', 'Company Name', 'Website', 'Revenue (in 000s USD)', 'Employees', 'Primary Industry', 'LinkedIn Company Profile URL', 'Person City', 'Company HQ Phone'],
      { 'Management Level': 'seniority', 'Job Function': 'departments', 'LinkedIn Contact Profile URL': 'person_linkedin_url', 'Company Name': 'company', 'Revenue (in 000s USD)': 'extra:Revenue (in 000s USD)', 'Primary Industry': 'industry', 'LinkedIn Company Profile URL': 'company_linkedin_url', 'Person City': 'city', 'Company HQ Phone': 'company_phone' }],
    // The seed's own CSV-like names
    ['seed CSV-like', ['company', 'company_linkedin_url', 'email', 'first_name', 'last_name', 'title', 'departments', 'employees', 'industry', 'company_city', 'company_state', 'company_country', 'mobile_phone', 'person_linkedin_url'],
      { company: 'company', employees: 'employees', industry: 'industry', company_city: 'company_city', person_linkedin_url: 'person_linkedin_url' }],
  ])('It should map a %s header', (_name, headers, expected) => {
    // Act
    const targets = targetsOf(headers);
    // Assess
    expect(targets).toMatchObject(expected);
  });

  it('It should compare spellings without case, punctuation or spacing', () => {
    // Act
    const targets = targetsOf(['FIRST_NAME', 'last-name', ' E-Mail ', 'no. of employees', 'company']);
    // Assess
    expect(targets).toEqual({ FIRST_NAME: 'first_name', 'last-name': 'last_name', 'E-Mail': 'email', 'no. of employees': 'employees', company: 'company' });
  });

  it('It should let column_map override the detection, ignore a column (null) and match headers loosely', () => {
    // Act
    const targets = targetsOf(['Full Org', 'Contact First', 'Surname', 'Internal notes'], { 'full org': 'company', 'Contact First': 'first_name', 'Internal notes': null });
    // Assess
    expect(targets).toEqual({ 'Full Org': 'company', 'Contact First': 'first_name', Surname: 'last_name', 'Internal notes': null });
  });

  it('It should keep a second column for an already filled target, an unnamed column and a __proto__ header (under a key no reader mistakes) in extra', () => {
    // Act
    const plan = planColumns(['Email', 'first_name', 'E-mail', '', '__proto__', 'Notes', 'Notes']);
    // Assess
    expect(plan.targets).toEqual(['email', 'first_name', undefined, undefined, undefined, undefined, undefined]);
    expect(plan.extraKeys).toEqual([undefined, undefined, 'E-mail', 'column_4', '__proto__ (column 5)', 'Notes', 'Notes (2)']);
  });

  it.each([
    ['no identity column', ['Notes', 'Phone'], undefined, 'ERR_IMPORT_BAD_HEADER'],
    ['a column_map naming a missing header', ['First Name'], { Nope: 'company' }, 'ERR_IMPORT_BAD_HEADER'],
    ['too many columns', Array.from({ length: 501 }, (_, i) => `c${i}`), undefined, 'ERR_IMPORT_BAD_HEADER'],
    ['too many unknown columns', ['First Name', ...Array.from({ length: 65 }, (_, i) => `c${i}`)], undefined, 'ERR_IMPORT_BAD_HEADER'],
  ])('It should refuse a header with %s', (_name, headers, columnMap, code) => {
    // Act
    let error: unknown;
    try {
      planColumns(headers, columnMap as Record<string, string> | undefined);
    } catch (caught) {
      error = caught;
    }
    // Assess
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
  });
});
