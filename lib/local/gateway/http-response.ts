/** Turning a handler's result, or a gateway-level refusal, into the HTTP answer API Gateway gives. */
import type { ServerResponse } from 'node:http';
import { isRecord } from './common.ts';

export interface GatewayResponse {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

/** API Gateway's own error bodies, word for word. */
export const GATEWAY_ERRORS = {
  unauthorized: { statusCode: 401, message: 'Unauthorized' },
  forbidden: { statusCode: 403, message: 'Forbidden' },
  notFound: { statusCode: 404, message: 'Not Found' },
  tooLarge: { statusCode: 413, message: 'Request Entity Too Large' },
  internal: { statusCode: 500, message: 'Internal Server Error' },
  unavailable: { statusCode: 503, message: 'Service Unavailable' },
} as const;

export type GatewayError = keyof typeof GATEWAY_ERRORS;

export const gatewayError = (kind: GatewayError): GatewayResponse => {
  const { statusCode, message } = GATEWAY_ERRORS[kind];
  return { statusCode, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(JSON.stringify({ message })) };
};


const asJson = (body: string): GatewayResponse => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  cookies: [],
  body: Buffer.from(body),
});

const structured = (result: Record<string, unknown>): GatewayResponse => {
  const { statusCode, headers = {}, cookies = [], body = '', isBase64Encoded = false } = result;
  const validStatus = typeof statusCode === 'number' && Number.isInteger(statusCode) && statusCode >= 100 && statusCode <= 599;
  if (!validStatus || !isRecord(headers) || !Array.isArray(cookies) || typeof body !== 'string') return gatewayError('internal');
  return {
    statusCode,
    headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)])),
    cookies: cookies.map(String),
    body: Buffer.from(body, isBase64Encoded === true ? 'base64' : 'utf8'),
  };
};

/**
 * Payload 2.0 mapping: a result with `statusCode` is a structured response; any other value
 * is the body of a 200 JSON response (a string as is, anything else JSON-encoded).
 */
export const mapHandlerResult = (result: unknown): GatewayResponse => {
  if (isRecord(result) && 'statusCode' in result) return structured(result);
  if (typeof result === 'string') return asJson(result);
  return asJson(JSON.stringify(result ?? null));
};

export const send = (res: ServerResponse, response: GatewayResponse, requestId: string): void => {
  const headers: Record<string, string | string[]> = {
    ...response.headers,
    'content-length': String(response.body.length),
    'apigw-requestid': requestId,
  };
  if (response.cookies.length > 0) headers['set-cookie'] = response.cookies;
  res.writeHead(response.statusCode, headers);
  res.end(response.body);
};
