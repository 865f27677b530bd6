import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import WebSocket from 'ws';
import { LOCAL_CREDENTIALS } from '../../../lib/local/aws.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGION, eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

let t: TestCloud;
let s3: S3Client;

beforeAll(async () => {
  t = await startTestCloud();
  s3 = new S3Client({ endpoint: t.cloud.endpoints.s3, region: REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
});

afterAll(async () => {
  s3?.destroy();
  await t?.stop();
});

/** Browsers cannot set headers on a WebSocket: a key buys a single-use ticket, passed as `?ticket=`. */
async function connect(key?: string): Promise<WebSocket> {
  const ticket = key ? (await t.api('/v1/ws-tickets', { method: 'POST', key })).body.ticket : undefined;
  const url = ticket ? `${t.cloud.endpoints.ws}?ticket=${encodeURIComponent(ticket)}` : t.cloud.endpoints.ws;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

const nextMessage = (socket: WebSocket): Promise<Record<string, unknown>> =>
  new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));

const uploadItem = (workspace: string, key: string) =>
  t.documents.send(new GetCommand({ TableName: t.cloud.resources.tables.control, Key: { pk: `WS#${workspace}`, sk: `UPLOAD#${key}` } })).then((r) => r.Item);

describe('WebSocket API', () => {
  it('It should refuse a connection without a ticket (401), and not take an API key header instead', async () => {
    await expect(connect()).rejects.toThrow('HTTP 401');
    const withHeader = new Promise((resolve, reject) => {
      const socket = new WebSocket(t.cloud.endpoints.ws, { headers: { authorization: `Bearer ${t.keys.a}` } });
      socket.once('open', () => resolve(socket));
      socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    await expect(withHeader).rejects.toThrow('HTTP 401');
  });

  it('It should answer ping with pong and unknown actions with an error, and keep the connection with a TTL', async () => {
    const socket = await connect(t.keys.a);
    const pong = nextMessage(socket);
    socket.send(JSON.stringify({ action: 'ping' }));
    expect(await pong).toMatchObject({ type: 'pong' });
    const error = nextMessage(socket);
    socket.send(JSON.stringify({ action: 'dance' }));
    expect(await error).toMatchObject({ type: 'error', code: 'ERR_UNKNOWN_ACTION' });
    const junk = nextMessage(socket);
    socket.send('not json');
    expect(await junk).toMatchObject({ type: 'error', code: 'ERR_VALIDATION' });
    socket.close();
  });

  it('It should store the connection with its workspace and a TTL, and remove it on disconnect', async () => {
    const socket = await connect(t.keys.b);
    const ids = await eventually(async () => {
      const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
      const { Items } = await t.documents.send(new ScanCommand({ TableName: t.cloud.resources.tables.control, FilterExpression: 'workspace_id = :w AND begins_with(pk, :c)', ExpressionAttributeValues: { ':w': 'workspace-b', ':c': 'CONN#' } }));
      return Items && Items.length === 1 ? Items : undefined;
    }, 'the connection item', 10_000);
    const item = ids[0] as { pk: string; expires_at: number };
    expect(item.expires_at).toBeGreaterThan(Date.now() / 1000 + 3600);
    socket.close();
    await eventually(async () => (await t.documents.send(new GetCommand({ TableName: t.cloud.resources.tables.control, Key: { pk: item.pk, sk: 'CONN' } }))).Item === undefined, 'the connection item to go', 10_000);
  });
});

describe('uploads bucket → ObjectCreated → queue → worker', () => {
  it('It should record an object put with the AWS SDK under its workspace', async () => {
    const key = 'workspaces/dev/uploads/sdk.csv';
    await s3.send(new PutObjectCommand({ Bucket: t.cloud.resources.bucket, Key: key, Body: 'name\nAcme\n' }));
    const item = await eventually(() => uploadItem('dev', key), 'the upload record', 20_000);
    expect(item).toMatchObject({ s3_key: key, size: 10 });
  });

  it('It should record a browser-style presigned PUT (with preflight) and expose the ETag', async () => {
    const key = 'workspaces/workspace-b/uploads/with space.csv';
    const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: t.cloud.resources.bucket, Key: key, ContentType: 'text/csv' }), { expiresIn: 300 });
    const origin = 'http://localhost:5173';
    const preflight = await fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' } });
    expect(preflight.status).toBe(200);
    // s3rver answers a matched preflight with '*' where S3 echoes the origin; both let the browser on.
    expect([origin, '*']).toContain(preflight.headers.get('access-control-allow-origin'));
    const stranger = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'PUT' } });
    expect(stranger.status).toBe(403);
    const put = await fetch(url, { method: 'PUT', headers: { origin, 'content-type': 'text/csv' }, body: 'a,b\n1,2\n' });
    expect(put.status).toBe(200);
    expect(put.headers.get('access-control-allow-origin')).toBe(origin);
    expect(put.headers.get('etag')).toBeTruthy();
    expect(put.headers.get('access-control-expose-headers') ?? '').toMatch(/etag/i);
    const item = await eventually(() => uploadItem('workspace-b', key), 'the presigned upload record', 20_000);
    expect(item).toMatchObject({ size: 8 });
    expect(await uploadItem('dev', key)).toBeUndefined();
  });

  it('It should refuse a presigned URL whose signature was tampered with', async () => {
    const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: t.cloud.resources.bucket, Key: 'workspaces/dev/uploads/x.csv' }), { expiresIn: 300 });
    const tampered = url.replace('workspaces/dev/', 'workspaces/workspace-b/');
    expect((await fetch(tampered, { method: 'PUT', body: 'x' })).status).toBe(403);
  });

  it('It should skip objects outside any workspace without failing the message', async () => {
    await s3.send(new PutObjectCommand({ Bucket: t.cloud.resources.bucket, Key: 'stray/object.txt', Body: 'x' }));
    await s3.send(new PutObjectCommand({ Bucket: t.cloud.resources.bucket, Key: 'workspaces/dev/uploads/after-stray.csv', Body: 'x' }));
    await eventually(() => uploadItem('dev', 'workspaces/dev/uploads/after-stray.csv'), 'the later upload', 20_000);
    const sqs = new SQSClient({ endpoint: t.cloud.endpoints.sqs, region: REGION, credentials: LOCAL_CREDENTIALS });
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: t.cloud.resources.queues.uploadEvents.dlqUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
    expect(Attributes?.ApproximateNumberOfMessages).toBe('0');
    sqs.destroy();
  });
});
