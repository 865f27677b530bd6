import { spawn, type ChildProcess } from 'node:child_process';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { S3Client } from '@aws-sdk/client-s3';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoJobStore } from '../../../functions/adapters/dynamodb/jobs.dynamodb.ts';
import { IMPORT_BATCH_ROWS } from '../../../functions/domain/imports/import-limits.ts';
import { jobMessageBody } from '../../../functions/domain/jobs/job-message.ts';
import { LOCAL_CREDENTIALS } from '../../../lib/local/aws.ts';
import { REGION, eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';
import { readObject, s3Of, storedRecords, uploadCsv, waitForJob } from './import-helpers.ts';

const ROWS = 8_000;
const BAD_EVERY = 97;
/** Batches committed before the kill. */
const KILL_AFTER_ROWS = 4 * IMPORT_BATCH_ROWS;

let t: TestCloud;
let s3: S3Client;
let child: ChildProcess | undefined;

beforeAll(async () => {
  t = await startTestCloud();
  s3 = s3Of(t);
});

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  s3?.destroy();
  await t?.stop();
});

function peopleCsv(): { csv: string; bad: number[] } {
  const lines = ['First Name,Last Name,Email,Company,Person Linkedin Url,# Employees'];
  const bad: number[] = [];
  for (let i = 0; i < ROWS; i++) {
    const invalid = i % BAD_EVERY === 0;
    if (invalid) bad.push(i + 2);
    lines.push(`Kim${i},"Lee\n${i}",kim${i}@corp${i % 40}.com,Corp ${i % 40},https://linkedin.com/in/kim${i},${invalid ? 'lots' : i + 1}`);
  }
  return { csv: `${lines.join('\n')}\n`, bad };
}

function runChild(workspaceId: string, jobId: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'test/integration/imports/fixtures/import-child.ts', workspaceId, jobId], {
    cwd: process.cwd(),
    env: { ...process.env, ...t.cloud.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('insert_csv_file kill and resume', () => {
  it('It should resume a run killed mid-file from its last checkpoint: every row stored once, counters exact', async () => {
    // Prepare
    const { csv, bad } = peopleCsv();
    const key = await uploadCsv(t, 'people-12k.csv', csv);
    const jobs = new DynamoJobStore(t.documents, t.cloud.resources.tables.control);
    const id = uuidv7();
    await jobs.create({ id, workspaceId: 'dev', type: 'insert_csv_file', data: { s3_key: key }, retryCount: 3 });
    await jobs.transition('dev', id, ['open'], 'in_queue');
    await jobs.transition('dev', id, ['in_queue'], 'processing');

    // Act 1: a worker process runs the import and is killed (SIGKILL: no cleanup, no last report) after a few batches.
    child = runChild('dev', id);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const atKill = await eventually(
      async () => {
        if (child?.exitCode !== null) throw new Error(`the child exited early: ${stderr}`);
        const job = await jobs.get('dev', id);
        return job && job.counters.rowsRead >= KILL_AFTER_ROWS ? job : undefined;
      },
      'the child to commit a few batches',
      120_000,
    );
    child.kill('SIGKILL');
    await new Promise((resolve) => child?.once('exit', resolve));
    const afterKill = (await jobs.get('dev', id))!;

    // Act 2: the job's message is delivered to the real worker, which takes over the crashed run.
    const sqs = new SQSClient({ endpoint: t.cloud.endpoints.sqs, region: REGION, credentials: LOCAL_CREDENTIALS });
    await sqs.send(new SendMessageCommand({ QueueUrl: t.cloud.resources.queues.jobs.url, MessageBody: jobMessageBody('dev', id) }));
    sqs.destroy();
    const done = await waitForJob(t, id, 300_000);

    // Assess
    expect(afterKill.status).toBe('processing');
    expect(afterKill.counters.rowsRead).toBeGreaterThanOrEqual(atKill.counters.rowsRead);
    expect(afterKill.counters.rowsRead).toBeLessThan(ROWS);
    const checkpointRow = (afterKill.checkpoint as { row: number }).row;
    expect(checkpointRow - 1).toBe(afterKill.counters.rowsRead);
    expect(done.status).toBe('completed');
    expect(done.counters).toEqual({ rows_read: ROWS, rows_written: ROWS - bad.length, rows_failed: bad.length });
    const contacts = await storedRecords(t, 'dev', 'contact');
    expect(contacts).toHaveLength(ROWS - bad.length);
    const rowOf = (c: Record<string, unknown>) => Number(String(c.first_name).slice(3)) + 2;
    expect(new Set(contacts.map(rowOf)).size).toBe(ROWS - bad.length);
    // Rows committed before the kill's checkpoint were never written again: the resume skipped them.
    const rewritten = contacts.filter((c) => c.version !== 1);
    expect(rewritten.every((c) => rowOf(c) > checkpointRow)).toBe(true);
    expect(rewritten.length).toBeLessThanOrEqual(2 * IMPORT_BATCH_ROWS);
    const report = await readObject(s3, t.cloud.resources.bucket, done.result!.error_report.s3_key);
    expect(report.trim().split('\n').slice(1).map((line) => Number(line.split(',')[0]))).toEqual(bad);
  }, 400_000);
});
