import type { APIGatewayProxyWebsocketEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { connectionStore } from '../platform/services/dynamodb.services.ts';
import { withInvocationLog } from '../platform/logger.ts';

type ConnectEvent = APIGatewayProxyWebsocketEventV2 & { requestContext: { authorizer?: { workspaceId?: string } } };

export const handler = withInvocationLog(async (event: ConnectEvent): Promise<APIGatewayProxyResultV2> => {
  const workspaceId = event.requestContext.authorizer?.workspaceId;
  if (!workspaceId) return { statusCode: 401, body: 'Unauthorized' };
  await connectionStore().put({
    connectionId: event.requestContext.connectionId,
    workspaceId,
    connectedAt: new Date(event.requestContext.requestTimeEpoch).toISOString(),
  });
  return { statusCode: 200, body: 'Connected' };
});
