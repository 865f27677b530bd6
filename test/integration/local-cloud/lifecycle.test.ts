import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { access, mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { GetItemCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand, SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../../lib/local/cloud.ts';
import { REPO_ROOT } from '../../../lib/local/options.ts';
import { findFreePortBase } from '../../../lib/local/port-range.ts';
import { recorded } from '../../fixtures/local-cloud/recorder.ts';
import { CREDENTIALS, REGION, dynamoDbLocalProcesses, eventually, portOf, startFixtureCloud } from './helpers.ts';

const clientsOf = (cloud: LocalCloud) => ({
  dynamodb: new DynamoDBClient({ endpoint: cloud.endpoints.dynamodb, region: REGION, credentials: CREDENTIALS }),
  sqs: new SQSClient({ endpoint: cloud.endpoints.sqs, region: REGION, credentials: CREDENTIALS }),
  s3: new S3Client({ endpoint: cloud.endpoints.s3, region: REGION, credentials: CREDENTIALS, forcePathStyle: true }),
});

const deliveriesOf = (pk: string): number =>
  recorded<DynamoDBStreamEvent>('stream-batch').flatMap((batch) => batch.Records).filter((record) => record.dynamodb?.Keys?.pk?.S === pk).length;

describe('local cloud lifecycle', () => {
  it('It should keep table items, objects, queued messages, search documents and stream positions across a restart', async () => {
    // Prepare
    await mkdir(path.join(REPO_ROOT, '.tmp'), { recursive: true });
    const dataDir = await mkdtemp(path.join(REPO_ROOT, '.tmp', 'lifecycle-'));
    const key = { pk: { S: 'kept' }, sk: { S: 'RECORD' } };
    try {
      const first = await startFixtureCloud('lslife', { dataDir });
      const before = clientsOf(first);
      await before.dynamodb.send(new PutItemCommand({ TableName: first.resources.tables.records, Item: { ...key, note: { S: 'survives' } } }));
      await before.s3.send(new PutObjectCommand({ Bucket: first.resources.bucket, Key: 'kept.txt', Body: 'still here' }));
      await before.sqs.send(new SendMessageCommand({ QueueUrl: first.resources.queues.uploadEvents.dlqUrl, MessageBody: 'parked' }));
      const indexed = await fetch(`${first.endpoints.search}/kept-index/_doc/1?refresh=true`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ note: 'indexed' }),
      });
      expect(indexed.status).toBe(201);
      await eventually(() => deliveriesOf('kept') === 1, 'the stream record before the restart');
      for (const client of Object.values(before)) client.destroy();
      const firstDynamoPort = portOf(first.endpoints.dynamodb);

      // Act
      await first.stop();
      const leftOver = await dynamoDbLocalProcesses(firstDynamoPort);
      const second = await startFixtureCloud('lslife', { dataDir });
      const after = clientsOf(second);
      try {
        const item = await after.dynamodb.send(new GetItemCommand({ TableName: second.resources.tables.records, Key: key }));
        const object = await after.s3.send(new GetObjectCommand({ Bucket: second.resources.bucket, Key: 'kept.txt' }));
        const parked = await after.sqs.send(new ReceiveMessageCommand({ QueueUrl: second.resources.queues.uploadEvents.dlqUrl, WaitTimeSeconds: 1 }));
        const document = (await (await fetch(`${second.endpoints.search}/kept-index/_doc/1`)).json()) as { _source?: unknown };
        await after.dynamodb.send(new PutItemCommand({ TableName: second.resources.tables.records, Item: { pk: { S: 'fresh' }, sk: { S: 'RECORD' } } }));
        await eventually(() => deliveriesOf('fresh') === 1, 'the stream record after the restart');

        // Assess
        expect(leftOver).toEqual([]);
        expect(item.Item?.note).toEqual({ S: 'survives' });
        expect(await object.Body?.transformToString()).toBe('still here');
        expect(parked.Messages?.map((message) => message.Body)).toEqual(['parked']);
        expect(document._source).toEqual({ note: 'indexed' });
        expect(deliveriesOf('kept')).toBe(1);
      } finally {
        for (const client of Object.values(after)) client.destroy();
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('It should run npm start, print the endpoints and dev key, and stop on SIGINT without leftovers', async () => {
    // Prepare
    // Every port --port-base takes (emulators, gateways and fakes) is checked free first.
    const base = await findFreePortBase();
    const child = spawn(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['bin/local.ts', '--ephemeral', '--quiet', '--port-base', String(base)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

    // Act
    const banner = await eventually(() => /ready in \d+ ms \(data: (\S+)\)[\s\S]*Dev API key\s+(\S+)/.exec(output) ?? undefined, 'the ready banner', 60_000);
    const dataDir = banner[1] ?? '';
    const health = await fetch(`http://127.0.0.1:${base}/v1/health`);
    child.kill('SIGINT');
    const [code] = await exited;

    // Assess
    expect(health.status).toBe(200);
    expect(output).toContain(`DynamoDB         http://127.0.0.1:${base + 2}`);
    expect(banner[2]).not.toBe('');
    expect(code).toBe(0);
    expect(await dynamoDbLocalProcesses(String(base + 2))).toEqual([]);
    await expect(access(dataDir)).rejects.toThrow();
  });
});
