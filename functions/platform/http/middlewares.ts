import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { isRole, type Principal } from '../../domain/auth/principal.ts';
import { RateLimitedError } from '../../domain/auth/rate-limit.ts';
import { AppError } from '../errors.ts';
import { parseJsonBody } from './json-body.ts';
import { errorResponse } from './responses.ts';

/** What the HTTP authorizer hands to every authorized route (functions/http/authorizer.handler.ts). */
export interface AuthorizerContext {
  readonly authenticated: boolean;
  readonly workspaceId?: string;
  readonly keyId?: string;
  /** The signed-in user, or the user who created the API key. */
  readonly userId?: string;
  readonly role?: string;
  /** Set when the caller is over its hourly API limit: the route answers 429 with this Retry-After. */
  readonly retryAfter?: number;
}

export interface HttpContext extends Context {
  workspaceId?: string;
  principal?: Principal;
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
export const workspaceScope = (opts: { admin?: boolean } = {}): HttpMiddleware => ({
  before: function resolveWorkspace(request) {
    const auth = authorizerContext(request.event);
    if (!auth?.authenticated || !auth.workspaceId) {
      throw new AppError('ERR_UNAUTHORIZED', 'A valid access token or API key is required (Authorization: Bearer <token>)');
    }
    if (auth.retryAfter !== undefined) throw new RateLimitedError(Number(auth.retryAfter));
    // The authorizer always names a role; anything else is a defect there, and failing closed
    // keeps such a defect from granting admin rights.
    if (!isRole(auth.role)) throw new AppError('ERR_FORBIDDEN', 'The credential carries no known role');
    const role = auth.role;
    if (opts.admin && role !== 'admin') throw new AppError('ERR_FORBIDDEN', 'This route is for workspace admins');
    request.context.workspaceId = auth.workspaceId;
    request.context.principal = {
      workspaceId: auth.workspaceId,
      role,
      ...(auth.userId ? { userId: auth.userId } : {}),
      ...(auth.keyId ? { keyId: auth.keyId } : {}),
    };
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
    const response = errorResponse(request.error);
    const retryAfter = (request.error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
    if (typeof retryAfter === 'number') response.headers = { ...response.headers, 'retry-after': String(retryAfter) };
    request.response = response;
  },
});
