import { ApiGatewayManagementApiClient, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiGatewayPush, MAX_WS_MESSAGE_BYTES } from '../../../functions/adapters/apigw/push.apigw.ts';

const client = new ApiGatewayManagementApiClient({ region: 'us-east-1', endpoint: 'https://example.invalid/live' });
const mock = mockClient(client);

describe('ApiGatewayPush', () => {
  beforeEach(() => mock.reset());

  it('It should post the message as JSON to the connection', async () => {
    mock.on(PostToConnectionCommand).resolves({});
    expect(await new ApiGatewayPush(client).send('c-1', { type: 'pong' })).toBe(true);
    const input = mock.commandCalls(PostToConnectionCommand)[0]?.args[0].input;
    expect(input?.ConnectionId).toBe('c-1');
    expect(JSON.parse(Buffer.from(input?.Data as Uint8Array).toString())).toEqual({ type: 'pong' });
  });

  it('It should answer false for a gone connection (410) and rethrow other errors', async () => {
    mock.on(PostToConnectionCommand, { ConnectionId: 'gone' }).rejects(new GoneException({ message: 'gone', $metadata: { httpStatusCode: 410 } }));
    mock.on(PostToConnectionCommand, { ConnectionId: 'broken' }).rejects(new Error('boom'));
    const push = new ApiGatewayPush(client);
    expect(await push.send('gone', { type: 'x' })).toBe(false);
    await expect(push.send('broken', { type: 'x' })).rejects.toThrow('boom');
  });

  it('It should refuse a message over the WebSocket frame limit before sending it', async () => {
    await expect(new ApiGatewayPush(client).send('c', { blob: 'x'.repeat(MAX_WS_MESSAGE_BYTES) })).rejects.toThrow(/exceeds/);
    expect(mock.commandCalls(PostToConnectionCommand)).toHaveLength(0);
  });
});
