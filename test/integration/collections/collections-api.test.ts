import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

const URL = 'https://app.apollo.io/#/companies?organizationLocations%5B%5D=California&organizationIndustryTagIds[]=tech_industry_id&organizationNumEmployeesRanges[]=51%252C200&mysteryFilter[]=x&page=2';

let t: TestCloud;

beforeAll(async () => {
  t = await startTestCloud();
}, 240_000);
afterAll(async () => {
  await t?.stop();
});

describe('collections API through the local cloud', () => {
  it('It should turn an Apollo URL into a task with its summary, parsed filters and the parameters it did not understand', async () => {
    const created = await t.api('/v1/collections/apollo', { body: { apollo_url: URL, task_name: 'California Tech Companies', people_per_organization: 10 } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      success: true,
      task_name: 'California Tech Companies',
      search_summary: 'Locations: California; Employees: 51-200; Industries: tech_industry_id',
      filters: { organization_locations: ['California'], organization_industry_tag_ids: ['tech_industry_id'], organization_num_employees_ranges: ['51,200'] },
      unrecognized_parameters: ['mysteryFilter'],
      ignored_parameters: ['page'],
      state: 'started',
    });
    const job = await t.api(`/v1/jobs/${created.body.task_id}`);
    expect(job.body.job).toMatchObject({ job_type: 'apollo_collection', job_data: { apollo_url: URL, include_people: true, people_per_organization: 10 } });
    const list = await t.api('/v1/collections');
    expect(list.status).toBe(200);
    expect(list.body.data.map((task: { task_id: string }) => task.task_id)).toContain(created.body.task_id);
    const status = await t.api('/v1/collections/status');
    expect(status.status).toBe(200);
    expect(typeof status.body.is_running).toBe('boolean');
  });

  const bad: { name: string; body: Record<string, unknown>; path: string }[] = [
    { name: 'a URL of another host', body: { apollo_url: 'https://evil.example/#/companies?organizationLocations[]=x', task_name: 'x' }, path: 'apollo_url' },
    { name: 'a malformed encoding', body: { apollo_url: 'https://app.apollo.io/#/companies?organizationLocations[]=%ZZ', task_name: 'x' }, path: 'apollo_url' },
    { name: 'no filter and no ceiling', body: { apollo_url: 'https://app.apollo.io/#/companies?sortByField=name', task_name: 'x' }, path: 'apollo_url' },
    { name: 'no task name', body: { apollo_url: URL }, path: 'task_name' },
    { name: 'too many people per organisation', body: { apollo_url: URL, task_name: 'x', people_per_organization: 1000 }, path: 'people_per_organization' },
    { name: 'an unknown option', body: { apollo_url: URL, task_name: 'x', speed: 'max' }, path: 'speed' },
  ];
  for (const { name, body, path } of bad) {
    it(`It should refuse ${name} naming ${path}`, async () => {
      const answer = await t.api('/v1/collections/apollo', { body });
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(answer.body.error.code).toBe('ERR_VALIDATION');
      expect(answer.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    });
  }

  it('It should accept no filter when a ceiling is set, and check the URL through POST /v1/jobs too', async () => {
    const ceiling = await t.api('/v1/collections/apollo', { body: { apollo_url: 'https://app.apollo.io/#/companies', task_name: 'first 100', max_organizations: 100 } });
    expect(ceiling.status, JSON.stringify(ceiling.body)).toBe(201);
    const viaJobs = await t.api('/v1/jobs', { body: { job_type: 'apollo_collection', job_data: { apollo_url: 'https://evil.example/#/companies?organizationLocations[]=x', task_name: 'x' } } });
    expect(viaJobs.status).toBe(400);
    expect(viaJobs.body.error.details.map((d: { path: string }) => d.path)).toContain('job_data.apollo_url');
  });

  it('It should answer what a task collected, organisations with their people, and refuse another workspace task', async () => {
    const task = (await t.api('/v1/collections/apollo', { body: { apollo_url: URL, task_name: 'mapping' } })).body.task_id as string;
    const company = await t.api('/v1/companies/batch-upsert', { body: [{ name: 'Mapped Co', linkedin_url: 'https://linkedin.com/company/mapped-co', task_ids: [task] }, { name: 'Other Co', task_ids: ['someone-else'] }] });
    expect(company.status, JSON.stringify(company.body)).toBe(200);
    const companyUuid = company.body.company_uuids[0] as string;
    const person = await t.api('/v1/contacts/batch-upsert', { body: [{ first_name: 'Mia', last_name: 'Mapped', company_id: companyUuid, task_ids: [task] }] });
    expect(person.status, JSON.stringify(person.body)).toBe(200);
    await eventually(async () => (await t.api('/v1/collections/records', { body: { task_ids: [task], data_type: 'people' } })).body.count === 1, 'collected records indexed');
    const orgs = await t.api('/v1/collections/records', { body: { task_ids: [task], data_type: 'organizations', page: 1, page_size: 25 } });
    expect(orgs.status, JSON.stringify(orgs.body)).toBe(200);
    expect(orgs.body.count).toBe(1);
    expect(orgs.body.results[0]).toMatchObject({ uuid: companyUuid, name: 'Mapped Co' });
    expect(orgs.body.results[0].people.map((p: { first_name: string }) => p.first_name)).toEqual(['Mia']);
    const fromB = await t.api('/v1/collections/records', { key: t.keys.b, body: { task_ids: [task] } });
    expect(fromB.status).toBe(404);
    expect(fromB.body.error).toMatchObject({ code: 'ERR_NOT_FOUND', details: [{ path: 'task_ids[0]' }] });
  });
});
