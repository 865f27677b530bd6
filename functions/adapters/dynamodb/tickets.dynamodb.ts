import { isConditionFailure } from './transactions.ts';
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { WsTicketRecord, WsTicketStore } from '../../ports/ws-tickets.port.ts';

const keyOf = (hash: string) => ({ pk: `WSTICKET#${hash}`, sk: 'WSTICKET' });

const epochSeconds = (iso: string): number => Math.ceil(Date.parse(iso) / 1000);

/**
 * Tickets by hash in the control table. `expires_at` is the TTL attribute, but DynamoDB deletes
 * expired items only eventually (often within days), so consuming checks it too.
 */
export class DynamoWsTicketStore implements WsTicketStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(ticket: WsTicketRecord): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keyOf(ticket.hash), workspace_id: ticket.workspaceId, expires_at: epochSeconds(ticket.expiresAt), expires: ticket.expiresAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async consume(hash: string, now: Date): Promise<{ workspaceId: string } | undefined> {
    try {
      // One conditional delete: of two connects racing with one ticket, exactly one gets the item back.
      const { Attributes } = await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keyOf(hash),
          ConditionExpression: 'attribute_exists(pk) AND expires > :now',
          ExpressionAttributeValues: { ':now': now.toISOString() },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return Attributes ? { workspaceId: String(Attributes.workspace_id) } : undefined;
    } catch (error) {
      if (isConditionFailure(error)) {
        return undefined;
      }
      throw error;
    }
  }
}
