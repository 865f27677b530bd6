import { describe, expect, it } from 'vitest';
import type { JobRunOutcome } from '../../../../functions/domain/jobs/runner.ts';
import { errorReportKey } from '../../../../functions/domain/imports/error-report.ts';
import { IMPORT_BATCH_ROWS, MAX_HEADER_BYTES } from '../../../../functions/domain/imports/import-limits.ts';
import { runCsvImport } from '../../../../functions/domain/imports/run-csv-import.ts';
import { MemoryRecordStore } from '../../../helpers/factories.ts';
import { MemoryEvents, MemoryJobs, MemoryObjects, newImportJob } from './fakes.ts';

const KEY = 'workspaces/ws1/uploads/u1/people.txt';

function setup(bytes: Buffer, chunkSize = 997) {
  const objects = new MemoryObjects(chunkSize);
  objects.put(KEY, bytes);
  const records = new MemoryRecordStore();
  const jobs = new MemoryJobs(newImportJob({ s3_key: KEY }));
  const deps = { source: objects, records, errorReports: objects, sleep: async () => {} };
  const run = (): Promise<JobRunOutcome> => runCsvImport(deps, { job: jobs.job, jobs, events: new MemoryEvents(), remainingMs: () => 600_000 });
  return { objects, records, jobs, run };
}

const contacts = (store: MemoryRecordStore) => [...store.items.entries()].filter(([k]) => k.includes('#contact#')).map(([, v]) => v);

describe('runCsvImport: encodings and preambles', () => {
  it('It should import a UTF-16LE tab file with a title line, resume after a crash mid-file, and report rows by their line', async () => {
    // Prepare
    const total = IMPORT_BATCH_ROWS * 2 + 11;
    const rows = Array.from({ length: total }, (_, i) => `Zoë${i}\tMüller\tCafé ${i % 5}\t${i % 400 === 0 ? 'lots' : i + 1}\n`);
    const text = `\uFEFFContacts report - exported 01/12/2026\t\t\t\nFirst Name\tLast Name\tCompany\tEmployees\n${rows.join('')}`;
    const { jobs, records, objects, run } = setup(Buffer.from(text, 'utf16le'));
    jobs.crashOnReport = 2;
    // Act
    await expect(run()).rejects.toThrow(/simulated crash/);
    const outcome = await run();
    // Assess
    expect(objects.opens.map((o) => o.fromByte % 2)).toEqual([0, 0]);
    expect(objects.opens[1]!.fromByte).toBeGreaterThan(0);
    expect(outcome).toEqual({
      outcome: 'completed',
      result: expect.objectContaining({
        rows_read: total,
        rows_failed: 3,
        encoding: 'utf-16le',
        header_row: 2,
        warnings: [expect.objectContaining({ code: 'encoding' }), expect.objectContaining({ code: 'skipped_lines', message: expect.stringMatching(/Line 1 comes before the header \(line 2\)/) })],
      }),
    });
    const stored = contacts(records);
    expect(stored).toHaveLength(total - 3);
    expect(stored).toEqual(expect.arrayContaining([expect.objectContaining({ first_name: 'Zoë777', last_name: 'Müller', company_name: 'Café 2' })]));
    const report = objects.text(errorReportKey('ws1', 'job-1'))!.trim().split('\n');
    expect(report.slice(1).map((l) => Number(l.split(',')[0]))).toEqual([3, 403, 803]);
  });

  it('It should fail the row holding a byte that is not UTF-8 after the sniffed head, and store the others', async () => {
    // Prepare
    const filler = Array.from({ length: Math.ceil(MAX_HEADER_BYTES / 40) + 10 }, (_, i) => `Ann${i},Lee,https://linkedin.com/in/a${i}\n`).join('');
    const bad = Buffer.concat([Buffer.from('Ren'), Buffer.from([0xe9]), Buffer.from(',Late,https://linkedin.com/in/late\n')]);
    const bytes = Buffer.concat([Buffer.from(`First Name,Last Name,Person Linkedin Url\n${filler}`), bad, Buffer.from('After,Row,https://linkedin.com/in/after\n')]);
    const lines = filler.split('\n').length - 1;
    const { records, objects, run } = setup(bytes, 4096);
    // Act
    const outcome = await run();
    // Assess
    expect(outcome).toEqual({ outcome: 'completed', result: expect.objectContaining({ rows_read: lines + 2, rows_failed: 1, encoding: 'utf-8' }) });
    expect(contacts(records).some((c) => String(c.first_name).includes('\uFFFD'))).toBe(false);
    expect(contacts(records).some((c) => c.first_name === 'After')).toBe(true);
    const report = objects.text(errorReportKey('ws1', 'job-1'))!.trim().split('\n');
    expect(report[1]).toMatch(new RegExp(`^${lines + 2},\\(row\\),"The row holds bytes that are not UTF-8 \\(at byte \\d+\\)`));
  });
});
