import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { lookupBulkDataSchema } from '../../../../functions/domain/lookups/bulk-lookup-data.ts';
import { deliverWebhook, WEBHOOK_MAX_ATTEMPTS, workspaceWebhookSecret } from '../../../../functions/domain/lookups/bulk-webhook.ts';
import { receiveRocketReachDelivery } from '../../../../functions/domain/lookups/provider-webhooks.ts';
import { AppError } from '../../../../functions/platform/errors.ts';
import type { ProviderDelivery, ProviderDeliveryStore } from '../../../../functions/ports/provider-deliveries.port.ts';
import { UrlBlockedError, type OutboundHttp, type OutboundRequest, type OutboundResponse } from '../../../../functions/ports/outbound-http.port.ts';

const lookups = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Person ${i}` }));

const responseWith = (status: number): OutboundResponse => ({ status, headers: {}, url: 'https://hooks.example.com/x', body: new Uint8Array(), attempts: 1, text: () => '', json: () => ({}) });

/** Answers each call with the next scripted status, or throws the scripted error; keeps every request. */
const scriptedHttp = (script: readonly (number | Error)[]) => {
  const requests: OutboundRequest[] = [];
  const http: OutboundHttp = {
    request: async (request) => {
      requests.push(request);
      const next = script[requests.length - 1] ?? 200;
      if (next instanceof Error) throw next;
      return responseWith(next);
    },
  };
  return { http, requests };
};

const sleeps: number[] = [];
const deliveryDeps = (http: OutboundHttp) => ({ http, now: () => Date.UTC(2026, 0, 1), sleep: async (ms: number) => void sleeps.push(ms) });
const target = { url: 'https://hooks.example.com/x', secret: 'ws-secret', workspaceId: 'ws-1', jobId: 'job-1' };

class MemoryDeliveries implements ProviderDeliveryStore {
  readonly kept = new Map<string, ProviderDelivery>();
  async putOnce(delivery: ProviderDelivery): Promise<boolean> {
    const key = `${delivery.provider}#${delivery.requestId}`;
    if (this.kept.has(key)) return false;
    this.kept.set(key, delivery);
    return true;
  }
  async get(provider: string, requestId: string) {
    return this.kept.get(`${provider}#${requestId}`);
  }
}

const SECRET = 'rr-secret';
const sign = (body: string, secret = SECRET) => createHmac('sha256', secret).update(body).digest('base64');
const now = () => new Date('2026-01-01T00:00:00Z');

describe('bulk lookup input', () => {
  it('It should refuse 9 and 101 lookups with a message naming the bound, and take 10 and 100', () => {
    const nine = lookupBulkDataSchema.safeParse({ lookups: lookups(9) });
    const hundredOne = lookupBulkDataSchema.safeParse({ lookups: lookups(101) });

    expect(nine.success).toBe(false);
    expect(nine.error?.issues[0]).toMatchObject({ path: ['lookups'], message: expect.stringContaining('minimum 10') });
    expect(hundredOne.error?.issues[0]).toMatchObject({ path: ['lookups'], message: expect.stringContaining('maximum 100') });
    expect(lookupBulkDataSchema.safeParse({ lookups: lookups(10) }).success).toBe(true);
    expect(lookupBulkDataSchema.safeParse({ lookups: lookups(100) }).success).toBe(true);
  });

  it('It should refuse a lookup with no identifying parameter, naming its index, and a non-http webhook_url', () => {
    const noId = lookupBulkDataSchema.safeParse({ lookups: [...lookups(9), { current_title: 'CTO' }] });
    const ftp = lookupBulkDataSchema.safeParse({ lookups: lookups(10), webhook_url: 'ftp://hooks.example.com/' });

    expect(noId.error?.issues[0]?.path).toEqual(['lookups', 9, 'name']);
    expect(ftp.error?.issues[0]?.path).toEqual(['webhook_url']);
  });
});

describe('bulk lookup webhook delivery', () => {
  it('It should sign the raw body as sha256=<hex> and retry a 503 with back-off until a 200', async () => {
    sleeps.length = 0;
    const { http, requests } = scriptedHttp([503, 200]);

    const report = await deliverWebhook(deliveryDeps(http), target, { results: [1, 2] });

    expect(report).toMatchObject({ delivered: true, attempts: [{ attempt: 1, status: 503 }, { attempt: 2, status: 200 }] });
    const body = requests[1]!.body as string;
    expect(requests[1]!.headers!['x-leadstack-signature']).toBe(`sha256=${createHmac('sha256', 'ws-secret').update(body).digest('hex')}`);
    expect(requests.map((r) => [r.provider, r.method, r.url])).toEqual([['webhooks', 'POST', target.url], ['webhooks', 'POST', target.url]]);
    expect(sleeps).toEqual([500]);
  });

  it('It should stop after the last attempt when the receiver keeps failing, recording each one', async () => {
    const { http } = scriptedHttp(Array.from({ length: WEBHOOK_MAX_ATTEMPTS }, () => 500));

    const report = await deliverWebhook(deliveryDeps(http), target, {});

    expect(report.delivered).toBe(false);
    expect(report.attempts.map((a) => a.status)).toEqual(Array.from({ length: WEBHOOK_MAX_ATTEMPTS }, () => 500));
  });

  it('It should not retry a 4xx nor a URL the SSRF guard refuses', async () => {
    const rejected = await deliverWebhook(deliveryDeps(scriptedHttp([410]).http), target, {});
    const blocked = await deliverWebhook(deliveryDeps(scriptedHttp([new UrlBlockedError('private_address', target.url)]).http), target, {});

    expect(rejected).toMatchObject({ delivered: false, attempts: [{ status: 410 }] });
    expect(blocked).toMatchObject({ delivered: false, attempts: [{ error: 'ERR_URL_BLOCKED' }] });
  });

  it('It should derive a different webhook secret per workspace, stable for one', () => {
    expect(workspaceWebhookSecret('base-secret', 'ws-a')).toBe(workspaceWebhookSecret('base-secret', 'ws-a'));
    expect(workspaceWebhookSecret('base-secret', 'ws-a')).not.toBe(workspaceWebhookSecret('base-secret', 'ws-b'));
  });
});

describe('RocketReach webhook receiver', () => {
  const body = JSON.stringify([{ id: 1, status: 'complete' }, { id: 2, status: 'failed' }]);

  it('It should refuse a bad or missing signature with ERR_INVALID_SIGNATURE and store nothing', async () => {
    const store = new MemoryDeliveries();
    const bad = receiveRocketReachDelivery(store, SECRET, Buffer.from(body), { 'x-rocketreach-signature': sign(body, 'other'), 'rr-request-id': 'r-1' }, now);
    const missing = receiveRocketReachDelivery(store, SECRET, Buffer.from(body), { 'rr-request-id': 'r-1' }, now);
    const unconfigured = receiveRocketReachDelivery(store, undefined, Buffer.from(body), { 'x-rocketreach-signature': sign(body), 'rr-request-id': 'r-1' }, now);

    for (const attempt of [bad, missing, unconfigured]) await expect(attempt).rejects.toMatchObject({ code: 'ERR_INVALID_SIGNATURE', status: 401 });
    expect(store.kept.size).toBe(0);
  });

  it('It should refuse a body changed after signing (the signature covers the raw bytes)', async () => {
    const store = new MemoryDeliveries();
    const respaced = JSON.stringify(JSON.parse(body), null, 1);

    await expect(receiveRocketReachDelivery(store, SECRET, Buffer.from(respaced), { 'x-rocketreach-signature': sign(body), 'rr-request-id': 'r-1' }, now)).rejects.toBeInstanceOf(AppError);
    expect(store.kept.size).toBe(0);
  });

  it('It should keep a good delivery once and answer its replay as a duplicate', async () => {
    const store = new MemoryDeliveries();
    const headers = { 'x-rocketreach-signature': sign(body), 'rr-request-id': 'r-7' };

    const first = await receiveRocketReachDelivery(store, SECRET, Buffer.from(body), headers, now);
    const replay = await receiveRocketReachDelivery(store, SECRET, Buffer.from(body), headers, () => new Date('2026-01-02T00:00:00Z'));

    expect(first).toEqual({ request_id: 'r-7', results: 2, duplicate: false });
    expect(replay).toEqual({ request_id: 'r-7', results: 2, duplicate: true });
    expect(store.kept.get('rocketreach#r-7')).toMatchObject({ receivedAt: '2026-01-01T00:00:00.000Z', body });
  });
});
