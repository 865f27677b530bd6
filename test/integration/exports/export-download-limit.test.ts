import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobKey } from '../../../functions/adapters/dynamodb/jobs.dynamodb.ts';
import { devAdmin, newUser, signIn } from '../accounts/helpers.ts';
import { eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';
import { waitForJob } from '../imports/import-helpers.ts';

/**
 * Security regression suite: a `user` never gets more exported rows than their monthly
 * download limit, whatever the path (creation, retry, another principal's file), and an
 * invalid export is refused before anything is charged.
 */
let t: TestCloud;
let admin: { access: string };

/** A country no other test uses: its contacts are the only matches of QUERY. */
const MARKER = `atlantis-${Date.now()}`;
const QUERY = { where: { keyword_match: { must: { country: MARKER } } } };
const GROWN_TO = 50;

beforeAll(async () => {
  t = await startTestCloud();
  const creds = await devAdmin(t);
  admin = await signIn(t, creds.email, creds.password);
});

afterAll(async () => {
  await t?.stop();
});

const exportJob = (key: string, jobData: Record<string, unknown> = {}) =>
  t.api('/v1/jobs', { key, body: { job_type: 'export_csv_file', job_data: { entity: 'contact', query: QUERY, select_columns: ['email'], ...jobData }, retry_count: 1 } });

async function addMarkedContacts(count: number): Promise<void> {
  const contacts = Array.from({ length: count }, (_, i) => ({ first_name: `Grown${i}`, last_name: 'Set', email: `grown${i}@x.io`, country: MARKER }));
  expect((await t.api('/v1/contacts/batch-upsert', { body: contacts })).status).toBe(200);
  await eventually(async () => ((await t.api('/v1/contacts/count', { body: QUERY })).body.count === count ? true : undefined), 'the marked contacts to be searchable');
}

/** Data lines of a downloaded CSV (header and BOM left out). */
async function downloadedLines(key: string, jobId: string): Promise<number> {
  const link = await t.api(`/v1/jobs/${jobId}/download`, { key });
  expect(link.status).toBe(200);
  const text = await (await fetch(link.body.download_url)).text();
  return text.trimEnd().split('\r\n').length - 1;
}

describe('download limits hold on every path (security regression)', () => {
  it('It should not let a retry export the rows a result set gained after an export was charged', async () => {
    // Prepare: an export charged on an empty result (0 rows), left stopped before it ran.
    const user = await newUser(t, admin.access, { download_limit: 5 });
    const created = await exportJob(user.access);
    expect(created.status).toBe(201);
    await waitForJob(t, created.body.job.id, undefined, user.access);
    await t.documents.send(
      new UpdateCommand({
        TableName: t.cloud.resources.tables.control,
        Key: jobKey('dev', created.body.job.id),
        UpdateExpression: 'SET #status = :stopped REMOVE #result',
        ExpressionAttributeNames: { '#status': 'status', '#result': 'result' },
        ExpressionAttributeValues: { ':stopped': 'stopped' },
      }),
    );
    await addMarkedContacts(GROWN_TO);
    // Act
    const fresh = await exportJob(user.access);
    const retried = await t.api(`/v1/jobs/${created.body.job.id}/retry`, { method: 'POST', key: user.access });
    // Assess: the retry must pay for what it would write now, and 50 rows do not fit in 5.
    expect(fresh.status).toBe(403);
    expect(retried.status).toBe(403);
    expect(retried.body.error.code).toBe('ERR_DOWNLOAD_LIMIT_EXCEEDED');
    const job = await t.api(`/v1/jobs/${created.body.job.id}`, { key: user.access });
    expect(job.body.job.status).toBe('stopped');
  });

  it("It should charge a user who downloads another principal's export, once, and refuse one over the limit", async () => {
    // Prepare: an operator key's export of every marked contact (operators have no limit).
    const operatorExport = await exportJob(t.keys.a);
    expect(operatorExport.status).toBe(201);
    const id = operatorExport.body.job.id as string;
    expect((await waitForJob(t, id)).result).toMatchObject({ rows: GROWN_TO });
    const small = await newUser(t, admin.access, { download_limit: 5 });
    const big = await newUser(t, admin.access, { download_limit: GROWN_TO + 20 });
    // Act
    const refused = await t.api(`/v1/jobs/${id}/download`, { key: small.access });
    const first = await downloadedLines(big.access, id);
    const second = await downloadedLines(big.access, id);
    const rest = await exportJob(big.access, { query: { ...QUERY, limit: 20 } });
    const over = await exportJob(big.access, { query: { ...QUERY, limit: 1 } });
    // Assess: the big user paid 50 once (two downloads), so exactly 20 rows were left.
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ERR_DOWNLOAD_LIMIT_EXCEEDED');
    expect([first, second]).toEqual([GROWN_TO, GROWN_TO]);
    expect(rest.status).toBe(201);
    expect(over.status).toBe(403);
  });

  it('It should let the creator download their own export as often as they like, free', async () => {
    const user = await newUser(t, admin.access, { download_limit: 5 });
    const created = await exportJob(user.access, { query: { ...QUERY, limit: 5 } });
    expect(created.status).toBe(201);
    const job = await waitForJob(t, created.body.job.id, undefined, user.access);
    expect(job.result).toMatchObject({ rows: 5, charged_rows: 5, capped: true });
    expect(await downloadedLines(user.access, created.body.job.id)).toBe(5);
    expect(await downloadedLines(user.access, created.body.job.id)).toBe(5);
  });

  it('It should refuse an export naming an unknown column at creation (400 naming the field), charging nothing', async () => {
    const user = await newUser(t, admin.access, { download_limit: GROWN_TO });
    const invalid = await exportJob(user.access, { select_columns: ['no_such_column'] });
    const valid = await exportJob(user.access);
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('ERR_VALIDATION');
    expect(invalid.body.error.details.map((d: { path: string }) => d.path)).toContain('job_data.select_columns[0]');
    // All 50 rows are still there to be charged.
    expect(valid.status).toBe(201);
  });
});
