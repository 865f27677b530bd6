import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ConnectionRecord, ConnectionStore } from '../../ports/connections.port.ts';

/** API Gateway closes a WebSocket after two hours; a missed $disconnect expires soon after. */
export const CONNECTION_TTL_SECONDS = 2 * 60 * 60 + 10 * 60;

const keyOf = (connectionId: string) => ({ pk: `CONN#${connectionId}`, sk: 'CONN' });

export class DynamoConnectionStore implements ConnectionStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(connection: ConnectionRecord): Promise<void> {
    const expiresAt = Math.floor(Date.parse(connection.connectedAt) / 1000) + CONNECTION_TTL_SECONDS;
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keyOf(connection.connectionId),
          workspace_id: connection.workspaceId,
          connected_at: connection.connectedAt,
          expires_at: expiresAt,
        },
      }),
    );
  }

  async get(connectionId: string): Promise<ConnectionRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keyOf(connectionId) }));
    // DynamoDB deletes expired items lazily; an expired one is already gone for us.
    if (!Item || Number(Item.expires_at) * 1000 < Date.now()) return undefined;
    return { connectionId, workspaceId: String(Item.workspace_id), connectedAt: String(Item.connected_at) };
  }

  async remove(connectionId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: keyOf(connectionId) }));
  }
}
