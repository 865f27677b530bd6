import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import { authenticate } from '../domain/auth/authenticate.ts';
import type { AuthorizerContext } from '../platform/http/middlewares.ts';
import { logger, withInvocationLog } from '../platform/logger.ts';
import { accessTokens, apiKeyCatalog, rateCounter, sessions, users, workspaceLimits } from '../platform/services/accounts.services.ts';

/**
 * Resolves `Authorization: Bearer <access JWT | API key>` to a principal (workspace, user, key,
 * role) and counts the request against the hourly API limit.
 *
 * An unknown, expired or revoked credential is let through with `authenticated: false` rather
 * than denied: a denial would make API Gateway answer a bare 403, while the route's workspace
 * gate answers 401 ERR_UNAUTHORIZED in the API's own error shape (and 429 with Retry-After for
 * `retryAfter`). No route reads data without that gate (functions/platform/http/middlewares.ts).
 */
export const handler = withInvocationLog(async (
  event: APIGatewayRequestAuthorizerEventV2,
): Promise<APIGatewaySimpleAuthorizerWithContextResult<AuthorizerContext>> => {
  const deps = { tokens: accessTokens, users: users(), sessions: sessions(), keys: apiKeyCatalog(), counter: rateCounter(), limits: workspaceLimits() };
  const outcome = await authenticate(deps, event.headers?.authorization);
  if (!outcome.ok) {
    // The reason, never the credential.
    logger.info('Unauthenticated request', { routeKey: event.routeKey, reason: outcome.reason });
    return { isAuthorized: true, context: { authenticated: false } };
  }
  const { principal, retryAfterSeconds } = outcome;
  return {
    isAuthorized: true,
    context: {
      authenticated: true,
      workspaceId: principal.workspaceId,
      role: principal.role,
      ...(principal.userId ? { userId: principal.userId } : {}),
      ...(principal.keyId ? { keyId: principal.keyId } : {}),
      ...(retryAfterSeconds !== undefined ? { retryAfter: retryAfterSeconds } : {}),
    },
  };
});
