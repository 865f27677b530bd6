import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { v7 as uuidv7 } from 'uuid';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoJobStore } from '../../../functions/adapters/dynamodb/jobs.dynamodb.ts';
import { DynamoWsTicketStore } from '../../../functions/adapters/dynamodb/tickets.dynamodb.ts';
import { hashTicket } from '../../../functions/domain/realtime/ws-ticket.ts';
import { LOCAL_CREDENTIALS } from '../../../lib/local/aws.ts';
import { REGION, eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

let t: TestCloud;
let jobs: DynamoJobStore;
let s3: S3Client;

beforeAll(async () => {
  t = await startTestCloud();
  jobs = new DynamoJobStore(t.documents, t.cloud.resources.tables.control);
  s3 = new S3Client({ endpoint: t.cloud.endpoints.s3, region: REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
});

afterAll(async () => {
  s3?.destroy();
  await t?.stop();
});

type Message = Record<string, any>;

interface Client {
  readonly socket: WebSocket;
  readonly messages: Message[];
  /** The first message from `from` on that satisfies `match`. */
  next(match: (message: Message) => boolean, from?: number): Promise<Message>;
  send(message: Record<string, unknown>): void;
}

async function ticketFor(key: string): Promise<string> {
  const response = await t.api('/v1/ws-tickets', { method: 'POST', key });
  expect(response.status).toBe(201);
  return response.body.ticket as string;
}

function connect(ticket?: string): Promise<Client> {
  const url = ticket === undefined ? t.cloud.endpoints.ws : `${t.cloud.endpoints.ws}?ticket=${encodeURIComponent(ticket)}`;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const messages: Message[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
    socket.once('open', () =>
      resolve({
        socket,
        messages,
        send: (message) => socket.send(JSON.stringify(message)),
        next: (match, from = 0) => eventually(async () => messages.slice(from).find(match), 'a matching WebSocket message', 30_000),
      }),
    );
  });
}

async function subscribersOf(pk: string): Promise<string[]> {
  const { Items = [] } = await t.documents.send(
    new QueryCommand({ TableName: t.cloud.resources.tables.control, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }),
  );
  return Items.map((item) => String(item.connection_id));
}

/** A job of `workspaceId` put straight into the table, paused: resuming it through the API queues it. */
async function pausedJob(workspaceId: string, data: Record<string, unknown>) {
  const job = await jobs.create({ id: uuidv7(), workspaceId, type: 'insert_csv_file', data, retryCount: 1 });
  await jobs.move(workspaceId, job.id, { from: ['open'], to: 'in_queue' });
  await jobs.move(workspaceId, job.id, { from: ['in_queue'], to: 'processing' });
  await jobs.move(workspaceId, job.id, { from: ['processing'], to: 'paused' });
  return job;
}

describe('WebSocket tickets', () => {
  it('It should admit a connection with a fresh ticket and answer ping with pong', async () => {
    // Prepare
    const client = await connect(await ticketFor(t.keys.a));
    // Act
    client.send({ action: 'ping' });
    // Assess
    expect(await client.next((m) => m.type === 'pong')).toMatchObject({ type: 'pong', time: expect.any(String) });
    client.socket.close();
  });

  it('It should refuse a reused ticket (403), an expired one (403) and a missing one (401)', async () => {
    // Prepare
    const ticket = await ticketFor(t.keys.a);
    const first = await connect(ticket);
    const expired = `wst_${'e'.repeat(43)}`;
    await new DynamoWsTicketStore(t.documents, t.cloud.resources.tables.control).put({
      hash: hashTicket(expired),
      workspaceId: 'dev',
      expiresAt: new Date(Date.now() - 1_000).toISOString(),
    });
    // Act / Assess
    await expect(connect(ticket)).rejects.toThrow('HTTP 403');
    await expect(connect(expired)).rejects.toThrow('HTTP 403');
    await expect(connect()).rejects.toThrow('HTTP 401');
    await expect(connect('wst_made_up')).rejects.toThrow('HTTP 403');
    first.socket.close();
  });

  it('It should store only the ticket\'s hash, with a TTL', async () => {
    // Prepare
    const ticket = await ticketFor(t.keys.b);
    // Act
    const { Item } = await t.documents.send(new GetCommand({ TableName: t.cloud.resources.tables.control, Key: { pk: `WSTICKET#${hashTicket(ticket)}`, sk: 'WSTICKET' } }));
    // Assess
    expect(Item).toMatchObject({ workspace_id: 'workspace-b' });
    expect(JSON.stringify(Item)).not.toContain(ticket);
    expect(Item?.expires_at).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 61);
  });
});

describe('job subscriptions', () => {
  it('It should subscribe to a job of the caller\'s workspace and refuse another workspace\'s job with an error message', async () => {
    // Prepare
    const own = await pausedJob('dev', { s3_key: 'workspaces/dev/uploads/x/none.csv' });
    const foreign = await pausedJob('workspace-b', { s3_key: 'workspaces/workspace-b/uploads/x/none.csv' });
    const client = await connect(await ticketFor(t.keys.a));
    // Act
    client.send({ action: 'subscribe', job_id: own.id });
    const subscribed = await client.next((m) => m.job_id === own.id);
    client.send({ action: 'subscribe', job_id: foreign.id });
    const refused = await client.next((m) => m.job_id === foreign.id);
    client.send({ action: 'subscribe' });
    const invalid = await client.next((m) => m.type === 'error' && m.code === 'ERR_VALIDATION');
    // Assess
    expect(subscribed).toMatchObject({ type: 'subscribed', status: 'paused', progress: 0 });
    expect(refused).toMatchObject({ type: 'error', code: 'ERR_NOT_FOUND' });
    expect(invalid.message).toContain('job_id');
    expect(await subscribersOf(`JOBSUB#workspace-b#${foreign.id}`)).toEqual([]);
    expect(await subscribersOf(`JOBSUB#dev#${own.id}`)).toHaveLength(1);
    client.socket.close();
  });

  it('It should stop pushing after unsubscribe, and drop the subscription of a connection that went away (410)', async () => {
    // Prepare
    const job = await pausedJob('dev', { s3_key: 'workspaces/dev/uploads/x/none.csv' });
    const staying = await connect(await ticketFor(t.keys.a));
    const leaving = await connect(await ticketFor(t.keys.a));
    for (const client of [staying, leaving]) {
      client.send({ action: 'subscribe', job_id: job.id });
      await client.next((m) => m.type === 'subscribed');
    }
    staying.send({ action: 'unsubscribe', job_id: job.id });
    await staying.next((m) => m.type === 'unsubscribed');
    const [leavingId] = await subscribersOf(`JOBSUB#dev#${job.id}`);
    leaving.socket.terminate();
    // Its $disconnect has run once its connection item is gone; @connections then answers 410.
    await eventually(
      async () => (await t.documents.send(new GetCommand({ TableName: t.cloud.resources.tables.control, Key: { pk: `CONN#${leavingId}`, sk: 'CONN' } }))).Item === undefined || undefined,
      'the gateway to see the connection go',
      10_000,
    );
    // Act: the API publishes the status change to the job's subscribers
    const stop = await t.api(`/v1/jobs/${job.id}/stop`, { method: 'POST' });
    // Assess
    expect(stop.status).toBe(200);
    expect(leavingId).toEqual(expect.any(String));
    await eventually(async () => ((await subscribersOf(`JOBSUB#dev#${job.id}`)).length === 0 ? true : undefined), 'the gone connection\'s subscription to be removed', 10_000);
    expect(staying.messages.some((m) => m.type === 'status')).toBe(false);
    staying.socket.close();
  });
});

describe('the life of an import over the WebSocket', () => {
  it('It should show a subscriber status, progress and the final status with its result, in order', async () => {
    // Prepare: a CSV in the workspace's uploads, and a paused import of it the client follows
    const rows = Array.from({ length: 2_500 }, (_, i) => `Person${i},Tester,person${i}@acme-${i % 7}.example,Acme ${i % 7},https://linkedin.com/in/person-${i}`);
    const key = `workspaces/dev/uploads/${uuidv7()}/people.csv`;
    await s3.send(new PutObjectCommand({ Bucket: t.cloud.resources.bucket, Key: key, Body: `first_name,last_name,email,company,person_linkedin_url\n${rows.join('\n')}\n` }));
    const job = await pausedJob('dev', { s3_key: key });
    const client = await connect(await ticketFor(t.keys.a));
    client.send({ action: 'subscribe', job_id: job.id });
    await client.next((m) => m.type === 'subscribed');
    // Act
    const resumed = await t.api(`/v1/jobs/${job.id}/resume`, { method: 'POST' });
    const final = await client.next((m) => m.type === 'status' && ['completed', 'failed'].includes(m.status));
    // Assess
    expect(resumed.status).toBe(200);
    const seen = client.messages.filter((m) => m.job_id === job.id && m.type !== 'subscribed');
    const kinds = seen.map((m) => (m.type === 'status' ? `status:${m.status}` : m.type));
    expect(kinds[0]).toBe('status:in_queue');
    expect(kinds[1]).toBe('status:processing');
    expect(kinds.at(-1)).toBe('status:completed');
    const progress = seen.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(kinds.indexOf('progress')).toBeGreaterThan(1);
    const completed = progress.map((m) => m.completed as number);
    expect(completed).toEqual([...completed].sort((a, b) => a - b));
    expect(final.result).toBeDefined();
    expect(seen.every((m) => typeof m.timestamp === 'string')).toBe(true);
    const stored = await t.api(`/v1/jobs/${job.id}`);
    expect(stored.body.job).toMatchObject({ status: 'completed', progress: 1, counters: { rows_read: 2_500 } });
    client.socket.close();
  });
});
