/**
 * The HTTP API's CORS behaviour (API Gateway `corsPreflight`): the gateway answers preflights
 * itself, without a route or the authorizer, and stamps allowed origins on every response.
 */
import type { HttpCorsRules } from '../../topology.ts';
import type { GatewayResponse } from './http-response.ts';

export interface CorsRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
}

const allowedOrigin = (rules: HttpCorsRules, origin: string | undefined): string | undefined =>
  origin !== undefined && (rules.allowOrigins.includes('*') || rules.allowOrigins.includes(origin)) ? origin : undefined;

export const isPreflight = (request: CorsRequest): boolean =>
  request.method === 'OPTIONS' && request.headers.origin !== undefined && request.headers['access-control-request-method'] !== undefined;

/** A refused preflight is still a 204, only without the allow headers: the browser does the refusing. */
export function preflightResponse(rules: HttpCorsRules, request: CorsRequest): GatewayResponse {
  const origin = allowedOrigin(rules, request.headers.origin);
  const method = request.headers['access-control-request-method']?.toUpperCase();
  const headers: Record<string, string> = {};
  if (origin && method && (rules.allowMethods as readonly string[]).includes(method)) {
    headers['access-control-allow-origin'] = origin;
    headers['access-control-allow-methods'] = rules.allowMethods.join(',');
    headers['access-control-allow-headers'] = rules.allowHeaders.join(',');
    headers['access-control-max-age'] = String(rules.maxAgeSeconds);
    headers.vary = 'origin';
  }
  return { statusCode: 204, headers, cookies: [], body: Buffer.alloc(0) };
}

/** Adds the allow-origin header to an actual response when the request's origin is allowed. */
export function withCors(rules: HttpCorsRules, request: CorsRequest, response: GatewayResponse): GatewayResponse {
  const origin = allowedOrigin(rules, request.headers.origin);
  if (!origin) return response;
  return {
    ...response,
    headers: {
      ...response.headers,
      'access-control-allow-origin': origin,
      'access-control-expose-headers': rules.exposeHeaders.join(','),
      vary: 'origin',
    },
  };
}
