import type { APIGatewayProxyWebsocketEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { answer } from '../domain/realtime/messages.ts';
import { connectionStore } from '../platform/services/dynamodb.services.ts';
import { push } from '../platform/services/push.services.ts';

export const handler = async (event: APIGatewayProxyWebsocketEventV2): Promise<APIGatewayProxyResultV2> => {
  const { connectionId } = event.requestContext;
  const delivered = await push().send(connectionId, answer(event.body, new Date()));
  // 410 from @connections: the client left without a $disconnect reaching us.
  if (!delivered) await connectionStore().remove(connectionId);
  return { statusCode: 200 };
};
