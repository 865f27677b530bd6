import { describe, expect, it } from 'vitest';
import type { JobRunOutcome } from '../../../../functions/domain/jobs/runner.ts';
import { errorReportKey } from '../../../../functions/domain/imports/error-report.ts';
import { IMPORT_BATCH_ROWS } from '../../../../functions/domain/imports/import-limits.ts';
import { runCsvImport } from '../../../../functions/domain/imports/run-csv-import.ts';
import { contactUuid } from '../../../../functions/domain/records/ids.ts';
import { AppError } from '../../../../functions/platform/errors.ts';
import { MemoryRecordStore } from '../../../helpers/factories.ts';
import { MemoryEvents, MemoryJobs, MemoryObjects, newImportJob } from './fakes.ts';

const KEY = 'workspaces/ws1/uploads/u1/people.csv';
const HEADER = 'First Name,Last Name,Email,Company,Person Linkedin Url,# Employees,Lead Score\n';
const person = (i: number, employees = String(10 + i)) => `First${i},Last${i},p${i}@example.com,Company ${i % 7},https://linkedin.com/in/p${i},${employees},${i}\n`;

function setup(csv: string | Buffer, data: Record<string, unknown> = { s3_key: KEY }) {
  const objects = new MemoryObjects(1000);
  objects.put(KEY, csv);
  const records = new MemoryRecordStore();
  const jobs = new MemoryJobs(newImportJob(data));
  const events = new MemoryEvents();
  const deps = { source: objects, records, errorReports: objects, sleep: async () => {} };
  const run = (remainingMs = 600_000): Promise<JobRunOutcome> =>
    runCsvImport(deps, { job: jobs.job, jobs, events, remainingMs: () => remainingMs });
  return { objects, records, jobs, events, run };
}

const contactsIn = (store: MemoryRecordStore) => [...store.items.keys()].filter((k) => k.includes('#contact#'));

describe('runCsvImport', () => {
  it('It should import every row, report invalid rows to an error report and publish its stages', async () => {
    // Prepare
    const rows = Array.from({ length: 1200 }, (_, i) => person(i, i % 100 === 0 ? '50-100' : String(10 + i)));
    const { records, jobs, events, objects, run } = setup(HEADER + rows.join(''));
    // Act
    const outcome = await run();
    // Assess
    expect(outcome).toEqual({
      outcome: 'completed',
      result: expect.objectContaining({ rows_read: 1200, rows_written: 1188, rows_failed: 12, rows_blank: 0, error_report: expect.objectContaining({ s3_key: errorReportKey('ws1', 'job-1'), lines: 12 }) }),
    });
    expect(contactsIn(records)).toHaveLength(1188);
    expect(jobs.job.counters).toEqual({ rowsRead: 1200, rowsWritten: 1188, rowsFailed: 12 });
    const report = objects.text(errorReportKey('ws1', 'job-1'))!.split('\n');
    expect(report[0]).toBe('row,column,reason');
    expect(report[1]).toMatch(/^2,# Employees,"?Not a number/);
    expect(report[12]).toMatch(/^1102,# Employees,/);
    expect([...objects.objects.keys()].filter((k) => k.includes('/import-errors/'))).toEqual([]);
    expect(events.events.map((e) => e.type)).toEqual(['stage_start', 'progress', 'progress', 'progress', 'stage_complete', 'stage_start', 'stage_complete']);
    const stored = records.calls.flat().find((r) => r.entity === 'contact');
    expect(stored?.extra).toEqual({ 'Lead Score': '1' });
  });

  it('It should write each unchanged company once per run, however many batches name it', async () => {
    // Prepare
    const { records, run } = setup(HEADER + Array.from({ length: 3 * IMPORT_BATCH_ROWS }, (_, i) => person(i, String(100 + (i % 7)))).join(''));
    // Act
    await run();
    // Assess
    const companyWrites = records.calls.flat().filter((r) => r.entity === 'company');
    expect(companyWrites).toHaveLength(7);
    expect(new Set(companyWrites.map((r) => r.uuid)).size).toBe(7);
  });

  it('It should resume after a crash at any checkpoint without losing or duplicating a row, with exact counters', async () => {
    // Prepare
    const total = IMPORT_BATCH_ROWS * 3 + 17;
    const rows = Array.from({ length: total }, (_, i) => person(i, i % 250 === 0 ? 'many' : String(i + 1)));
    const { records, jobs, objects, run } = setup(`\uFEFF${HEADER}${rows.join('')}`);
    jobs.crashOnReport = 3;
    // Act
    await expect(run()).rejects.toThrow(/simulated crash/);
    const afterCrash = jobs.job.checkpoint as { row: number };
    const outcome = await run();
    // Assess
    expect(afterCrash.row).toBe(1 + 2 * IMPORT_BATCH_ROWS);
    expect(objects.opens.map((o) => o.fromByte)[1]).toBeGreaterThan(0);
    expect(outcome.outcome).toBe('completed');
    expect(jobs.job.counters).toEqual({ rowsRead: total, rowsWritten: total - 7, rowsFailed: 7 });
    expect(contactsIn(records)).toHaveLength(total - 7);
    const report = objects.text(errorReportKey('ws1', 'job-1'))!.trim().split('\n');
    expect(report.slice(1).map((l) => Number(l.split(',')[0]))).toEqual([2, 252, 502, 752, 1002, 1252, 1502]);
  });

  it('It should stop at a committed batch when the time budget runs low, and finish on the next run', async () => {
    // Prepare
    const total = IMPORT_BATCH_ROWS * 2 + 3;
    const { jobs, records, run } = setup(HEADER + Array.from({ length: total }, (_, i) => person(i)).join(''));
    // Act
    const first = await run(1_000);
    const firstCounters = jobs.job.counters;
    const second = await run();
    // Assess
    expect(first).toEqual({ outcome: 'continue' });
    expect(firstCounters.rowsRead).toBe(IMPORT_BATCH_ROWS);
    expect(second.outcome).toBe('completed');
    expect(jobs.job.counters).toEqual({ rowsRead: total, rowsWritten: total, rowsFailed: 0 });
    expect(contactsIn(records)).toHaveLength(total);
  });

  it('It should end as stopped when the job leaves processing', async () => {
    // Prepare
    const { jobs, run } = setup(HEADER + Array.from({ length: 1500 }, (_, i) => person(i)).join(''));
    jobs.status = 'stopped';
    // Act
    const outcome = await run();
    // Assess
    expect(outcome).toEqual({ outcome: 'stopped' });
  });

  it('It should retry records the store refuses, then fail the run if they keep failing', async () => {
    // Prepare
    const { records, run } = setup(HEADER + person(1));
    const uuid = contactUuid('First1', 'Last1', 'https://linkedin.com/in/p1');
    records.failing.add(uuid);
    // Act
    const error = await run().catch((e: Error) => e);
    // Assess
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/not stored after 6 attempts/);
    expect(records.calls.filter((c) => c.some((r) => r.uuid === uuid))).toHaveLength(6);
  });

  it('It should not retry a record the store refuses for good: its rows go to the error report and the run completes', async () => {
    // Prepare
    const { records, objects, run } = setup(HEADER + person(1) + person(2));
    const uuid = contactUuid('First1', 'Last1', 'https://linkedin.com/in/p1');
    records.refusing.add(uuid);
    // Act
    const outcome = await run();
    // Assess
    expect(records.calls.filter((c) => c.some((r) => r.uuid === uuid))).toHaveLength(1);
    expect(outcome).toEqual({ outcome: 'completed', result: expect.objectContaining({ rows_read: 2, rows_written: 1, rows_failed: 1, error_report: expect.objectContaining({ lines: 1 }) }) });
    const report = objects.text(errorReportKey('ws1', 'job-1'));
    expect(report).toBe('row,column,reason\n2,(row),Not stored (ValidationException): the store refuses it as it is\n');
  });

  it.each([
    ['an empty file', '', 'ERR_IMPORT_EMPTY_FILE'],
    ['a header-only file', HEADER, 'ERR_IMPORT_NO_ROWS'],
    ['a header and blank rows only', `${HEADER},,,,,,\n\n`, 'ERR_IMPORT_NO_ROWS'],
    ['a binary file named .csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0]), 'ERR_IMPORT_NOT_TEXT'],
    ['a 10 MB single line', 'x'.repeat(10 * 1024 * 1024), 'ERR_IMPORT_RECORD_TOO_LARGE'],
    ['a 10 MB data line', `${HEADER}${'y,'.repeat(5 * 1024 * 1024)}\n`, 'ERR_IMPORT_RECORD_TOO_LARGE'],
    ['a header naming nothing we know', 'foo,bar\n1,2\n', 'ERR_IMPORT_BAD_HEADER'],
  ])('It should fail %s with its own error code', async (_name, csv, code) => {
    // Prepare
    const { run } = setup(csv);
    // Act
    const error = await run().catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
  });

  it('It should keep the rows committed before a fault late in the file', async () => {
    // Prepare
    const good = Array.from({ length: IMPORT_BATCH_ROWS }, (_, i) => person(i)).join('');
    const { jobs, records, run } = setup(`${HEADER}${good}${'z'.repeat(2 * 1024 * 1024)}\n`);
    // Act
    const error = (await run().catch((e: unknown) => e)) as AppError;
    // Assess
    expect(error.code).toBe('ERR_IMPORT_RECORD_TOO_LARGE');
    expect(contactsIn(records)).toHaveLength(IMPORT_BATCH_ROWS);
    expect(jobs.job.counters.rowsWritten).toBe(IMPORT_BATCH_ROWS);
  });

  it.each([
    ['a key of another workspace', { s3_key: 'workspaces/other/uploads/u/x.csv' }, 'ERR_FORBIDDEN'],
    ['a key outside every workspace', { s3_key: 'elsewhere/x.csv' }, 'ERR_FORBIDDEN'],
    ['a missing object', { s3_key: 'workspaces/ws1/uploads/none.csv' }, 'ERR_NOT_FOUND'],
    ['an unknown job_data field', { s3_key: KEY, sheet: 1 }, 'ERR_VALIDATION'],
    ['an unknown column_map target', { s3_key: KEY, column_map: { Email: 'password' } }, 'ERR_VALIDATION'],
  ])('It should refuse %s', async (_name, data, code) => {
    // Prepare
    const { run } = setup(HEADER + person(1), data);
    // Act
    const error = (await run().catch((e: unknown) => e)) as AppError;
    // Assess
    expect(error.code).toBe(code);
  });

  it('It should fail a resumed run whose file was overwritten since it started', async () => {
    // Prepare
    const { jobs, objects, run } = setup(HEADER + Array.from({ length: 1200 }, (_, i) => person(i)).join(''));
    await run(1_000);
    objects.put(KEY, HEADER + person(9));
    // Act
    const error = (await run().catch((e: unknown) => e)) as AppError;
    // Assess
    expect(error.code).toBe('ERR_CONFLICT');
    expect(jobs.job.counters.rowsRead).toBe(IMPORT_BATCH_ROWS);
  });

  it('It should honour an explicit delimiter and column_map', async () => {
    // Prepare
    const { records, run } = setup('Org;Prénom;Nom\nAcme;Zoë;Doe\n', { s3_key: KEY, delimiter: ';', column_map: { Org: 'company', Prénom: 'first_name', Nom: 'last_name' } });
    // Act
    const outcome = await run();
    // Assess
    expect(outcome.outcome).toBe('completed');
    expect([...records.items.values()]).toEqual(expect.arrayContaining([expect.objectContaining({ first_name: 'Zoë', last_name: 'Doe', company_name: 'Acme' })]));
  });
});
