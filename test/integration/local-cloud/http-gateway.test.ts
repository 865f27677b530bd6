import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../../lib/local/cloud.ts';
import { clearRecorded, recorded } from '../../fixtures/local-cloud/recorder.ts';
import { eventually, startFixtureCloud } from './helpers.ts';

interface Echoed {
  event: Record<string, any>;
  context: { functionName: string; awsRequestId: string; remainingMs: number };
  env: { region: string; table: string; allowHosts?: string; connectTo?: string; providers: Record<string, string> };
}

describe('local cloud HTTP API', () => {
  let cloud: LocalCloud;
  const url = (path: string): string => `${cloud.endpoints.http}${path}`;

  beforeAll(async () => {
    cloud = await startFixtureCloud('lshttp');
  });
  afterAll(async () => {
    await cloud?.stop();
  });

  it('It should deliver a payload format 2.0 event with path, query, cookies and lowercased headers', async () => {
    // Act
    const response = await fetch(url('/items/42?a=1&a=2&b=x%20y'), { headers: { 'X-Custom': 'Value', Cookie: 'c1=1; c2=2', 'User-Agent': 'fixture-agent' } });
    const { event, context, env } = (await response.json()) as Echoed;

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('x-fixture')).toBe('echo');
    expect(response.headers.get('set-cookie')).toBe('session=abc; HttpOnly');
    expect(response.headers.get('apigw-requestid')).toBe(event.requestContext.requestId);
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /items/{id}',
      rawPath: '/items/42',
      rawQueryString: 'a=1&a=2&b=x%20y',
      queryStringParameters: { a: '1,2', b: 'x y' },
      pathParameters: { id: '42' },
      cookies: ['c1=1', 'c2=2'],
      isBase64Encoded: false,
      requestContext: {
        accountId: '000000000000',
        routeKey: 'GET /items/{id}',
        stage: '$default',
        http: { method: 'GET', path: '/items/42', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'fixture-agent' },
      },
    });
    expect(event.headers['x-custom']).toBe('Value');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(event.body).toBeUndefined();
    expect(event.requestContext.authorizer).toBeUndefined();
    expect(event.requestContext.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(typeof event.requestContext.timeEpoch).toBe('number');
    expect(context.functionName).toBe('lshttp-echo');
    expect(context.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(context.remainingMs).toBeGreaterThan(0);
    expect(context.remainingMs).toBeLessThanOrEqual(5_000);
    // The echo handler also reports what the fakes put in the environment (the cloud's own values).
    expect(env).toEqual({
      region: 'us-east-1',
      table: 'lshttp-records',
      allowHosts: cloud.env.OUTBOUND_ALLOW_HOSTS,
      connectTo: cloud.env.OUTBOUND_CONNECT_TO,
      providers: Object.fromEntries(Object.entries(cloud.env).filter(([name]) => /^PROVIDER_\w+_BASE_URL$/.test(name))),
    });
  });

  it('It should prefer a literal route over a path variable and match a greedy proxy', async () => {
    // Act
    const literal = await fetch(url('/items/special'));
    const greedy = await fetch(url('/files/a/b%20c/d.txt'));

    // Assess
    expect(literal.status).toBe(200);
    expect(literal.headers.get('content-type')).toBe('application/json');
    expect(await literal.json()).toEqual({ hello: 'world' });
    const { event } = (await greedy.json()) as Echoed;
    expect(event.routeKey).toBe('GET /files/{proxy+}');
    expect(event.pathParameters).toEqual({ proxy: 'a/b c/d.txt' });
  });

  it('It should answer 404 Not Found for an unknown path or method', async () => {
    // Act
    const unknownPath = await fetch(url('/nowhere'));
    const unknownMethod = await fetch(url('/items/1'), { method: 'DELETE' });
    const trailingSlash = await fetch(url('/items/'));

    // Assess
    for (const response of [unknownPath, unknownMethod, trailingSlash]) {
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ message: 'Not Found' });
    }
  });

  it('It should answer 401 without calling the authorizer when the Authorization header is missing', async () => {
    // Prepare
    clearRecorded('http-authorizer');

    // Act
    const response = await fetch(url('/private/x'), { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });

    // Assess
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    expect(recorded('http-authorizer')).toHaveLength(0);
  });

  it('It should answer 403 when the authorizer denies and 500 when it throws', async () => {
    // Act
    const denied = await fetch(url('/private/x'), { method: 'POST', headers: { authorization: 'deny' } });
    const failed = await fetch(url('/private/x'), { method: 'POST', headers: { authorization: 'boom' } });

    // Assess
    expect(denied.status).toBe(403);
    expect(await denied.json()).toEqual({ message: 'Forbidden' });
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ message: 'Internal Server Error' });
  });

  it('It should call the authorizer with a REQUEST v2 event and pass its context to the handler', async () => {
    // Prepare
    clearRecorded('http-authorizer');

    // Act
    const response = await fetch(url('/private/report?full=1'), {
      method: 'POST',
      headers: { authorization: 'allow-ws1', 'content-type': 'application/json' },
      body: JSON.stringify({ a: 1 }),
    });
    const { event } = (await response.json()) as Echoed;

    // Assess
    expect(response.status).toBe(200);
    expect(event.requestContext.authorizer).toEqual({ lambda: { workspaceId: 'ws1' } });
    expect(event.body).toBe('{"a":1}');
    expect(event.isBase64Encoded).toBe(false);
    const [authorizerEvent] = recorded<Record<string, any>>('http-authorizer');
    expect(authorizerEvent).toMatchObject({
      version: '2.0',
      type: 'REQUEST',
      identitySource: ['allow-ws1'],
      routeKey: 'POST /private/{name}',
      rawPath: '/private/report',
      rawQueryString: 'full=1',
      pathParameters: { name: 'report' },
      queryStringParameters: { full: '1' },
    });
    expect(authorizerEvent?.routeArn).toMatch(/^arn:aws:execute-api:us-east-1:000000000000:\w+\/\$default\/POST\/private\/report$/);
  });

  it('It should base64-encode a binary request body and decode a base64 response', async () => {
    // Prepare
    const bytes = Buffer.from([0, 1, 2, 255]);

    // Act
    const response = await fetch(url('/binary'), { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes });

    // Assess
    expect(response.status).toBe(201);
    expect(response.headers.get('x-was-base64')).toBe('true');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it('It should answer 500 Internal Server Error when a handler throws or its module is missing', async () => {
    // Act
    const crashed = await fetch(url('/crash'));
    const missing = await fetch(url('/missing'));

    // Assess
    for (const response of [crashed, missing]) {
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ message: 'Internal Server Error' });
    }
  });

  it('It should fail an invocation that outlives its function timeout, as Lambda does', async () => {
    // Prepare
    clearRecorded('slow-started');
    clearRecorded('slow-finished');

    // Act
    const response = await fetch(url('/slow'));
    const finishedWhenAnswered = recorded('slow-finished').length;

    // Assess: the 500 came while the handler was still running (its 1 s timeout, not its own
    // 200 two seconds in), and the handler went on in the background, as Lambda's would until frozen.
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
    expect(recorded('slow-started')).toHaveLength(1);
    expect(finishedWhenAnswered).toBe(0);
    await eventually(() => recorded('slow-finished').length === 1, 'the timed-out handler to finish in the background');
  });

  it('It should answer 413 for a request body over 10 MB', async () => {
    // Prepare
    const body = Buffer.alloc(10 * 1024 * 1024 + 1, 'a');

    // Act
    const response = await fetch(url('/binary'), { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body });

    // Assess
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: 'Request Entity Too Large' });
  });
});
