import { describe, expect, it } from 'vitest';
import { companyFromOrganization, contactFromPerson } from '../../../../functions/domain/apollo/records/apollo-records.ts';
import { apolloRecordUuid } from '../../../../functions/domain/records/ids.ts';

describe('Apollo records', () => {
  it('It should map an organisation to a company with the seed fields, its Apollo identity, provenance and the rest in extra', () => {
    const record = companyFromOrganization(
      {
        id: 'abc123', name: '  Acme  Rockets ', website_url: 'https://www.acme.test', primary_domain: 'acme.test', primary_phone: { number: '+1 415 555 0100' },
        industry: 'aerospace', estimated_num_employees: 120, annual_revenue: 5_000_000, city: 'San Francisco', state: 'California', country: 'United States',
        street_address: '1 Market St', postal_code: '94105', linkedin_url: 'http://www.linkedin.com/company/acme', twitter_url: 'https://twitter.com/acme',
        facebook_url: 'https://facebook.com/acme', organization_headcount_twelve_month_growth: 0.12, total_funding: 20_000_000, latest_funding_stage: 'Series B',
        founded_year: 2015, departmental_head_count: { engineering: 40 }, seo_description: 'rockets',
      },
      ['task-1'],
    );
    expect(record.uuid).toBe(apolloRecordUuid('company', 'abc123'));
    expect(record.fields).toMatchObject({
      apollo_id: 'abc123', name: 'Acme Rockets', domain: 'acme.test', phone: '+1 415 555 0100', industries: ['aerospace'], employees_count: 120,
      annual_revenue: 5_000_000, city: 'san francisco', state: 'california', country: 'united states', address: '1 Market St, San Francisco, California, 94105, United States',
      headcount_growth_12m: 0.12, total_funding: 20_000_000, latest_funding_stage: 'Series B', founded_year: 2015, task_ids: ['task-1'],
    });
    expect(record.extra).toEqual({ apollo_departmental_head_count: '{"engineering":40}', apollo_seo_description: 'rockets' });
  });

  it('It should map a person to a linked contact keeping its employment history, and drop a value the catalog refuses into extra', () => {
    const history = [{ organization_name: 'Acme', title: 'CTO', current: true }];
    const record = contactFromPerson(
      { id: 'p1', first_name: 'Ada', last_name: 'Lovelace', title: 'CTO', email: 'not-an-email', email_status: 'Verified', seniority: 'C_Suite', departments: ['engineering'], functions: ['engineering'], employment_history: history },
      { uuid: apolloRecordUuid('company', 'abc123'), name: 'Acme' },
      ['task-1'],
    );
    expect(record.uuid).toBe(apolloRecordUuid('contact', 'p1'));
    expect(record.fields).toMatchObject({ first_name: 'Ada', email_status: 'verified', seniority: 'c_suite', departments: ['engineering'], functions: ['engineering'], company_id: apolloRecordUuid('company', 'abc123'), company_name: 'Acme', task_ids: ['task-1'] });
    expect(record.fields.email).toBeUndefined();
    expect(JSON.parse(record.extra?.apollo_employment_history ?? 'null')).toEqual(history);
  });
});
