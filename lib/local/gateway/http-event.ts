/**
 * The HTTP API's payload format 2.0: the event a handler receives and the mapping of its
 * result back to an HTTP response, as API Gateway documents both.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayEventRequestContextV2 } from 'aws-lambda';
import { LOCAL_ACCOUNT_ID } from '../aws.ts';
import { clfTime, gatewayId } from './common.ts';
import type { RouteMatch } from './http-routes.ts';

export const HTTP_API_ID = 'localhttp';
export const HTTP_STAGE = '$default';

/** Bodies of these types reach the handler as text; anything else is base64, as on AWS. */
const TEXT_CONTENT_TYPE = /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded|graphql)\b)/i;

export interface ParsedRequest {
  method: string;
  rawPath: string;
  rawQueryString: string;
  /** Lowercased names; repeated headers joined with commas, cookies removed. */
  headers: Record<string, string>;
  cookies: string[];
  queryStringParameters: Record<string, string>;
  body: Buffer;
  sourceIp: string;
  requestId: string;
  receivedAt: Date;
}

const traceId = (date: Date): string =>
  `Root=1-${Math.floor(date.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;

const collectHeaders = (req: IncomingMessage): Record<string, string> => {
  const headers: Record<string, string> = {};
  for (let index = 0; index < req.rawHeaders.length; index += 2) {
    const name = (req.rawHeaders[index] ?? '').toLowerCase();
    const value = req.rawHeaders[index + 1] ?? '';
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  return headers;
};

const collectQuery = (rawQueryString: string): Record<string, string> => {
  const params: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    const joined = Object.hasOwn(params, name) ? `${params[name]},${value}` : value;
    // An own property even for `__proto__` or `constructor`, as JSON.parse of API Gateway's event gives.
    Object.defineProperty(params, name, { value: joined, enumerable: true, writable: true, configurable: true });
  }
  return params;
};

export const parseRequest = (req: IncomingMessage, body: Buffer): ParsedRequest => {
  const url = req.url ?? '/';
  const queryAt = url.indexOf('?');
  const headers = collectHeaders(req);
  const cookies = (headers.cookie ?? '').split(';').map((cookie) => cookie.trim()).filter((cookie) => cookie !== '');
  delete headers.cookie;
  const receivedAt = new Date();
  const sourceIp = req.socket.remoteAddress ?? '127.0.0.1';
  Object.assign(headers, {
    'x-forwarded-for': sourceIp,
    'x-forwarded-port': String(req.socket.localPort ?? ''),
    'x-forwarded-proto': 'http',
    'x-amzn-trace-id': traceId(receivedAt),
  });
  const rawQueryString = queryAt === -1 ? '' : url.slice(queryAt + 1);
  return {
    method: req.method ?? 'GET',
    rawPath: queryAt === -1 ? url : url.slice(0, queryAt),
    rawQueryString,
    headers,
    cookies,
    queryStringParameters: collectQuery(rawQueryString),
    body,
    sourceIp,
    requestId: gatewayId(),
    receivedAt,
  };
};

export const requestContextFor = (request: ParsedRequest, routeKey: string): APIGatewayEventRequestContextV2 => {
  const domainName = request.headers.host ?? '127.0.0.1';
  return {
    accountId: LOCAL_ACCOUNT_ID,
    apiId: HTTP_API_ID,
    domainName,
    domainPrefix: domainName.split('.')[0] ?? domainName,
    http: {
      method: request.method,
      path: request.rawPath,
      protocol: 'HTTP/1.1',
      sourceIp: request.sourceIp,
      userAgent: request.headers['user-agent'] ?? '',
    },
    requestId: request.requestId,
    routeKey,
    stage: HTTP_STAGE,
    time: clfTime(request.receivedAt),
    timeEpoch: request.receivedAt.getTime(),
  };
};

const nonEmpty = <T extends object>(value: T): T | undefined => (Object.keys(value).length > 0 ? value : undefined);

/** API Gateway leaves absent fields out of the event rather than sending them as null. */
export const withoutUndefined = (record: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));

export const buildHttpEvent = (request: ParsedRequest, match: RouteMatch, authorizerContext: unknown): Record<string, unknown> => {
  const hasBody = request.body.length > 0;
  const text = TEXT_CONTENT_TYPE.test(request.headers['content-type'] ?? '');
  return withoutUndefined({
    version: '2.0',
    routeKey: match.routeKey,
    rawPath: request.rawPath,
    rawQueryString: request.rawQueryString,
    cookies: request.cookies.length > 0 ? request.cookies : undefined,
    headers: request.headers,
    queryStringParameters: nonEmpty(request.queryStringParameters),
    requestContext: {
      ...requestContextFor(request, match.routeKey),
      ...(authorizerContext === undefined ? {} : { authorizer: { lambda: authorizerContext } }),
    },
    pathParameters: nonEmpty(match.pathParameters),
    body: hasBody ? request.body.toString(text ? 'utf8' : 'base64') : undefined,
    isBase64Encoded: hasBody && !text,
  });
};
