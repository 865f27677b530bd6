import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { AppError } from '../errors.ts';
import { parseJsonBody } from './json-body.ts';
import { errorResponse } from './responses.ts';

/** What the HTTP authorizer hands to every authorized route (functions/http/authorizer.handler.ts). */
export interface AuthorizerContext {
  readonly authenticated: boolean;
  readonly workspaceId?: string;
  readonly keyId?: string;
}

export interface HttpContext extends Context {
  workspaceId?: string;
  jsonBody?: unknown;
}

type HttpMiddleware = MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, HttpContext>;

function authorizerContext(event: APIGatewayProxyEventV2): AuthorizerContext | undefined {
  const ctx = (event.requestContext as { authorizer?: { lambda?: AuthorizerContext } }).authorizer;
  return ctx?.lambda;
}

/**
 * Refuses a request whose credential did not resolve to a workspace. The authorizer lets such
 * requests through (see its comment) precisely so that this answer is a 401 in our envelope.
 */
export const workspaceScope = (): HttpMiddleware => ({
  before: function resolveWorkspace(request) {
    const auth = authorizerContext(request.event);
    if (!auth?.authenticated || !auth.workspaceId) {
      throw new AppError('ERR_UNAUTHORIZED', 'A valid API key is required (Authorization: Bearer <key>)');
    }
    request.context.workspaceId = auth.workspaceId;
  },
});

export interface JsonBodyOptions {
  /** An empty body stands for `{}` (a search with no filters) instead of ERR_EMPTY_PAYLOAD. */
  readonly optional?: boolean;
}

export const jsonBody = (opts: JsonBodyOptions = {}): HttpMiddleware => ({
  before: function parseBody(request) {
    if (opts.optional && (request.event.body ?? '') === '') {
      request.context.jsonBody = {};
      return;
    }
    const type = request.event.headers['content-type'];
    if (type !== undefined && !/^application\/(.+\+)?json\b/i.test(type)) {
      throw new AppError('ERR_UNSUPPORTED_MEDIA_TYPE', `Content-Type must be application/json, not ${type}`, [
        { path: 'headers.content-type', message: 'Expected application/json' },
      ]);
    }
    request.context.jsonBody = parseJsonBody(request.event.body, request.event.isBase64Encoded);
  },
});

export const errorMapper = (): HttpMiddleware => ({
  onError: function mapError(request) {
    request.response = errorResponse(request.error);
  },
});
