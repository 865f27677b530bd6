import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import { resolveApiKey } from '../domain/auth/resolve-api-key.ts';
import type { AuthorizerContext } from '../platform/http/middlewares.ts';
import { logger } from '../platform/logger.ts';
import { apiKeyStore } from '../platform/services/dynamodb.services.ts';

/**
 * Resolves the caller's API key to a workspace. An unknown or revoked key is let through with
 * `authenticated: false` rather than denied: a denial would make API Gateway answer a bare 403,
 * while the route's workspace gate answers 401 ERR_UNAUTHORIZED in the API's own error shape.
 * No route reads data without that gate (functions/platform/http/middlewares.ts).
 */
export const handler = async (
  event: APIGatewayRequestAuthorizerEventV2,
): Promise<APIGatewaySimpleAuthorizerWithContextResult<AuthorizerContext>> => {
  const caller = await resolveApiKey(apiKeyStore(), event.headers?.authorization);
  if (!caller) {
    logger.info('Unresolved API key', { routeKey: event.routeKey });
    return { isAuthorized: true, context: { authenticated: false } };
  }
  return { isAuthorized: true, context: { authenticated: true, workspaceId: caller.workspaceId, keyId: caller.keyId } };
};
