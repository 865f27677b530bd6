/**
 * The upsert path through the local cloud: rows/s from HTTP until the rows are searchable,
 * side by side with bare DynamoDB BatchWriteItem of the same rows (no HTTP, no validation, no
 * merge, no indexing) as the baseline. Also `npm start`'s time to ready.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { UPSERT_CONCURRENCY } from '../functions/adapters/dynamodb/records.dynamodb.ts';
import { startLocalCloud } from '../lib/local/cloud.ts';
import { findFreePortBase } from '../lib/local/port-range.ts';
import { ensureDevWorkspace } from '../lib/local/dev-workspace.ts';
import { mapWithConcurrency } from '../functions/platform/concurrency.ts';
import { describeMachine } from './machine.ts';

const BATCH = 1000;
const CLIENT_CONCURRENCY = 4;

const row = (i: number) => ({
  first_name: `First${i}`,
  last_name: `Last${i % 997}`,
  email: `person${i}@example${i % 50}.com`,
  title: ['CEO', 'CTO', 'VP Sales', 'Engineer'][i % 4],
  seniority: ['c_suite', 'vp', 'senior', 'entry'][i % 4],
  departments: 'Engineering, Sales',
  country: ['United States', 'Germany', 'France'][i % 3],
  linkedin_url: `https://linkedin.com/in/p${i}`,
});

/** Wall time from spawning `npm start`'s entry point until it prints the dev API key. */
async function timeToReady(): Promise<number> {
  // Checked free, all of them: a fixed base would collide with a running `npm start` or another bench.
  const base = await findFreePortBase();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/local.ts', '--ephemeral', '--port-base', String(base)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('lsk_')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`npm start exited early (${code}): ${out}`)));
  });
  const ready = performance.now() - started;
  child.kill('SIGINT');
  await exited;
  return ready;
}

export async function runUpsertPathBench(opts: { rows: number }): Promise<void> {
  console.log(`\n## Upsert path (${opts.rows} contacts, batches of ${BATCH}) — ${describeMachine()}`);
  const ready = await timeToReady();
  console.log(`npm start time-to-ready (spawn → key printed, ephemeral): ${ready.toFixed(0)} ms`);

  const cloud = await startLocalCloud({ ephemeral: true, quiet: true, ports: { http: 0, ws: 0, dynamodb: 0, sqs: 0, s3: 0, search: 0, mail: 0 } });
  try {
    const { apiKey } = await ensureDevWorkspace(cloud);
    const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
    const batches = Array.from({ length: Math.ceil(opts.rows / BATCH) }, (_, b) =>
      Array.from({ length: Math.min(BATCH, opts.rows - b * BATCH) }, (_, i) => row(b * BATCH + i)),
    );
    const t0 = performance.now();
    await mapWithConcurrency(batches, CLIENT_CONCURRENCY, async (rows) => {
      const res = await fetch(`${cloud.endpoints.http}/v1/contacts/batch-upsert`, { method: 'POST', headers, body: JSON.stringify(rows) });
      if (res.status !== 200) throw new Error(`upsert answered ${res.status}: ${await res.text()}`);
    });
    const accepted = performance.now() - t0;
    let count = 0;
    while (count < opts.rows) {
      const res = await fetch(`${cloud.endpoints.http}/v1/contacts/count`, { method: 'POST', headers, body: '{}' });
      count = ((await res.json()) as { count: number }).count;
      if (count < opts.rows) await new Promise((r) => setTimeout(r, 100));
    }
    const searchable = performance.now() - t0;

    const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: cloud.endpoints.dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
    const items = batches.flat().map((r, i) => ({ pk: `BENCH#${i}`, sk: 'RECORD', ...r }));
    const chunks = Array.from({ length: Math.ceil(items.length / 25) }, (_, i) => items.slice(i * 25, i * 25 + 25));
    const t1 = performance.now();
    await mapWithConcurrency(chunks, 16, (chunk) =>
      ddb.send(new BatchWriteCommand({ RequestItems: { [cloud.resources.tables.control]: chunk.map((Item) => ({ PutRequest: { Item } })) } })),
    );
    const bare = performance.now() - t1;
    // The same merge operation we use, without HTTP, validation, the gateway or indexing.
    const t2 = performance.now();
    await mapWithConcurrency(items, UPSERT_CONCURRENCY * CLIENT_CONCURRENCY, ({ pk, sk, ...fields }) =>
      ddb.send(
        new UpdateCommand({
          TableName: cloud.resources.tables.control,
          Key: { pk: `UPD${pk}`, sk },
          UpdateExpression: `SET ${Object.keys(fields).map((f, i) => `#f${i} = :f${i}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(Object.keys(fields).map((f, i) => [`#f${i}`, f])),
          ExpressionAttributeValues: Object.fromEntries(Object.values(fields).map((v, i) => [`:f${i}`, v])),
        }),
      ),
    );
    const bareUpdates = performance.now() - t2;
    ddb.destroy();

    const rate = (ms: number) => (opts.rows / (ms / 1000)).toFixed(0);
    const line = (name: string, ms: number) =>
      console.log(`| ${name} | ${ms.toFixed(0)} ms | ${rate(ms)} | ${(bareUpdates / ms).toFixed(2)}× | ${(bare / ms).toFixed(2)}× |`);
    console.log('| path | time | rows/s | vs bare UpdateItem | vs bare BatchWriteItem |');
    console.log('|---|---|---|---|---|');
    line('HTTP accepted (validated, merged into DynamoDB)', accepted);
    line('HTTP → searchable (stream → _bulk → refresh)', searchable);
    line('baseline: bare parallel UpdateItem (same merge, no HTTP/validation/index)', bareUpdates);
    line('baseline: bare BatchWriteItem (overwrite, no merge)', bare);
  } finally {
    await cloud.stop();
  }
}
