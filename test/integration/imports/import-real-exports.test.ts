import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordKey } from '../../../functions/adapters/dynamodb/records.dynamodb.ts';
import { contactUuid } from '../../../functions/domain/records/ids.ts';
import { startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';
import { createImportJob, readObject, s3Of, uploadCsv, waitForJob } from './import-helpers.ts';

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

/** Windows-1252 bytes, as Excel on Windows saves "CSV": one byte per character, € and curly quotes at 0x80-0x9F. */
function windows1252(text: string): Buffer {
  const high: Record<string, number> = { '€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96 };
  return Buffer.from(
    [...text].map((c) => {
      const code = high[c] ?? c.charCodeAt(0);
      if (code > 0xff) throw new Error(`${c} is not in Windows-1252`);
      return code;
    }),
  );
}

async function contact(first: string, last: string, linkedin?: string): Promise<Record<string, any> | undefined> {
  const out = await t.documents.send(new GetCommand({ TableName: t.cloud.resources.tables.records, Key: recordKey('dev', 'contact', contactUuid(first, last, linkedin)) }));
  return out.Item;
}

async function importFile(filename: string, bytes: Buffer, jobData: Record<string, unknown> = {}) {
  const key = await uploadCsv(t, filename, bytes);
  return waitForJob(t, await createImportJob(t, { s3_key: key, ...jobData }));
}

const codes = (warnings: { code: string }[]): string[] => warnings.map((w) => w.code);

describe('insert_csv_file: files as real tools export them', () => {
  it('It should import an Apollo export Excel saved as Windows-1252 CSV, stripping the text guard off phones', async () => {
    // Prepare
    const csv = [
      'First Name,Last Name,Title,Company,Email,Mobile Phone,City,Country,Apollo Contact Id',
      "Renée,Lefèvre,Directrice générale,Société Générale – Paris,renee@socgen.example,'+33 1 42 14 20 00,Paris,France,ap-1",
      "Jürgen,Groß,“Head” of Sales,Müller & Söhne,jurgen@mueller.example,'+49 30 1234567,München,Germany,ap-2",
      'Seán,O’Brien,CFO,Café € Co,sean@cafe.example,,Dublin,Ireland,ap-3',
    ].join('\r\n');
    // Act
    const job = await importFile('apollo-excel.csv', windows1252(`${csv}\r\n`));
    // Assess
    expect(job.status).toBe('completed');
    expect(job.result).toMatchObject({ rows_read: 3, rows_written: 3, rows_failed: 0, encoding: 'windows-1252', header_row: 1 });
    expect(codes(job.result!.warnings)).toEqual(['encoding', 'unmapped_columns']);
    expect(job.result!.warnings[1].columns).toEqual(['Apollo Contact Id']);
    expect(await contact('Renée', 'Lefèvre')).toMatchObject({ company_name: 'Société Générale – Paris', title: 'Directrice générale', mobile_phone: '+33 1 42 14 20 00' });
    expect(await contact('Jürgen', 'Groß')).toMatchObject({ company_name: 'Müller & Söhne', title: '“Head” of Sales', mobile_phone: '+49 30 1234567' });
    expect(await contact('Seán', 'O’Brien')).toMatchObject({ company_name: 'Café € Co', extra: { 'Apollo Contact Id': 'ap-3' } });
  });

  it('It should import a Sales Navigator list Excel saved as Unicode Text (UTF-16LE with a BOM, tab-separated)', async () => {
    // Prepare
    const text = [
      'First Name\tLast Name\tTitle\tCompany\tLinkedIn Profile URL\tGeography',
      'Łukasz\tWiśniewski\tCTO\tZażółć Sp. z o.o.\thttps://www.linkedin.com/in/lukasz-w\tKraków, Poland',
      'Aiko\t山田\tPM\t株式会社サンプル\thttps://www.linkedin.com/in/aiko-yamada\tTokyo',
    ].join('\r\n');
    // Act
    const job = await importFile('sales-navigator.txt', Buffer.from(`\uFEFF${text}\r\n`, 'utf16le'));
    // Assess
    expect(job.status).toBe('completed');
    expect(job.result).toMatchObject({ rows_read: 2, rows_written: 2, encoding: 'utf-16le', header_row: 1 });
    expect(codes(job.result!.warnings)).toEqual(['encoding', 'unmapped_columns']);
    expect(job.result!.warnings[0].message).toMatch(/UTF-16LE/);
    expect(await contact('Łukasz', 'Wiśniewski', 'https://www.linkedin.com/in/lukasz-w')).toMatchObject({ company_name: 'Zażółć Sp. z o.o.', extra: { Geography: 'Kraków, Poland' } });
    expect(await contact('Aiko', '山田', 'https://www.linkedin.com/in/aiko-yamada')).toMatchObject({ company_name: '株式会社サンプル', title: 'PM' });
  });

  it("It should import LinkedIn's Connections export as LinkedIn delivers it, Notes paragraph first", async () => {
    // Prepare
    const csv = [
      'Notes:',
      '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
      '',
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Priya,Raman,https://www.linkedin.com/in/priya-raman,priya@example.com,Globex,Head of Growth,02 Dec 2026',
      'Tom,Becker,https://www.linkedin.com/in/tom-becker,,Initech,"Engineer, Platform",28 Nov 2026',
    ].join('\n');
    // Act
    const job = await importFile('Connections.csv', Buffer.from(`${csv}\n`));
    // Assess
    expect(job.status).toBe('completed');
    expect(job.result).toMatchObject({ rows_read: 2, rows_written: 2, rows_failed: 0, encoding: 'utf-8', header_row: 4 });
    expect(codes(job.result!.warnings)).toEqual(['skipped_lines', 'unmapped_columns']);
    expect(job.result!.warnings[0].message).toMatch(/Lines 1-3 come before the header \(line 4\)/);
    expect(job.result!.warnings[1].columns).toEqual(['Connected On']);
    expect(await contact('Priya', 'Raman', 'https://www.linkedin.com/in/priya-raman')).toMatchObject({ email: 'priya@example.com', company_name: 'Globex', title: 'Head of Growth' });
    expect(await contact('Tom', 'Becker', 'https://www.linkedin.com/in/tom-becker')).toMatchObject({ company_name: 'Initech', title: 'Engineer, Platform' });
  });

  it('It should skip a report title line, warn of a duplicate header, and report a bad row by its line in the file', async () => {
    // Prepare
    const csv = [
      'Leads report - exported 12/1/2026 9:02 AM,,,,,',
      'First Name,Last Name,Company,Email,Email,# Employees',
      'Mia,Kovač,Umbrella,mia@umbrella.example,mia.k@gmail.example,250',
      'Leo,Fischer,Hooli,leo@hooli.example,,a few',
    ].join('\n');
    // Act
    const job = await importFile('leads-report.csv', Buffer.from(`${csv}\n`));
    // Assess
    expect(job.status).toBe('completed');
    expect(job.result).toMatchObject({ rows_read: 2, rows_written: 1, rows_failed: 1, header_row: 2 });
    expect(codes(job.result!.warnings)).toEqual(['skipped_lines', 'duplicate_header']);
    expect(job.result!.warnings[1].columns).toEqual(['Email']);
    expect(await contact('Mia', 'Kovač')).toMatchObject({ email: 'mia@umbrella.example', extra: { Email: 'mia.k@gmail.example' } });
    const report = await readObject(s3, t.cloud.resources.bucket, job.result!.error_report.s3_key);
    expect(report).toMatch(/^row,column,reason\n4,# Employees,/);
  });

  it("It should map a Salesforce lead report's Company / Account to the contact's company", async () => {
    // Prepare
    const csv = [
      '"First Name","Last Name","Title","Company / Account","Email","Phone","Mobile","Lead Source","Lead Status","City","State/Province","Country","No. of Employees"',
      '"Dana","Whitfield","VP Operations","Vandelay Industries","dana@vandelay.example","(212) 555-0187","(917) 555-0142","Web","Open - Not Contacted","New York","NY","United States","1200"',
      '"Omar","Haddad","Buyer","Acme Corp","omar@acme.example","","","Trade Show","Working - Contacted","Austin","TX","United States",""',
    ].join('\r\n');
    // Act
    const job = await importFile('salesforce-leads.csv', Buffer.from(`${csv}\r\n`));
    // Assess
    expect(job.status).toBe('completed');
    expect(job.result).toMatchObject({ rows_read: 2, rows_written: 2, rows_failed: 0, header_row: 1 });
    expect(job.result!.warnings).toEqual([expect.objectContaining({ code: 'unmapped_columns', columns: ['Phone', 'Lead Source', 'Lead Status'] })]);
    const dana = await contact('Dana', 'Whitfield');
    expect(dana).toMatchObject({ company_name: 'Vandelay Industries', title: 'VP Operations', email: 'dana@vandelay.example', mobile_phone: '(917) 555-0142' });
    expect(dana!.company_id).toEqual(expect.any(String));
    expect(dana!.extra).toEqual({ Phone: '(212) 555-0187', 'Lead Source': 'Web', 'Lead Status': 'Open - Not Contacted' });
    expect(await contact('Omar', 'Haddad')).toMatchObject({ company_name: 'Acme Corp' });
  });
});
