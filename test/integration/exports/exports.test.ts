import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';
import { v7 as uuidv7 } from 'uuid';
import { DynamoJobStore } from '../../../functions/adapters/dynamodb/jobs.dynamodb.ts';
import { waitForJob } from '../imports/import-helpers.ts';

let t: TestCloud;
/** Workspace A's contacts' uuids, in CONTACTS order. */
let uuids: string[];

/** Contacts of workspace A: some in France (exported), one hostile, one outside the filter. */
const CONTACTS = [
  { first_name: 'Ann', last_name: 'Lee', email: 'ann@acme.io', title: 'VP Sales', country: 'France', departments: ['sales', 'ops'], linkedin_url: 'https://linkedin.com/in/ann' },
  { first_name: 'Bob', last_name: 'Stone, Jr', email: 'bob@acme.io', title: 'Says "hi"\ntwice', country: 'France', linkedin_url: 'https://linkedin.com/in/bob' },
  { first_name: 'Eve', last_name: 'Hacker', email: 'eve@evil.io', title: '=HYPERLINK("http://evil.io","click")', country: 'France', mobile_phone: '+33 1 23 45 67 89', linkedin_url: 'https://linkedin.com/in/eve' },
  { first_name: 'Zed', last_name: 'Out', email: 'zed@acme.io', title: 'CEO', country: 'Germany', linkedin_url: 'https://linkedin.com/in/zed' },
];
const COLUMNS = ['email', 'first_name', 'last_name', 'title', 'departments', 'mobile_phone'];
const QUERY = { where: { keyword_match: { must: { country: 'france' } } }, order_by: [{ order_by: 'email', order_direction: 'asc' }] };

beforeAll(async () => {
  t = await startTestCloud();
  const a = await t.api('/v1/contacts/batch-upsert', { body: CONTACTS });
  const b = await t.api('/v1/contacts/batch-upsert', { key: t.keys.b, body: [{ first_name: 'Bea', last_name: 'Other', email: 'bea@b.io', country: 'France' }] });
  if (a.status !== 200 || b.status !== 200) throw new Error(`upsert answered ${a.status}/${b.status}: ${JSON.stringify(a.body)}`);
  uuids = a.body.contact_uuids;
  await eventually(async () => {
    const [countA, countB] = await Promise.all([t.api('/v1/contacts/count', { body: {} }), t.api('/v1/contacts/count', { key: t.keys.b, body: {} })]);
    return countA.body.count === CONTACTS.length && countB.body.count === 1 ? true : undefined;
  }, 'the contacts to be searchable');
});

afterAll(async () => {
  await t?.stop();
});

async function exportJob(jobData: Record<string, unknown>, key?: string): Promise<string> {
  const res = await t.api('/v1/jobs', { body: { job_type: 'export_csv_file', job_data: jobData, retry_count: 1 }, ...(key ? { key } : {}) });
  if (res.status !== 201) throw new Error(`POST /v1/jobs answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.job.id as string;
}

async function download(jobId: string): Promise<{ meta: Record<string, any>; file: Response }> {
  const res = await t.api(`/v1/jobs/${jobId}/download`);
  expect(res.status).toBe(200);
  return { meta: res.body, file: await fetch(res.body.download_url) };
}

describe('export_csv_file through the local cloud', () => {
  it('It should export the matches of a VQL query as CSV, in order, quoted, neutralised, and only of this workspace', async () => {
    // Act
    const id = await exportJob({ entity: 'contact', format: 'csv', select_columns: COLUMNS, query: QUERY });
    const job = await waitForJob(t, id);
    const { meta, file } = await download(id);
    // Assess
    expect(job.status).toBe('completed');
    expect(job.result).toMatchObject({ s3_key: `workspaces/dev/exports/${id}.csv`, format: 'csv', rows: 3, matches: 3, capped: false });
    expect(job.counters).toEqual({ rows_read: 3, rows_written: 3, rows_failed: 0 });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${meta.filename}"`);
    expect(meta.filename).toMatch(/^contacts-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.csv$/);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(meta).toMatchObject({ success: true, format: 'csv', rows: 3, bytes: bytes.length, expires_in: 300 });
    expect(bytes.toString('utf8')).toBe(
      [
        '\uFEFFemail,first_name,last_name,title,departments,mobile_phone',
        'ann@acme.io,Ann,Lee,VP Sales,"sales, ops",',
        // Upserts collapse whitespace, so the line break arrives as a space.
        'bob@acme.io,Bob,"Stone, Jr","Says ""hi"" twice",,',
        'eve@evil.io,Eve,Hacker,"\'=HYPERLINK(""http://evil.io"",""click"")",,\'+33 1 23 45 67 89',
        '',
      ].join('\r\n'),
    );
  });

  it('It should export the same matches as an XLSX sheet that reads back exactly', async () => {
    const id = await exportJob({ entity: 'contact', format: 'xlsx', select_columns: COLUMNS, query: QUERY });
    expect((await waitForJob(t, id)).status).toBe('completed');
    const { meta, file } = await download(id);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(meta.filename).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await file.arrayBuffer());
    const rows = book.worksheets[0]!.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    expect(rows).toEqual([
      COLUMNS,
      ['ann@acme.io', 'Ann', 'Lee', 'VP Sales', 'sales, ops'],
      ['bob@acme.io', 'Bob', 'Stone, Jr', 'Says "hi" twice'],
      ['eve@evil.io', 'Eve', 'Hacker', '\'=HYPERLINK("http://evil.io","click")', undefined, "'+33 1 23 45 67 89"],
    ]);
  });

  it('It should export the contacts Appointment360 names by id, with its field names, to XLSX', async () => {
    // Act
    const created = await t.api('/v1/contacts/export', { body: { contact_ids: [uuids[0], uuids[3]], fields: ['first_name', 'email', 'company', 'country'] } });
    const job = await waitForJob(t, created.body.job.id);
    const { file } = await download(created.body.job.id);
    // Assess
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ success: true, download: `/v1/jobs/${created.body.job.id}/download` });
    expect(created.body.filename).toMatch(/^contacts-[0-9a-f]{8}\.xlsx$/);
    expect(job.result).toMatchObject({ format: 'xlsx', rows: 2 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await file.arrayBuffer());
    const [header, ...rows] = book.worksheets[0]!.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    expect(header).toEqual(['first_name', 'email', 'company_name', 'country']);
    expect(rows.map((row) => row[1]).sort()).toEqual(['ann@acme.io', 'zed@acme.io']);
  });

  it('It should refuse an export form whose ids are not uuids or whose fields are unknown, naming the form\'s field', async () => {
    const ids = await t.api('/v1/contacts/export', { body: { contact_ids: [1, 2], fields: ['email'] } });
    const fields = await t.api('/v1/contacts/export', { body: { contact_ids: [uuids[0]], fields: ['email', 'shoe_size'] } });
    expect(ids.status).toBe(400);
    expect(ids.body.error.details.map((d: { path: string }) => d.path)).toEqual(['contact_ids[0]', 'contact_ids[1]']);
    expect(fields.status).toBe(400);
    expect(fields.body.error.details.map((d: { path: string }) => d.path)).toEqual(['fields[1]']);
  });

  it('It should cut the export at query.limit and say it was capped', async () => {
    const id = await exportJob({ entity: 'contact', format: 'csv', select_columns: ['email'], query: { ...QUERY, limit: 2 } });
    const job = await waitForJob(t, id);
    expect(job.result).toMatchObject({ rows: 2, matches: 3, row_cap: 2, capped: true });
    const { file } = await download(id);
    expect(Buffer.from(await file.arrayBuffer()).toString('utf8')).toBe('\uFEFFemail\r\nann@acme.io\r\nbob@acme.io\r\n');
  });

  it('It should refuse the download to another workspace (404) and of an export that did not complete (409)', async () => {
    const done = await exportJob({ entity: 'contact', format: 'csv', select_columns: ['email'] });
    await waitForJob(t, done);
    const stranger = await t.api(`/v1/jobs/${done}/download`, { key: t.keys.b });
    // An export cannot be made to fail from the API any more (it is validated at creation): put one in the table.
    const store = new DynamoJobStore(t.documents, t.cloud.resources.tables.control);
    const failed = (await store.create({ id: uuidv7(), workspaceId: 'dev', type: 'export_csv_file', data: { entity: 'contact' }, retryCount: 1 })).id;
    await store.move('dev', failed, { from: ['open'], to: 'in_queue' });
    await store.move('dev', failed, { from: ['in_queue'], to: 'processing' });
    await store.move('dev', failed, { from: ['processing'], to: 'failed', patch: { error: { code: 'ERR_VALIDATION', message: 'seeded' } } });
    const failedJob = await waitForJob(t, failed);
    const notReady = await t.api(`/v1/jobs/${failed}/download`);
    const unknown = await t.api('/v1/jobs/no-such-job/download');
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.code).toBe('ERR_NOT_FOUND');
    expect(failedJob.status).toBe('failed');
    expect(failedJob.error?.code).toBe('ERR_VALIDATION');
    expect(notReady.status).toBe(409);
    expect(notReady.body.error).toMatchObject({ code: 'ERR_EXPORT_NOT_READY', details: [{ path: 'status', message: 'failed' }] });
    expect(unknown.status).toBe(404);
  });

  it('It should refuse paging options, a limit over the row cap and unknown columns when the job is created', async () => {
    const columns = await t.api('/v1/jobs', { body: { job_type: 'export_csv_file', job_data: { entity: 'contact', select_columns: ['email', 'no_such_column'] } } });
    const queryColumns = await t.api('/v1/jobs', { body: { job_type: 'export_csv_file', job_data: { entity: 'contact', query: { select_columns: ['nope'] } } } });
    const field = await t.api('/v1/jobs', { body: { job_type: 'export_csv_file', job_data: { entity: 'contact', query: { where: { keyword_match: { must: { no_field: 'x' } } } } } } });
    expect([columns.status, queryColumns.status, field.status]).toEqual([400, 400, 400]);
    expect(columns.body.error.details.map((d: { path: string }) => d.path)).toEqual(['job_data.select_columns[1]']);
    expect(queryColumns.body.error.details.map((d: { path: string }) => d.path)).toEqual(['job_data.query.select_columns[0]']);
    expect(field.body.error.details[0].path).toMatch(/^job_data\.query\.where\.keyword_match/);

    const res = await t.api('/v1/jobs', { body: { job_type: 'export_csv_file', job_data: { entity: 'contact', query: { page: 2, limit: 5_000_000 } } } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['job_data.query.page', 'job_data.query.limit']));
  });
});
