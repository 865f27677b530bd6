/**
 * The HTTP API's Lambda REQUEST authorizer (payload 2.0, simple responses).
 * API Gateway answers 401 itself when the identity source is missing, without calling the
 * authorizer; `isAuthorized: false` is a 403; a failing authorizer is a 500.
 */
import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import type { Topology } from '../../topology.ts';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from '../aws.ts';
import type { Invoker } from '../invoke.ts';
import { HTTP_API_ID, HTTP_STAGE, requestContextFor } from './http-event.ts';
import type { ParsedRequest } from './http-event.ts';
import { isRecord } from './common.ts';
import type { GatewayError } from './http-response.ts';
import type { RouteMatch } from './http-routes.ts';

export type AuthorizerVerdict = { allowed: true; context: Record<string, unknown> } | { allowed: false; refusal: GatewayError };

const authorizerEvent = (request: ParsedRequest, match: RouteMatch, identity: string): APIGatewayRequestAuthorizerEventV2 => ({
  version: '2.0',
  type: 'REQUEST',
  routeArn: `arn:aws:execute-api:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:${HTTP_API_ID}/${HTTP_STAGE}/${request.method}${request.rawPath}`,
  identitySource: [identity],
  routeKey: match.routeKey,
  rawPath: request.rawPath,
  rawQueryString: request.rawQueryString,
  cookies: request.cookies,
  headers: request.headers,
  queryStringParameters: request.queryStringParameters,
  requestContext: requestContextFor(request, match.routeKey),
  pathParameters: match.pathParameters,
  stageVariables: {},
});


export const authorizeHttpRequest = async (
  topology: Topology,
  invoker: Invoker,
  request: ParsedRequest,
  match: RouteMatch,
): Promise<AuthorizerVerdict> => {
  const identity = request.headers[topology.http.authorizer.header.toLowerCase()] ?? '';
  if (identity.trim() === '') return { allowed: false, refusal: 'unauthorized' };
  const outcome = await invoker.invoke(topology.http.authorizer.fn, authorizerEvent(request, match, identity));
  if (outcome.status !== 'ok' || !isRecord(outcome.result) || typeof outcome.result.isAuthorized !== 'boolean') {
    return { allowed: false, refusal: 'internal' };
  }
  if (!outcome.result.isAuthorized) return { allowed: false, refusal: 'forbidden' };
  const context = outcome.result.context;
  return { allowed: true, context: isRecord(context) ? context : {} };
};
