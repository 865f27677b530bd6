import type { APIGatewayProxyWebsocketEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { answer } from '../domain/realtime/messages.ts';
import { connectionStore } from '../platform/services/dynamodb.services.ts';
import { jobStore } from '../platform/services/jobs.services.ts';
import { jobSubscriptions } from '../platform/services/realtime.services.ts';
import { push } from '../platform/services/push.services.ts';
import { withInvocationLog } from '../platform/logger.ts';

type MessageEvent = APIGatewayProxyWebsocketEventV2 & { requestContext: { authorizer?: { workspaceId?: string } } };

/** Every WebSocket action (`ping`, `subscribe`, `unsubscribe`): API Gateway routes them all here. */
export const handler = withInvocationLog(async (event: MessageEvent): Promise<APIGatewayProxyResultV2> => {
  const { connectionId } = event.requestContext;
  // The $connect authorizer's context rides on every message of the connection.
  const workspaceId = event.requestContext.authorizer?.workspaceId ?? '';
  const reply = await answer({ jobs: jobStore(), subscriptions: jobSubscriptions() }, { workspaceId, connectionId }, event.body, new Date());
  const delivered = await push().send(connectionId, reply);
  // 410 from @connections: the client left without a $disconnect reaching us.
  if (!delivered) await connectionStore().remove(connectionId);
  return { statusCode: 200 };
});
