import { afterEach, describe, expect, it } from 'vitest';
import { SharedLimiter } from '../../../../functions/domain/outbound/shared-limiter.ts';
import { OutboundRequeueError } from '../../../../functions/ports/outbound-http.port.ts';
import { makeClient, MemoryCounter, startServer, VirtualClock, WS, type ClientSetup, type TestServer } from './outbound-fixtures.ts';

let server: TestServer | undefined;
let client: ClientSetup | undefined;

afterEach(async () => {
  await client?.http.close();
  await server?.close();
});

const ROBOTS = ['User-agent: *', 'Disallow: /private', '', 'User-agent: leadstack-crawler', 'Disallow: /no-leadstack', ''].join('\n');

describe('website politeness', () => {
  it('It should fetch robots.txt once, respect it for its User-Agent, and let a job opt out explicitly', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/robots.txt') res.writeHead(200, { 'content-type': 'text/plain' }).end(ROBOTS);
      else res.writeHead(200).end(`ua=${req.headers['user-agent']}`);
    });
    client = makeClient({ OUTBOUND_CONNECT_TO: `*.test=127.0.0.1:${server.port}`, OUTBOUND_ALLOW_HOSTS: `127.0.0.1:${server.port}`, CRAWLER_CONTACT_URL: 'https://leadstack.example/bot' });
    const page = (path: string, ignoreRobots = false) => client!.http.request({ provider: 'website', operation: 'page', url: `http://acme.test${path}`, workspaceId: WS, ignoreRobots });

    expect((await page('/about')).text()).toBe('ua=leadstack-crawler/1.0 (+https://leadstack.example/bot)');
    await expect(page('/no-leadstack/team')).rejects.toMatchObject({ code: 'ERR_OUTBOUND_ROBOTS_DISALLOWED' });
    await expect(page('/private')).resolves.toMatchObject({ status: 200 });
    expect((await page('/no-leadstack/team', true)).status).toBe(200);
    expect(server.requests.filter((r) => r.url === '/robots.txt')).toHaveLength(1);
  });

  it('It should disallow everything while robots.txt answers 5xx and allow everything when it is missing', async () => {
    let robotsStatus = 503;
    server = await startServer((req, res) => res.writeHead(req.url === '/robots.txt' ? robotsStatus : 200).end());
    client = makeClient({ OUTBOUND_CONNECT_TO: `*.test=127.0.0.1:${server.port}`, OUTBOUND_ALLOW_HOSTS: `127.0.0.1:${server.port}` });

    await expect(client.http.request({ provider: 'website', operation: 'page', url: 'http://down.test/', workspaceId: WS })).rejects.toMatchObject({ failure: 'robots' });
    robotsStatus = 404;
    await expect(client.http.request({ provider: 'website', operation: 'page', url: 'http://missing.test/', workspaceId: WS })).resolves.toMatchObject({ status: 200 });
  });

  it('It should pace one host at CRAWLER_HOST_RATE_PER_SECOND while another host goes at once', async () => {
    server = await startServer((_req, res) => res.writeHead(200).end());
    client = makeClient({ OUTBOUND_CONNECT_TO: `*.test=127.0.0.1:${server.port}`, OUTBOUND_ALLOW_HOSTS: `127.0.0.1:${server.port}` });
    const get = (host: string) => client!.http.request({ provider: 'website', operation: 'page', url: `http://${host}/`, workspaceId: WS, ignoreRobots: true });

    await get('a.test');
    await get('b.test');
    expect(client.clock.sleeps).toHaveLength(0);
    await get('a.test');
    expect(client.clock.sleeps).toHaveLength(1);
    expect(client.clock.sleeps[0]).toBeGreaterThan(0);
    expect(client.clock.sleeps[0]).toBeLessThanOrEqual(1_050);
  });
});

describe('shared limiter', () => {
  it('It should admit exactly the limit per window, refund denied attempts, and requeue past the wait bound', async () => {
    const counter = new MemoryCounter();
    const clock = new VirtualClock();
    const limiter = new SharedLimiter(counter, clock);
    const scope = { key: 'p', windows: [{ limit: 3, windowMs: 60_000 }, { limit: 5, windowMs: 3_600_000 }] };

    for (let i = 0; i < 3; i++) await limiter.acquire(scope, 0);
    const denied = await limiter.acquire(scope, 1_000).catch((e: unknown) => e);

    expect(denied).toBeInstanceOf(OutboundRequeueError);
    expect((denied as OutboundRequeueError).retryAfterMs).toBeGreaterThan(0);
    expect((denied as OutboundRequeueError).retryAfterMs).toBeLessThanOrEqual(60_050);
    expect([...counter.values.values()].sort()).toEqual([3, 3]);

    await limiter.acquire(scope, 120_000); // waits into the next minute
    await limiter.acquire(scope, 120_000);
    expect(await limiter.acquire(scope, 120_000).catch((e: unknown) => e)).toBeInstanceOf(OutboundRequeueError); // the hour is full at 5
  });

  it('It should hold the concurrency cap until a slot is released', async () => {
    const clock = new VirtualClock();
    const limiter = new SharedLimiter(new MemoryCounter(), clock);
    const scope = { key: 'p', windows: [], concurrency: 2 };

    const first = await limiter.acquire(scope, 0);
    await limiter.acquire(scope, 0);
    await expect(limiter.acquire(scope, 0)).rejects.toBeInstanceOf(OutboundRequeueError);
    await first();
    await expect(limiter.acquire(scope, 0)).resolves.toBeTypeOf('function');
  });
});
