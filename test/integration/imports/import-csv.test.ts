import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordKey } from '../../../functions/adapters/dynamodb/records.dynamodb.ts';
import { contactUuid } from '../../../functions/domain/records/ids.ts';
import { eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';
import { createImportJob, putObject, readObject, s3Of, storedRecords, uploadCsv, waitForJob } from './import-helpers.ts';

let t: TestCloud;
let s3: S3Client;

beforeAll(async () => {
  t = await startTestCloud();
  s3 = s3Of(t);
});

afterAll(async () => {
  s3?.destroy();
  await t?.stop();
});

/** An Apollo people export: BOM, CRLF, quoted cells with commas and line breaks, unknown columns. */
function apolloExport(rows: number, badEvery: number): { csv: string; bad: number[] } {
  const lines = ['First Name,Last Name,Title,Company,Email,# Employees,Industry,Person Linkedin Url,Company Linkedin Url,City,Country,Apollo Contact Id,Notes'];
  const bad: number[] = [];
  for (let i = 0; i < rows; i++) {
    const employees = i % badEvery === 0 ? '50-100' : String(100 + i);
    if (i % badEvery === 0) bad.push(i + 2);
    lines.push(`Ann${i},"O'Neil, ${i}",VP Sales,Acme ${i % 13},ann${i}@acme${i % 13}.com,${employees},"Software, Internet",https://linkedin.com/in/ann${i},https://linkedin.com/company/acme${i % 13},Paris,France,apollo-${i},"line one\r\nline two"`);
  }
  return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, bad };
}

describe('insert_csv_file through the local cloud', () => {
  it('It should import an uploaded export end to end: exact counters, searchable records, extra kept, an error report of the bad rows', async () => {
    // Prepare
    const { csv, bad } = apolloExport(1234, 100);
    const key = await uploadCsv(t, 'apollo-people.csv', csv);
    // Act
    const jobId = await createImportJob(t, { s3_key: key });
    const job = await waitForJob(t, jobId);
    // Assess
    expect(job).toMatchObject({ status: 'completed', attempts: 1, current_step: 'completed' });
    expect(job.counters).toEqual({ rows_read: 1234, rows_written: 1234 - bad.length, rows_failed: bad.length });
    expect(job.result).toMatchObject({ rows_read: 1234, rows_written: 1234 - bad.length, rows_failed: bad.length, error_report: { lines: bad.length } });
    const contacts = await storedRecords(t, 'dev', 'contact');
    expect(contacts).toHaveLength(1234 - bad.length);
    const one = await t.documents.send(
      new GetCommand({ TableName: t.cloud.resources.tables.records, Key: recordKey('dev', 'contact', contactUuid('Ann5', "O'Neil, 5", 'https://linkedin.com/in/ann5')) }),
    );
    expect(one.Item).toMatchObject({ first_name: 'Ann5', email: 'ann5@acme5.com', city: 'paris', extra: { 'Apollo Contact Id': 'apollo-5', Notes: 'line one\r\nline two' } });
    const report = await readObject(s3, t.cloud.resources.bucket, job.result!.error_report.s3_key);
    const lines = report.trim().split('\n');
    expect(lines[0]).toBe('row,column,reason');
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(bad);
    expect(lines[1]).toMatch(/^2,# Employees,/);
    const found = await eventually(async () => {
      const res = await t.api('/v1/contacts/count', { body: { where: { keyword_match: { must: { email: 'ann7@acme7.com' } } } } });
      return res.body.count === 1 ? res.body : undefined;
    }, 'the imported contact to be searchable');
    expect(found.count).toBe(1);
    const all = await eventually(async () => {
      const res = await t.api('/v1/contacts/count', { body: {} });
      return res.body.count === 1234 - bad.length ? res.body : undefined;
    }, 'every imported contact to be searchable', 60_000);
    expect(all.count).toBe(1234 - bad.length);
  });

  it('It should hand out the error report through GET /v1/jobs/{id}/download to its own workspace only', async () => {
    // Prepare
    const { csv, bad } = apolloExport(60, 20);
    const jobId = await createImportJob(t, { s3_key: await uploadCsv(t, 'report.csv', csv) });
    await waitForJob(t, jobId);
    // Act
    const link = await t.api(`/v1/jobs/${jobId}/download`);
    const file = await fetch(link.body.download_url as string);
    const other = await t.api(`/v1/jobs/${jobId}/download`, { key: t.keys.b });
    // Assess
    expect(link.status).toBe(200);
    expect(link.body).toMatchObject({ format: 'csv', rows: bad.length, filename: expect.stringMatching(/^import-errors-.*\.csv$/) });
    expect(file.status).toBe(200);
    const lines = (await file.text()).trim().split('\n');
    expect(lines[0]).toBe('row,column,reason');
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(bad);
    expect(other.status).toBe(404);
  });

  it('It should merge a second import into the records of the first, keeping earlier extra keys', async () => {
    // Prepare
    const first = await uploadCsv(t, 'first.csv', 'first_name;last_name;person_linkedin_url;Source\nZed;Merge;https://linkedin.com/in/zed;fair\n');
    const second = await uploadCsv(t, 'second.csv', 'first_name\tlast_name\tperson_linkedin_url\ttitle\tScore\nZed\tMerge\thttps://linkedin.com/in/zed\tCTO\t9\n');
    // Act
    const a = await waitForJob(t, await createImportJob(t, { s3_key: first }));
    const b = await waitForJob(t, await createImportJob(t, { s3_key: second }));
    // Assess
    expect([a.status, b.status]).toEqual(['completed', 'completed']);
    const item = await t.documents.send(
      new GetCommand({ TableName: t.cloud.resources.tables.records, Key: recordKey('dev', 'contact', contactUuid('Zed', 'Merge', 'https://linkedin.com/in/zed')) }),
    );
    expect(item.Item).toMatchObject({ title: 'CTO', extra: { Source: 'fair', Score: '9' } });
  });

  it('It should store a formula-injection payload as plain text and report mismatched rows without failing the job', async () => {
    // Prepare
    const csv = 'First Name,Last Name,Company,Notes\n=HYPERLINK("http://evil.example"),Formula,@Acme,+cmd|calc\nToo,Many,Cells,x,surplus\nShort,Row\nOk,Person,Acme,-1\n';
    const key = await uploadCsv(t, 'hostile.csv', csv);
    // Act
    const job = await waitForJob(t, await createImportJob(t, { s3_key: key }));
    // Assess
    expect(job.status).toBe('completed');
    expect(job.counters).toEqual({ rows_read: 4, rows_written: 2, rows_failed: 2 });
    const item = await t.documents.send(
      new GetCommand({ TableName: t.cloud.resources.tables.records, Key: recordKey('dev', 'contact', contactUuid('=HYPERLINK("http://evil.example")', 'Formula', undefined)) }),
    );
    expect(item.Item).toMatchObject({ first_name: '=HYPERLINK("http://evil.example")', company_name: '@Acme', extra: { Notes: '+cmd|calc' } });
    const report = await readObject(s3, t.cloud.resources.bucket, job.result!.error_report.s3_key);
    expect(report).toBe('row,column,reason\n3,(row),"Expected 4 columns as in the header, found 5"\n4,(row),"Expected 4 columns as in the header, found 2"\n');
  });

  it.each([
    ['an empty file', () => Buffer.alloc(0), 'ERR_IMPORT_EMPTY_FILE'],
    ['a header-only file', () => 'First Name,Last Name,Email\n', 'ERR_IMPORT_NO_ROWS'],
    ['a binary file named .csv', () => Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0, 0x21, 0]), 'ERR_IMPORT_NOT_TEXT'],
    ['a 10 MB single line', () => `First Name,Last Name\n${'x'.repeat(10 * 1024 * 1024)}\n`, 'ERR_IMPORT_RECORD_TOO_LARGE'],
    ['a header that names nothing known', () => 'alpha,beta\n1,2\n', 'ERR_IMPORT_BAD_HEADER'],
  ])('It should fail %s with a clear error and write nothing', async (name, content, code) => {
    // Prepare
    const key = `workspaces/dev/uploads/bad-input/${name.replace(/\W+/g, '-')}.csv`;
    await putObject(s3, t.cloud.resources.bucket, key, content());
    const before = (await storedRecords(t, 'dev', 'contact')).length;
    // Act
    const job = await waitForJob(t, await createImportJob(t, { s3_key: key }));
    // Assess
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe(code);
    expect((await storedRecords(t, 'dev', 'contact')).length).toBe(before);
  });

  it("It should refuse to import another workspace's upload", async () => {
    // Prepare
    const key = await uploadCsv(t, 'theirs.csv', 'First Name,Last Name\nB,Only\n', t.keys.b);
    // Act
    const res = await t.api('/v1/jobs', { body: { job_type: 'insert_csv_file', job_data: { s3_key: key } } });
    // Assess
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('ERR_FORBIDDEN');
  });
});
