/**
 * Bulk lookups and webhooks through the local cloud: the real job worker works a `lookup_bulk`
 * job against the fake RocketReach, the WebSocket carries its progress, and a test server
 * receives the signed results; the fake's own bulk deliveries reach the public receiver.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FAKE_ROCKETREACH_API_KEY, rocketReachDataset } from '../../../lib/local/fakes/rocketreach/index.ts';
import { DEFAULT_FAKE_SEED } from '../../../lib/local/options.ts';
import { eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

type Message = Record<string, any>;
interface Received {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

const JOB_TIMEOUT_MS = 90_000;
const people = rocketReachDataset(`${DEFAULT_FAKE_SEED}:rocketreach`).people().slice(0, 12);
const byId = (n: number) => people.slice(0, n).map((person) => ({ id: String(person.profile.id) }));

let t: TestCloud;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];

/** The caller's webhook: fails the first delivery with a 503, so the retry shows in the job's result. */
async function startReceiver(): Promise<void> {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(received.length === 1 ? 503 : 200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/leadstack`;
}

const fakeUrl = (): string => t.cloud.fakes.find((fake) => fake.name === 'rocketreach')!.url;

beforeAll(async () => {
  await startReceiver();
  t = await startTestCloud({ allowHosts: [new URL(receiverUrl).host] });
  const key = await t.api('/v1/lookups/account/key', { body: { api_key: FAKE_ROCKETREACH_API_KEY } });
  expect(key.status, JSON.stringify(key.body)).toBe(200);
}, 240_000);

afterAll(async () => {
  await t?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function watchJob(create: () => Promise<{ status: number; body: any }>): Promise<{ created: any; messages: Message[]; final: Message }> {
  const ticket = (await t.api('/v1/ws-tickets', { method: 'POST' })).body.ticket as string;
  const socket = new WebSocket(`${t.cloud.endpoints.ws}?ticket=${encodeURIComponent(ticket)}`);
  const messages: Message[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const created = await create();
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  socket.send(JSON.stringify({ action: 'subscribe', job_id: created.body.job_id }));
  const final = await eventually(() => messages.find((m) => m.type === 'status' && ['completed', 'failed'].includes(m.status)), 'the bulk job to finish', JOB_TIMEOUT_MS - 10_000);
  socket.close();
  return { created: created.body, messages, final };
}

describe('POST /v1/lookups/bulk', () => {
  it('It should refuse 9 and 101 lookups with ERR_VALIDATION naming the bound, and an internal webhook URL', async () => {
    const nine = await t.api('/v1/lookups/bulk', { body: { lookups: byId(9) } });
    const many = await t.api('/v1/lookups/bulk', { body: { lookups: Array.from({ length: 101 }, (_, i) => ({ name: `Person ${i}` })) } });
    const internal = await t.api('/v1/lookups/bulk', { body: { lookups: byId(10), webhook_url: 'http://169.254.169.254/latest/meta-data' } });

    expect([nine.status, nine.body.error.code]).toEqual([400, 'ERR_VALIDATION']);
    expect(nine.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'lookups', message: expect.stringContaining('minimum 10') })]));
    expect([many.status, many.body.error.code]).toEqual([400, 'ERR_VALIDATION']);
    expect(many.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'lookups', message: expect.stringContaining('maximum 100') })]));
    expect([internal.status, internal.body.error.code]).toEqual([422, 'ERR_URL_BLOCKED']);
    expect(internal.body.error.details[0].path).toBe('webhook_url');
  });

  it('It should work through a bulk of 10 with progress on the WebSocket and POST the signed results to the webhook, retrying a 503', async () => {
    const { created, messages, final } = await watchJob(() => t.api('/v1/lookups/bulk', { body: { lookups: byId(10), webhook_url: receiverUrl } }));

    expect(final, JSON.stringify(final)).toMatchObject({ status: 'completed', result_summary: { lookups: 10, failed: 0 } });
    expect(messages.filter((m) => m.type === 'progress' && m.stage === 'lookups').length).toBeGreaterThan(0);
    expect(created.webhook).toMatchObject({ url: receiverUrl, signature_header: 'x-leadstack-signature' });
    const secret = created.webhook.secret as string;
    expect(received).toHaveLength(2);
    for (const delivery of received) {
      expect(delivery.headers['x-leadstack-signature']).toBe(`sha256=${createHmac('sha256', secret).update(delivery.body).digest('hex')}`);
    }
    const payload = JSON.parse(received[1]!.body);
    expect(payload).toMatchObject({ job_id: created.job_id, job_type: 'lookup_bulk', summary: { lookups: 10 } });
    expect(payload.results.map((r: any) => r.person?.id)).toEqual(byId(10).map((q) => q.id));
    expect(payload.results.every((r: any) => typeof r.stored?.contact_uuid === 'string')).toBe(true);

    const job = await t.api(`/v1/jobs/${created.job_id}`);
    expect(job.body.job.result.webhook).toMatchObject({ delivered: true, attempts: [{ attempt: 1, status: 503 }, { attempt: 2, status: 200 }] });
  }, JOB_TIMEOUT_MS);

  it('It should answer lookups it already made from the cache, spending no second credit', async () => {
    const { final } = await watchJob(() => t.api('/v1/lookups/bulk', { body: { lookups: byId(11) } }));

    // Ten repeats from the cache, one new lookup: exactly one credit.
    expect(final, JSON.stringify(final)).toMatchObject({ status: 'completed', result_summary: { lookups: 11, cached: 10, failed: 0, credits: 1 } });
  }, JOB_TIMEOUT_MS);
});

describe('POST /v1/lookups/webhooks/rocketreach', () => {
  const deliveryItem = async (requestId: string) =>
    (await t.documents.send(new GetCommand({ TableName: t.cloud.resources.tables.control, Key: { pk: `HOOK#rocketreach#${requestId}`, sk: 'HOOK' } }))).Item;

  it('It should receive the fake\'s signed bulk delivery once, and answer its replay as a duplicate', async () => {
    const bulk = await fetch(`${fakeUrl()}/api/v2/bulkLookup`, { method: 'POST', headers: { 'content-type': 'application/json', 'api-key': FAKE_ROCKETREACH_API_KEY }, body: JSON.stringify({ queries: byId(10) }) });
    const requestId = ((await bulk.json()) as { request_id: string }).request_id;
    expect(bulk.status).toBe(200);

    const stored = await eventually(() => deliveryItem(requestId), 'the delivery to be stored', 30_000);
    expect(stored).toMatchObject({ provider: 'rocketreach', request_id: requestId, results: 10 });

    const control = (await (await fetch(`${fakeUrl()}/__fake/webhooks`)).json()) as { deliveries: { requestId: string; body: string; signature: string; attempts: number[] }[] };
    const sent = control.deliveries.find((d) => d.requestId === requestId)!;
    expect(sent.attempts).toEqual([200]);
    const replay = await t.api('/v1/lookups/webhooks/rocketreach', { key: null, rawBody: sent.body, headers: { 'x-rocketreach-signature': sent.signature, 'rr-request-id': requestId } });
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ request_id: requestId, results: 10, duplicate: true });
    expect((await deliveryItem(requestId))?.received_at).toBe(stored!.received_at);
  }, 60_000);

  it('It should refuse a bad signature with 401 ERR_INVALID_SIGNATURE and store nothing', async () => {
    const body = JSON.stringify([{ id: 1, status: 'complete' }]);
    const forged = createHmac('sha256', 'not-the-secret').update(body).digest('base64');

    const answer = await t.api('/v1/lookups/webhooks/rocketreach', { key: null, rawBody: body, headers: { 'x-rocketreach-signature': forged, 'rr-request-id': 'forged-1' } });

    expect([answer.status, answer.body.error.code]).toEqual([401, 'ERR_INVALID_SIGNATURE']);
    expect(await deliveryItem('forged-1')).toBeUndefined();
  });
});
