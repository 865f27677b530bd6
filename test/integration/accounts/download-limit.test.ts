import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';
import { devAdmin, newUser, signIn } from './helpers.ts';

let t: TestCloud;
let admin: { access: string };

beforeAll(async () => {
  t = await startTestCloud();
  const creds = await devAdmin(t);
  admin = await signIn(t, creds.email, creds.password);
  // Exports are charged what they can produce: the matches, bounded by the cap. Give them 120.
  const companies = Array.from({ length: MATCHES }, (_, i) => ({ name: `Charged ${i}`, linkedin_url: `https://linkedin.com/company/charged-${i}` }));
  expect((await t.api('/v1/companies/batch-upsert', { body: companies })).status).toBe(200);
  await eventually(async () => (await t.api('/v1/companies/count', { body: {} })).body.count === MATCHES, 'the seeded companies to be searchable');
});

const MATCHES = 120;
afterAll(async () => {
  await t?.stop();
});

const exportJob = (key: string, limit: number | undefined) =>
  t.api('/v1/jobs', {
    key,
    body: { job_type: 'export_csv_file', job_data: { entity: 'company', ...(limit === undefined ? {} : { query: { limit } }) }, retry_count: 1 },
  });

describe('download limits on exports (POST /v1/jobs export_csv_file)', () => {
  it("It should charge each export's row cap and refuse the one that would pass the limit, before any job exists", async () => {
    const user = await newUser(t, admin.access, { download_limit: 100 });

    const first = await exportJob(user.access, 60);
    const refused = await exportJob(user.access, 60);
    const fits = await exportJob(user.access, 40);
    const full = await exportJob(user.access, 1);
    const jobs = await t.api('/v1/jobs?job_type=export_csv_file', { key: user.access });

    expect(first.status).toBe(201);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ERR_DOWNLOAD_LIMIT_EXCEEDED');
    expect(refused.body.error.details[0].path).toBe('download_limit');
    expect(fits.status).toBe(201);
    expect(full.status).toBe(403);
    // Only the two accepted exports exist: a refusal comes before the job is created.
    const ids = jobs.body.data.map((job: { id: string }) => job.id);
    expect(ids).toEqual(expect.arrayContaining([first.body.job.id, fits.body.job.id]));
    expect(ids.length).toBe(new Set([...ids]).size);
    expect(jobs.body.data.filter((job: { created_by?: string }) => job.created_by === user.id)).toHaveLength(2);
  });

  it("It should charge a key's exports to the user who created it, and raise the allowance when an admin does", async () => {
    const user = await newUser(t, admin.access, { download_limit: 10 });
    const key = (await t.api('/v1/api-keys', { key: user.access, body: { name: 'exports' } })).body.key as string;

    const overByKey = await exportJob(key, 11);
    const byKey = await exportJob(key, 10);
    const overByJwt = await exportJob(user.access, 1);
    await t.api(`/v1/users/${user.id}`, { key: admin.access, method: 'PATCH', body: { download_limit: 20 } });
    const afterRaise = await exportJob(user.access, 10);

    expect(overByKey.status).toBe(403);
    expect(byKey.status).toBe(201);
    expect(overByJwt.status).toBe(403);
    expect(afterRaise.status).toBe(201);
  });

  it('It should charge an export without a cap only the rows its query matches', async () => {
    const user = await newUser(t, admin.access, { download_limit: MATCHES + 50 });

    const uncapped = await exportJob(user.access, undefined);
    const again = await exportJob(user.access, undefined);
    const rest = await exportJob(user.access, 50);

    expect(uncapped.status).toBe(201);
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe('ERR_DOWNLOAD_LIMIT_EXCEEDED');
    expect(rest.status).toBe(201);
  });

  it('It should not charge imports, nor operator keys that belong to no user', async () => {
    const operator = await exportJob(t.keys.a, 1_000_000);

    expect(operator.status).toBe(201);
  });
});
