/**
 * CSV headers that name Object.prototype's members go to `extra` like any other unknown column,
 * under their name and column number (`constructor (column 3)`): the import completes, the
 * values are stored as written, and a second import merges into them.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordKey } from '../../../functions/adapters/dynamodb/records.dynamodb.ts';
import { contactUuid } from '../../../functions/domain/records/ids.ts';
import { startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';
import { createImportJob, uploadCsv, waitForJob } from '../imports/import-helpers.ts';

let t: TestCloud;

beforeAll(async () => {
  t = await startTestCloud();
});

afterAll(async () => {
  await t?.stop();
});

/** Header → its key in `extra`: Object.prototype's member names get their column number. */
const HOSTILE_HEADERS: readonly (readonly [string, string])[] = [
  ['constructor', 'constructor (column 3)'],
  ['__proto__', '__proto__ (column 3)'],
  ['toString', 'toString (column 3)'],
  ['hasOwnProperty', 'hasOwnProperty (column 3)'],
  ['valueOf', 'valueOf (column 3)'],
  ['__defineGetter__', '__defineGetter__ (column 3)'],
  ['prototype', 'prototype'],
];

const stored = async (first: string, last: string) =>
  (await t.documents.send(new GetCommand({ TableName: t.cloud.resources.tables.records, Key: recordKey('dev', 'contact', contactUuid(first, last, '')) }))).Item;

describe('security: hostile CSV headers', () => {
  it.each(HOSTILE_HEADERS)('It should import a file with a %s column, keeping it in extra as %s, and merge a second import into it', async (header, key) => {
    // Prepare
    const last = `Hdr${header.replace(/\W/g, '')}`;
    const first = await uploadCsv(t, 'hostile.csv', `First Name,Last Name,${header}\r\nAnn,${last},first value\r\nBob,${last},other\r\n`);
    const second = await uploadCsv(t, 'hostile-2.csv', `First Name,Last Name,${header},Notes\r\nAnn,${last},second value,note\r\n`);
    // Act
    const job = await waitForJob(t, await createImportJob(t, { s3_key: first }));
    const ann = await stored('Ann', last);
    const merge = await waitForJob(t, await createImportJob(t, { s3_key: second }));
    const merged = await stored('Ann', last);
    // Assess
    expect(job.error).toBeUndefined();
    expect(job.status).toBe('completed');
    expect(job.counters).toEqual({ rows_read: 2, rows_written: 2, rows_failed: 0 });
    expect(Object.keys(ann?.extra ?? {})).toEqual([key]);
    expect(ann?.extra[key]).toBe('first value');
    expect(merge.status).toBe('completed');
    expect(merged?.extra[key]).toBe('second value');
    expect(merged?.extra.Notes).toBe('note');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
