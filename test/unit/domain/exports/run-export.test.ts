import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../../../functions/domain/exports/run-export.ts';
import { contacts, contextFor, fakeSearch, memoryFiles } from './export-fakes.ts';

/** These exports carry no download charge: nothing is ever refunded. */
const ledger = { refund: async () => expect.unreachable('no refund without a charge') };

describe('runExport', () => {
  it('It should write every match as CSV in order, neutralised and quoted, and report the result', async () => {
    const docs = [
      { uuid: 'u-1', first_name: '=cmd|calc', email: 'a@x.io', departments: ['sales', 'it'] },
      { uuid: 'u-2', first_name: 'Bob, Jr "B"', email: null, departments: [] },
    ];
    const files = memoryFiles();
    const { ctx, events } = contextFor({ entity: 'contact', format: 'csv', select_columns: ['first_name', 'email', 'departments'] });
    const outcome = await runExport({ search: fakeSearch(docs), files, ledger }, ctx);
    const file = files.opened[0]!;
    expect(file.key).toBe('workspaces/ws-1/exports/job-1.csv');
    expect(file.sink.state).toBe('completed');
    expect(file.sink.buffer.toString('utf8')).toBe(
      '\uFEFFfirst_name,email,departments\r\n' + "'=cmd|calc,a@x.io,\"sales, it\"\r\n" + '"Bob, Jr ""B""",,\r\n',
    );
    expect(outcome).toEqual({
      outcome: 'completed',
      result: { s3_key: file.key, format: 'csv', rows: 2, bytes: file.sink.buffer.length, columns: ['first_name', 'email', 'departments'], matches: 2, row_cap: 1_000_000, capped: false, capped_by_charge: false },
    });
    expect(events.map((e) => e.type)).toEqual(['stage_start', 'progress', 'stage_complete']);
  });

  it('It should page with search_after until the last page, and stop at query.limit saying it capped', async () => {
    const search = fakeSearch(contacts(1203));
    const files = memoryFiles();
    const { ctx } = contextFor({ entity: 'contact', format: 'csv', select_columns: ['uuid'], query: { limit: 1100 } });
    const outcome = await runExport({ search, files, ledger }, ctx);
    expect(outcome).toMatchObject({ outcome: 'completed', result: { rows: 1100, capped: true, row_cap: 1100, matches: 1203 } });
    const lines = files.opened[0]!.sink.buffer.toString('utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(1101);
    expect(lines.at(-1)).toBe('u-01099');
    expect(search.bodies.map((b) => b.size)).toEqual([500, 500, 100]);
    expect(search.bodies[1]!.search_after).toEqual(['u-00499']);
    expect(JSON.stringify(search.bodies[0]!.query)).toContain('"workspace_id":"ws-1"');
  });

  it('It should write a typed, neutralised XLSX sheet that exceljs reads back', async () => {
    const docs = [{ uuid: 'u-1', name: '@evil', employees_count: 42, industries: ['saas'] }, { uuid: 'u-2', name: 'Plain', employees_count: -3 }];
    const files = memoryFiles();
    const { ctx } = contextFor({ entity: 'company', format: 'xlsx', select_columns: ['name', 'employees_count', 'industries'] });
    const outcome = await runExport({ search: fakeSearch(docs), files, ledger }, ctx);
    expect(outcome).toMatchObject({ outcome: 'completed', result: { format: 'xlsx', rows: 2 } });
    expect(files.opened[0]!.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(files.opened[0]!.sink.buffer as unknown as ArrayBuffer);
    const values = book.worksheets[0]!.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    expect(values).toEqual([
      ['name', 'employees_count', 'industries'],
      ["'@evil", 42, 'saas'],
      ['Plain', -3],
    ]);
  });

  it('It should abort the file and say stopped when the job stops meanwhile', async () => {
    const files = memoryFiles();
    const { ctx } = contextFor({ entity: 'contact', format: 'csv' }, { stopAfterReports: 0 });
    expect(await runExport({ search: fakeSearch(contacts(10)), files, ledger }, ctx)).toEqual({ outcome: 'stopped' });
    expect(files.opened[0]!.sink.state).toBe('aborted');
  });

  it('It should fail with ERR_EXPORT_TIME_LIMIT and abort the file when the run has no time left', async () => {
    const files = memoryFiles();
    const { ctx } = contextFor({ entity: 'contact', format: 'csv' }, { remainingMs: 0 });
    await expect(runExport({ search: fakeSearch(contacts(10)), files, ledger }, ctx)).rejects.toMatchObject({ code: 'ERR_EXPORT_TIME_LIMIT' });
    expect(files.opened[0]!.sink.state).toBe('aborted');
  });

  it.each([
    [{ entity: 'contact', format: 'pdf' }, 'job_data.format'],
    [{ entity: 'lead', format: 'csv' }, 'job_data.entity'],
    [{ entity: 'contact', query: { page: 2 } }, 'job_data.query.page'],
    [{ entity: 'contact', query: { limit: 2_000_000 } }, 'job_data.query.limit'],
  ])('It should fail %j with ERR_VALIDATION naming %s, before any file is opened', async (data, path) => {
    const files = memoryFiles();
    const { ctx } = contextFor(data);
    const error = await runExport({ search: fakeSearch([]), files, ledger }, ctx).then(() => undefined, (e: unknown) => e as { code: string; details: { path: string }[] });
    expect(error?.code).toBe('ERR_VALIDATION');
    expect(error?.details.map((d) => d.path)).toContain(path);
    expect(files.opened).toHaveLength(0);
  });

  it('It should refuse an unknown column before any file is opened', async () => {
    const files = memoryFiles();
    const { ctx } = contextFor({ entity: 'contact', select_columns: ['password'] });
    await expect(runExport({ search: fakeSearch(contacts(1)), files, ledger }, ctx)).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
    expect(files.opened).toHaveLength(0);
  });
});
