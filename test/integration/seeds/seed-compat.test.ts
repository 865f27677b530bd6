/**
 * The seed products' own names and shapes on leadstack's routes: Connectra's export job
 * (`service`, `vql`, `s3_bucket`), its jobs list and upload URL, and OutersaleBackend's several
 * employee ranges. Bad input is refused naming the field, never followed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';
import { waitForJob } from '../imports/import-helpers.ts';

let t: TestCloud;
let bucket: string;

const COMPANIES = [
  { name: 'Tiny Co', employees_count: 10, industries: ['Software'], linkedin_url: 'https://linkedin.com/company/tiny' },
  { name: 'Mid Co', employees_count: 120, industries: ['Software', 'Health Care'], technologies: ['Python', 'Python Django', 'Go'], linkedin_url: 'https://linkedin.com/company/mid' },
  { name: 'Upper Co', employees_count: 300, industries: ['Health Care'], linkedin_url: 'https://linkedin.com/company/upper' },
  { name: 'Big Co', employees_count: 5000, industries: ['Software'], linkedin_url: 'https://linkedin.com/company/big' },
];
const CONTACTS = [
  { first_name: 'Ann', last_name: 'Lee', email: 'ann@acme.io', country: 'United States' },
  { first_name: 'Bob', last_name: 'Ray', email: 'bob@acme.io', country: 'France', city: 'Paris' },
  { first_name: 'Cy', last_name: 'Fox', email: 'cy@acme.io', country: 'United States', state: 'California' },
];

/** Connectra's export request, as its document writes it, with the given bucket. */
const connectraExport = (s3Bucket: string | undefined, extra: Record<string, unknown> = {}) => ({
  job_type: 'export_csv_file',
  job_data: {
    ...(s3Bucket === undefined ? {} : { s3_bucket: s3Bucket }),
    service: 'contact',
    vql: { where: { keyword_match: { must: { country: ['united states'] } } }, select_columns: ['first_name', 'last_name', 'email'], limit: 1000 },
    ...extra,
  },
  retry_count: 2,
});

beforeAll(async () => {
  t = await startTestCloud();
  const companies = await t.api('/v1/companies/batch-upsert', { body: COMPANIES });
  const contacts = await t.api('/v1/contacts/batch-upsert', { body: CONTACTS });
  const upload = await t.api('/v1/uploads/url?filename=contacts.csv');
  if (companies.status !== 200 || contacts.status !== 200 || upload.status !== 200) throw new Error('fixtures refused');
  bucket = upload.body.s3_bucket;
  await eventually(async () => {
    const [a, b] = await Promise.all([t.api('/v1/companies/count', { body: {} }), t.api('/v1/contacts/count', { body: {} })]);
    return a.body.count === COMPANIES.length && b.body.count === CONTACTS.length ? true : undefined;
  }, 'the records to be searchable');
}, 240_000);

afterAll(async () => {
  await t?.stop();
});

describe("Connectra's export job as its document writes it", () => {
  it('It should export the vql matches of the service, with leadstack\'s bucket named or absent', async () => {
    // Act
    const named = await t.api('/v1/jobs', { body: connectraExport(bucket) });
    const absent = await t.api('/v1/jobs', { body: connectraExport(undefined) });
    const job = await waitForJob(t, named.body.job.id);
    const file = await fetch((await t.api(`/v1/jobs/${named.body.job.id}/download`)).body.download_url);
    // Assess
    expect(named.status, JSON.stringify(named.body)).toBe(201);
    expect(absent.status, JSON.stringify(absent.body)).toBe(201);
    expect(named.body.job.job_data).toMatchObject({ entity: 'contact', query: { limit: 1000 } });
    expect(named.body.job.job_data).not.toHaveProperty('service');
    expect(named.body.job.job_data).not.toHaveProperty('s3_bucket');
    expect(job.status).toBe('completed');
    const text = await file.text();
    expect(text).toContain('ann@acme.io');
    expect(text).not.toContain('bob@acme.io');
  });

  it('It should refuse any other bucket, naming job_data.s3_bucket, and create no job', async () => {
    // Act
    const before = await t.api('/v1/jobs');
    const answer = await t.api('/v1/jobs', { body: connectraExport('your-bucket') });
    const imported = await t.api('/v1/jobs', { body: { job_type: 'insert_csv_file', job_data: { s3_key: 'uploads/x.csv', s3_bucket: 'attacker-bucket' } } });
    const after = await t.api('/v1/jobs');
    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'ERR_VALIDATION', details: [{ path: 'job_data.s3_bucket' }] });
    expect(imported.status).toBe(400);
    expect(imported.body.error.details[0].path).toBe('job_data.s3_bucket');
    expect(after.body.data.length).toBe(before.body.data.length);
  });

  it('It should accept an alias beside its canonical name when both agree, and refuse them when they differ', async () => {
    // Act
    const agree = await t.api('/v1/jobs', { body: connectraExport(undefined, { entity: 'contact' }) });
    const differ = await t.api('/v1/jobs', { body: connectraExport(undefined, { entity: 'company' }) });
    const none = await t.api('/v1/jobs', { body: { job_type: 'export_csv_file', job_data: { format: 'csv' } } });
    // Assess
    expect(agree.status, JSON.stringify(agree.body)).toBe(201);
    expect(differ.status).toBe(400);
    expect(differ.body.error.details).toEqual([expect.objectContaining({ path: 'job_data.service' })]);
    expect(none.status).toBe(400);
    expect(none.body.error.details).toEqual([expect.objectContaining({ path: 'job_data.entity' })]);
  });

  it('It should still refuse unknown fields, naming them', async () => {
    // Act
    const answer = await t.api('/v1/jobs', { body: connectraExport(undefined, { services: 'contact' }) });
    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toEqual([expect.objectContaining({ path: 'job_data.services', message: 'Unknown field: services' })]);
  });
});

describe("Connectra's jobs list, upload URL and filter data", () => {
  it('It should list jobs by a status array in a POST body, and refuse an unknown status naming it', async () => {
    // Act
    const listed = await t.api('/v1/jobs/search', { body: { job_type: 'export_csv_file', status: ['completed', 'in_queue', 'processing'], limit: 20 } });
    const wrong = await t.api('/v1/jobs/search', { body: { status: ['done'] } });
    // Assess
    expect(listed.status).toBe(200);
    expect(listed.body.data.length).toBeGreaterThan(0);
    for (const job of listed.body.data) expect(['completed', 'in_queue', 'processing']).toContain(job.status);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].path).toBe('status[0]');
  });

  it('It should answer an upload URL by filename, and ERR_MISSING_FILENAME without one', async () => {
    // Act
    const answer = await t.api('/v1/uploads/url?filename=contacts.csv');
    const missing = await t.api('/v1/uploads/url');
    const uploaded = await fetch(answer.body.upload_url, { method: 'POST', body: formWith(answer.body.fields, 'a,b\n1,2\n') });
    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ success: true, method: 'POST', s3_bucket: bucket });
    expect(answer.body.s3_key).toMatch(/contacts\.csv$/);
    expect(uploaded.status).toBeLessThan(300);
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('ERR_MISSING_FILENAME');
  });

  it('It should answer filter values at /filters/data', async () => {
    // Act
    const answer = await t.api('/v1/contact/filters/data', { body: { filter_key: 'country', search_text: 'united', page: 1, limit: 20 } });
    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body.data.map((d: { value: string }) => d.value)).toEqual(['united states']);
  });
});

describe("Appointment360's contact list", () => {
  it('It should match location against city, state or country, and give each contact its full_name', async () => {
    // Act
    const answer = await t.api('/v1/contacts?location=california,paris');
    // Assess
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.results.map((c: { full_name: string }) => c.full_name).sort()).toEqual(['Bob Ray', 'Cy Fox']);
  });
});

describe("Appointment360's industries", () => {
  it('It should list the companies\' industries with counts, most frequent first, and get one by id', async () => {
    // Act
    const list = await t.api('/v1/industries');
    const one = await t.api(`/v1/industries/${encodeURIComponent(list.body.data[1].id)}`);
    const unknown = await t.api('/v1/industries/mining');
    // Assess
    expect(list.status).toBe(200);
    expect(list.body.data.map((i: { name: string; count: number }) => [i.name.toLowerCase(), i.count])).toEqual([['software', 3], ['health care', 2]]);
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({ id: 'health care', count: 2, is_active: true });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('ERR_NOT_FOUND');
  });
});

describe("Appointment360's contact autocomplete", () => {
  it("It should suggest the contacts' companies' technologies", async () => {
    // Act
    const answer = await t.api('/v1/contacts/autocomplete?field=technologies&q=python');
    // Assess
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.data.map((s: { value: string }) => s.value.toLowerCase()).sort()).toEqual(['python', 'python django']);
  });
});

describe("OutersaleBackend's employee ranges", () => {
  it('It should match any of several comma-separated ranges', async () => {
    // Act
    const answer = await t.api('/v1/companies?employeeRange=51-200,201-500');
    const open = await t.api('/v1/companies?employeeRange=1-50,1001%2B');
    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((c: { name: string }) => c.name).sort()).toEqual(['Mid Co', 'Upper Co']);
    expect(open.body.results.map((c: { name: string }) => c.name).sort()).toEqual(['Big Co', 'Tiny Co']);
  });
});

function formWith(fields: Record<string, string>, content: string): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([content], { type: 'text/csv' }), 'contacts.csv');
  return form;
}
