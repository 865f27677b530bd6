/** The events API Gateway sends to WebSocket route integrations and to the $connect authorizer. */
import type { IncomingMessage } from 'node:http';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from '../aws.ts';
import { clfTime, gatewayId } from './common.ts';
import type { Connection } from './connections.ts';

export const WS_API_ID = 'localws';
export const WS_STAGE = 'local';

export interface UpgradeRequest {
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  queryStringParameters?: Record<string, string>;
  multiValueQueryStringParameters?: Record<string, string[]>;
  sourceIp: string;
  userAgent: string;
  domainName: string;
}

/** WebSocket events keep the header names as the client sent them, unlike the HTTP API. */
export const parseUpgrade = (req: IncomingMessage): UpgradeRequest => {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (let index = 0; index < req.rawHeaders.length; index += 2) {
    const name = req.rawHeaders[index] ?? '';
    const value = req.rawHeaders[index + 1] ?? '';
    headers[name] = value;
    (multiValueHeaders[name] ??= []).push(value);
  }
  const query = new URL(req.url ?? '/', 'ws://local').searchParams;
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [name, value] of query) {
    single[name] = value;
    (multi[name] ??= []).push(value);
  }
  const hasQuery = Object.keys(single).length > 0;
  return {
    headers,
    multiValueHeaders,
    ...(hasQuery ? { queryStringParameters: single, multiValueQueryStringParameters: multi } : {}),
    sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
    userAgent: req.headers['user-agent'] ?? '',
    domainName: req.headers.host ?? '127.0.0.1',
  };
};

export const headerValue = (headers: Record<string, string>, name: string): string | undefined => {
  const wanted = name.toLowerCase();
  return Object.entries(headers).find(([key]) => key.toLowerCase() === wanted)?.[1];
};

export const methodArnFor = (routeKey: string): string =>
  `arn:aws:execute-api:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:${WS_API_ID}/${WS_STAGE}/${routeKey}`;

interface ContextFacts {
  routeKey: string;
  eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT';
  connectionId: string;
  connectedAt: Date;
  sourceIp: string;
  userAgent: string;
  domainName: string;
  authorizer?: Record<string, unknown>;
}

export const wsRequestContext = (facts: ContextFacts): Record<string, unknown> => {
  const now = new Date();
  return {
    routeKey: facts.routeKey,
    ...(facts.eventType === 'MESSAGE' ? { messageId: gatewayId() } : {}),
    eventType: facts.eventType,
    extendedRequestId: gatewayId(),
    requestTime: clfTime(now),
    messageDirection: 'IN',
    stage: WS_STAGE,
    connectedAt: facts.connectedAt.getTime(),
    requestTimeEpoch: now.getTime(),
    identity: { sourceIp: facts.sourceIp, userAgent: facts.userAgent },
    requestId: gatewayId(),
    domainName: facts.domainName,
    connectionId: facts.connectionId,
    apiId: WS_API_ID,
    ...(facts.authorizer === undefined ? {} : { authorizer: facts.authorizer }),
  };
};

export const connectEvent = (upgrade: UpgradeRequest, facts: ContextFacts): Record<string, unknown> => ({
  headers: upgrade.headers,
  multiValueHeaders: upgrade.multiValueHeaders,
  ...(upgrade.queryStringParameters === undefined
    ? {}
    : { queryStringParameters: upgrade.queryStringParameters, multiValueQueryStringParameters: upgrade.multiValueQueryStringParameters }),
  requestContext: wsRequestContext(facts),
  isBase64Encoded: false,
});

const factsOf = (connection: Connection, routeKey: string, eventType: ContextFacts['eventType']): ContextFacts => ({
  routeKey,
  eventType,
  connectionId: connection.id,
  connectedAt: connection.connectedAt,
  sourceIp: connection.sourceIp,
  userAgent: connection.userAgent,
  domainName: connection.headers.Host ?? connection.headers.host ?? '127.0.0.1',
  authorizer: connection.authorizer,
});

export const messageEvent = (connection: Connection, routeKey: string, data: Buffer, isBinary: boolean): Record<string, unknown> => ({
  requestContext: wsRequestContext(factsOf(connection, routeKey, 'MESSAGE')),
  body: data.toString(isBinary ? 'base64' : 'utf8'),
  isBase64Encoded: isBinary,
});

export const disconnectEvent = (connection: Connection, code: number, reason: string): Record<string, unknown> => ({
  headers: connection.headers,
  requestContext: { ...wsRequestContext(factsOf(connection, '$disconnect', 'DISCONNECT')), disconnectStatusCode: code, disconnectReason: reason },
  isBase64Encoded: false,
});
