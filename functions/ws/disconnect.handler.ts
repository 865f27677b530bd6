import type { APIGatewayProxyWebsocketEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { connectionStore } from '../platform/services/dynamodb.services.ts';
import { withInvocationLog } from '../platform/logger.ts';

export const handler = withInvocationLog(async (event: APIGatewayProxyWebsocketEventV2): Promise<APIGatewayProxyResultV2> => {
  await connectionStore().remove(event.requestContext.connectionId);
  return { statusCode: 200, body: 'Disconnected' };
});
