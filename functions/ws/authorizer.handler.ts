import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { redeemWsTicket } from '../domain/realtime/ws-ticket.ts';
import { wsTicketStore } from '../platform/services/realtime.services.ts';
import { withInvocationLog } from '../platform/logger.ts';

/**
 * WebSocket `$connect` authorizer. Browsers cannot set headers on a WebSocket, so the client
 * first gets a ticket (POST /v1/ws-tickets, with its API key) and connects with `?ticket=`.
 * Redeeming consumes the ticket atomically: a reused, expired or unknown ticket is a Deny (403);
 * a missing one never reaches here (API Gateway answers 401 for a missing identity source).
 */
export const handler = withInvocationLog(async (event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
  const workspaceId = await redeemWsTicket(wsTicketStore(), event.queryStringParameters?.ticket, new Date());
  return {
    principalId: workspaceId ? `workspace:${workspaceId}` : 'anonymous',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: workspaceId ? 'Allow' : 'Deny', Resource: event.methodArn }],
    },
    ...(workspaceId ? { context: { workspaceId } } : {}),
  };
});
