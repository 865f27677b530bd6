import { ApiGatewayManagementApiClient, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import type { Push } from '../../ports/connections.port.ts';

/** API Gateway refuses WebSocket frames over 128 KB; refuse them here with a clear error instead. */
export const MAX_WS_MESSAGE_BYTES = 128 * 1024;

export class ApiGatewayPush implements Push {
  constructor(private readonly client: ApiGatewayManagementApiClient) {}

  async send(connectionId: string, message: Record<string, unknown>): Promise<boolean> {
    const data = Buffer.from(JSON.stringify(message));
    if (data.byteLength > MAX_WS_MESSAGE_BYTES) {
      throw new Error(`WebSocket message of ${data.byteLength} bytes exceeds ${MAX_WS_MESSAGE_BYTES}`);
    }
    try {
      await this.client.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: data }));
      return true;
    } catch (error) {
      if (error instanceof GoneException || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 410) return false;
      throw error;
    }
  }
}

export const createPushClient = (endpoint: string, region: string): ApiGatewayManagementApiClient =>
  new ApiGatewayManagementApiClient({ endpoint, region });
