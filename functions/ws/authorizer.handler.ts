import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { resolveApiKey } from '../domain/auth/resolve-api-key.ts';
import { apiKeyStore } from '../platform/services/dynamodb.services.ts';

/** WebSocket `$connect` authorizer: WebSocket APIs take an IAM policy, so an unknown key is a Deny. */
export const handler = async (event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
  const header = event.headers?.Authorization ?? event.headers?.authorization;
  const caller = await resolveApiKey(apiKeyStore(), header);
  return {
    principalId: caller?.keyId ?? 'anonymous',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: caller ? 'Allow' : 'Deny', Resource: event.methodArn }],
    },
    ...(caller ? { context: { workspaceId: caller.workspaceId, keyId: caller.keyId } } : {}),
  };
};
