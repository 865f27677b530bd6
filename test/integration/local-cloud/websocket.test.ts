import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GetConnectionCommand,
  GoneException,
  PayloadTooLargeException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { once } from 'node:events';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { LocalCloud } from '../../../lib/local/cloud.ts';
import { clearRecorded, recorded } from '../../fixtures/local-cloud/recorder.ts';
import { CREDENTIALS, REGION, eventually, startFixtureCloud } from './helpers.ts';

const MESSAGE_LIMIT = 128 * 1024;

/** Resolves with the HTTP status of a refused upgrade. */
const refusedStatus = async (url: string, headers: Record<string, string>): Promise<number> => {
  const socket = new WebSocket(url, { headers });
  socket.on('error', () => undefined);
  const [request, response] = (await once(socket, 'unexpected-response')) as [ClientRequest, IncomingMessage];
  request.destroy();
  return response.statusCode ?? 0;
};

const open = async (url: string, token: string): Promise<{ socket: WebSocket; messages: string[] }> => {
  const socket = new WebSocket(url, { headers: { Authorization: token } });
  const messages: string[] = [];
  socket.on('message', (data) => messages.push(data.toString()));
  await once(socket, 'open');
  return { socket, messages };
};

describe('local cloud WebSocket API', () => {
  let cloud: LocalCloud;
  let management: ApiGatewayManagementApiClient;

  beforeAll(async () => {
    cloud = await startFixtureCloud('lsws');
    management = new ApiGatewayManagementApiClient({ endpoint: cloud.endpoints.wsManagement, region: REGION, credentials: CREDENTIALS });
  });
  afterAll(async () => {
    management?.destroy();
    await cloud?.stop();
  });

  it('It should refuse the upgrade with 401 when the Authorization header is missing, without calling the authorizer', async () => {
    // Prepare
    clearRecorded('ws-authorizer');

    // Act
    const status = await refusedStatus(cloud.endpoints.ws, {});

    // Assess
    expect(status).toBe(401);
    expect(recorded('ws-authorizer')).toHaveLength(0);
  });

  it('It should refuse with 403 when the authorizer policy denies and 401 when it throws Unauthorized', async () => {
    // Act
    const denied = await refusedStatus(cloud.endpoints.ws, { Authorization: 'deny' });
    const unauthorized = await refusedStatus(cloud.endpoints.ws, { Authorization: 'unauthorized' });

    // Assess
    expect(denied).toBe(403);
    expect(unauthorized).toBe(401);
  });

  it('It should refuse with 403 when the $connect handler answers a non-2xx status', async () => {
    // Act
    const status = await refusedStatus(`${cloud.endpoints.ws}?refuse=1`, { Authorization: 'allow-ws1' });

    // Assess
    expect(status).toBe(403);
  });

  it('It should select the route on the action field, fall back to $default, and carry the authorizer context', async () => {
    // Prepare
    clearRecorded('ws-authorizer');
    clearRecorded('ws-connect');
    clearRecorded('ws-message');
    const { socket, messages } = await open(`${cloud.endpoints.ws}?client=test`, 'allow-ws9');

    // Act
    socket.send(JSON.stringify({ action: 'echo', n: 1 }));
    socket.send('not json');
    socket.send(JSON.stringify({ action: 'unknown' }));
    await eventually(() => messages.length >= 3, 'three answers');
    socket.close();

    // Assess
    const answers = messages.map((message) => JSON.parse(message) as { routeKey: string; body: string });
    expect(answers.map((answer) => answer.routeKey).sort()).toEqual(['$default', '$default', 'echo']);
    expect(answers.find((answer) => answer.routeKey === 'echo')?.body).toBe('{"action":"echo","n":1}');
    const [authorizerEvent] = recorded<Record<string, any>>('ws-authorizer');
    expect(authorizerEvent).toMatchObject({ type: 'REQUEST', queryStringParameters: { client: 'test' }, requestContext: { routeKey: '$connect', eventType: 'CONNECT' } });
    expect(authorizerEvent?.methodArn).toMatch(/^arn:aws:execute-api:us-east-1:000000000000:\w+\/local\/\$connect$/);
    const [connectEvent] = recorded<Record<string, any>>('ws-connect');
    expect(connectEvent?.requestContext).toMatchObject({ eventType: 'CONNECT', authorizer: { workspaceId: 'ws9', principalId: 'fixture-user' } });
    const messageEvent = recorded<Record<string, any>>('ws-message').find((event) => event.requestContext.routeKey === 'echo');
    expect(messageEvent).toMatchObject({
      body: '{"action":"echo","n":1}',
      isBase64Encoded: false,
      requestContext: { eventType: 'MESSAGE', stage: 'local', messageDirection: 'IN', authorizer: { workspaceId: 'ws9' } },
    });
    expect(messageEvent?.requestContext.connectionId).toBe(connectEvent?.requestContext.connectionId);
  });

  it('It should serve @connections as the AWS SDK calls it: post, get, delete, then GoneException', async () => {
    // Prepare
    clearRecorded('ws-disconnect');
    const { socket, messages } = await open(cloud.endpoints.ws, 'allow-ws1');
    socket.send(JSON.stringify({ action: 'push' }));
    const pushed = await eventually(() => messages.map((m) => JSON.parse(m) as { pushed?: boolean; connectionId: string }).find((m) => m.pushed), 'the handler to post back');
    const ConnectionId = pushed.connectionId;

    // Act
    const info = await management.send(new GetConnectionCommand({ ConnectionId }));
    await management.send(new PostToConnectionCommand({ ConnectionId, Data: new TextEncoder().encode('hello') }));
    await eventually(() => messages.includes('hello'), 'the posted message');
    const tooLarge = management.send(new PostToConnectionCommand({ ConnectionId, Data: new Uint8Array(MESSAGE_LIMIT + 1) }));
    await expect(tooLarge).rejects.toBeInstanceOf(PayloadTooLargeException);
    const closed = once(socket, 'close');
    await management.send(new DeleteConnectionCommand({ ConnectionId }));
    await closed;

    // Assess
    expect(info.ConnectedAt).toBeInstanceOf(Date);
    expect(info.Identity?.SourceIp).toBe('127.0.0.1');
    await expect(management.send(new PostToConnectionCommand({ ConnectionId, Data: new TextEncoder().encode('late') }))).rejects.toBeInstanceOf(GoneException);
    await expect(management.send(new GetConnectionCommand({ ConnectionId }))).rejects.toBeInstanceOf(GoneException);
    const disconnect = await eventually(() => recorded<Record<string, any>>('ws-disconnect').find((event) => event.requestContext.connectionId === ConnectionId), '$disconnect');
    expect(disconnect.requestContext).toMatchObject({ eventType: 'DISCONNECT', routeKey: '$disconnect' });
  });

  it('It should close the connection with 1009 when a message exceeds 128 KB', async () => {
    // Prepare
    const { socket } = await open(cloud.endpoints.ws, 'allow-ws1');
    const closed = once(socket, 'close') as Promise<[number, Buffer]>;

    // Act
    socket.send('x'.repeat(MESSAGE_LIMIT + 1));
    const [code] = await closed;

    // Assess
    expect(code).toBe(1009);
  });
});
