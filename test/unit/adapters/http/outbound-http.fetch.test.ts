import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { BREAKER_FAILURE_THRESHOLD } from '../../../../functions/domain/outbound/retry-policy.ts';
import type { OutboundCallError} from '../../../../functions/ports/outbound-http.port.ts';
import { OutboundRequeueError, type OutboundRequest } from '../../../../functions/ports/outbound-http.port.ts';
import { makeClient, startServer, WS, type ClientSetup, type Handler, type TestServer } from './outbound-fixtures.ts';

let server: TestServer | undefined;
let client: ClientSetup | undefined;

afterEach(async () => {
  await client?.http.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

/** A server and a client whose `rocketreach` provider points at it. */
async function setup(handler: Handler, env: Record<string, string> = {}): Promise<{ server: TestServer; client: ClientSetup }> {
  server = await startServer(handler);
  client = makeClient({ PROVIDER_ROCKETREACH_BASE_URL: server.origin, OUTBOUND_ALLOW_HOSTS: `127.0.0.1:${server.port}`, PROVIDER_ROCKETREACH_RATE_LIMITS: '', ...env });
  return { server, client };
}

const call = (c: ClientSetup, extra: Partial<OutboundRequest> = {}) => c.http.request({ provider: 'rocketreach', operation: 'lookup', url: '/api/v2/lookup', workspaceId: WS, jobId: 'job-1', caller: 'user-1', credits: 1, ...extra });

/** Answers the listed statuses in turn (with their headers), then 200. */
const sequence = (steps: ReadonlyArray<readonly [number, (Record<string, string> | (() => Record<string, string>))?]>): Handler => {
  let i = 0;
  return (_req, res) => {
    const [status, headers = {}] = steps[i++] ?? [200, {}];
    res.writeHead(status, typeof headers === 'function' ? headers() : headers).end(status === 200 ? '{"ok":true}' : 'no');
  };
};

describe('outbound client over fetch', () => {
  it('It should retry 503 and 429 and honour Retry-After in seconds and as an HTTP-date', async () => {
    const { client: c, server: s } = await setup(sequence([[503], [429, { 'retry-after': '2' }], [429, () => ({ 'retry-after': new Date(Date.now() + 10_000).toUTCString() })]]));

    const response = await call(c);

    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    expect(response.attempts).toBe(4);
    expect(s.requests).toHaveLength(4);
    expect(c.clock.sleeps[1]).toBe(2_000);
    // The virtual clock already moved 2 s on; the date has a one-second resolution.
    expect(c.clock.sleeps[2]).toBeGreaterThan(6_000);
    expect(c.clock.sleeps[2]).toBeLessThanOrEqual(8_000);
    expect(c.callLog.entries).toEqual([expect.objectContaining({ provider: 'rocketreach', operation: 'lookup', status: 200, attempts: 4, credits: 1, bytes: 11, jobId: 'job-1', caller: 'user-1', workspaceId: WS })]);
  });

  it('It should not retry a 4xx that will fail again, and spend no credits on it', async () => {
    const { client: c, server: s } = await setup(sequence([[404], [200]]));

    const response = await call(c);

    expect(response.status).toBe(404);
    expect(s.requests).toHaveLength(1);
    expect(c.callLog.entries[0]).toMatchObject({ status: 404, credits: 0, attempts: 1 });
  });

  it('It should retry a dropped connection as a network error and then succeed', async () => {
    let drops = 1;
    const { client: c, server: s } = await setup((req, res) => {
      if (drops-- > 0) req.socket.destroy();
      else res.writeHead(200).end('{"ok":true}');
    });

    expect((await call(c)).status).toBe(200);
    expect(s.requests).toHaveLength(2);
    expect(c.clock.sleeps).toHaveLength(1);
  });

  it('It should give up after MAX_RETRIES and answer the last 5xx', async () => {
    const { client: c, server: s } = await setup((_req, res) => res.writeHead(500).end(), { PROVIDER_ROCKETREACH_MAX_RETRIES: '2' });

    expect((await call(c)).status).toBe(500);
    expect(s.requests).toHaveLength(3);
  });

  it('It should requeue instead of waiting out a Retry-After beyond the caller bound', async () => {
    const { client: c } = await setup(sequence([[429, { 'retry-after': '120' }]]));

    const error = await call(c).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OutboundRequeueError);
    expect((error as OutboundRequeueError).retryAfterMs).toBe(120_000);
  });

  it('It should open the breaker after consecutive failures and let one half-open probe close it', async () => {
    let healthy = false;
    const { client: c, server: s } = await setup((_req, res) => res.writeHead(healthy ? 200 : 502).end(), { PROVIDER_ROCKETREACH_MAX_RETRIES: '0' });
    for (let i = 0; i < BREAKER_FAILURE_THRESHOLD; i++) expect((await call(c)).status).toBe(502);

    const open = await call(c).catch((e: unknown) => e);
    expect(open).toMatchObject({ failure: 'circuit_open', code: 'ERR_OUTBOUND_CIRCUIT_OPEN' });
    expect(s.requests).toHaveLength(BREAKER_FAILURE_THRESHOLD);

    c.clock.offset += (open as OutboundCallError).retryAfterMs ?? 0;
    healthy = true;
    expect((await call(c)).status).toBe(200);
    expect((await call(c)).status).toBe(200);
    expect(s.requests).toHaveLength(BREAKER_FAILURE_THRESHOLD + 2);
  });

  it('It should time out a response that never finishes, retry, and fail with a timeout', async () => {
    const { client: c, server: s } = await setup((_req, res) => res.writeHead(200).write('partial'), { PROVIDER_ROCKETREACH_TIMEOUT_MS: '200', PROVIDER_ROCKETREACH_MAX_RETRIES: '1' });

    const error = await call(c).catch((e: unknown) => e);

    expect(error).toMatchObject({ failure: 'timeout', code: 'ERR_OUTBOUND_TIMEOUT' });
    expect(s.requests).toHaveLength(2);
    expect(c.callLog.entries[0]).toMatchObject({ status: 0, error: 'ERR_OUTBOUND_TIMEOUT', attempts: 2 });
  });

  it('It should cap the decompressed size: a gzip bomb is refused although it is small on the wire', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    const { client: c } = await setup((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) }).end(bomb), { PROVIDER_ROCKETREACH_MAX_RESPONSE_BYTES: String(1024 * 1024) });

    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(call(c)).rejects.toMatchObject({ failure: 'too_large', code: 'ERR_OUTBOUND_RESPONSE_TOO_LARGE' });
  });

  it('It should refuse a plain body over the cap and accept one at the cap', async () => {
    let size = 2_000;
    const { client: c } = await setup((_req, res) => res.writeHead(200).end(Buffer.alloc(size, 97)), { PROVIDER_ROCKETREACH_MAX_RESPONSE_BYTES: '2000' });

    expect((await call(c)).body.byteLength).toBe(2_000);
    size = 2_001;
    await expect(call(c)).rejects.toMatchObject({ failure: 'too_large' });
  });

  it('It should follow a redirect within the limit and drop the API key when the origin changes', async () => {
    const other = await startServer((req, res) => res.writeHead(200).end(req.headers['x-api-key'] ?? 'no key'));
    try {
      const { client: c } = await setup(
        (req, res) => {
          if (req.url === '/api/v2/lookup') res.writeHead(301, { location: '/moved' }).end();
          else res.writeHead(307, { location: `${other.origin}/final` }).end();
        },
        { OUTBOUND_ALLOW_HOSTS: `127.0.0.1:${other.port}` },
      );
      // The client must allow both servers, and the first one's port is known only once it listens.
      await c.http.close();
      client = makeClient({ PROVIDER_ROCKETREACH_BASE_URL: server?.origin ?? '', OUTBOUND_ALLOW_HOSTS: `127.0.0.1:${server?.port},127.0.0.1:${other.port}` });

      const response = await call(client, { headers: { 'x-api-key': 'secret' } });

      expect(response.url).toBe(`${other.origin}/final`);
      expect(response.text()).toBe('no key');
      expect(server?.requests[0]?.headers['x-api-key']).toBe('secret');
    } finally {
      await other.close();
    }
  });

  it('It should connect a connect-to host to its target and keep the Host header and URL', async () => {
    server = await startServer((req, res) => res.writeHead(200).end(`host=${req.headers.host}`));
    client = makeClient({ OUTBOUND_CONNECT_TO: `*.test=127.0.0.1:${server.port}`, OUTBOUND_ALLOW_HOSTS: `127.0.0.1:${server.port}` });

    const response = await client.http.request({ provider: 'website', operation: 'page', url: 'http://acme.test/about', workspaceId: WS, ignoreRobots: true });

    expect(response.text()).toBe('host=acme.test');
    expect(response.url).toBe('http://acme.test/about');
    expect(server.requests[0]?.url).toBe('/about');
  });

  it('It should refuse a connect-to target on loopback that is not allowed', async () => {
    server = await startServer((_req, res) => res.writeHead(200).end());
    client = makeClient({ OUTBOUND_CONNECT_TO: `*.test=127.0.0.1:${server.port}` });

    await expect(client.http.request({ provider: 'website', operation: 'page', url: 'http://acme.test/', workspaceId: WS, ignoreRobots: true })).rejects.toMatchObject({ reason: 'loopback_address' });
    expect(server.requests).toHaveLength(0);
  });
});
