import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ChargeOutcome, DownloadLedger } from '../../ports/accounts.port.ts';
import { isConditionFailure } from './transactions.ts';

/** Rows downloaded per user and period: pk = WS#<workspace>, sk = DOWNLOADS#<user>#<period> (expires_at TTL). */
const keyOf = (workspaceId: string, userId: string, period: string) => ({ pk: `WS#${workspaceId}`, sk: `DOWNLOADS#${userId}#${period}` });

export class DynamoDownloadLedger implements DownloadLedger {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** One conditional ADD: the total can never pass the limit, however many exports start at once. */
  async charge(workspaceId: string, userId: string, period: string, rows: number, limit: number, expiresAtEpochSeconds: number): Promise<ChargeOutcome> {
    if (rows > limit) return { ok: false, used: await this.used(workspaceId, userId, period) };
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keyOf(workspaceId, userId, period),
          UpdateExpression: 'ADD rows_used :rows SET expires_at = if_not_exists(expires_at, :expires)',
          ConditionExpression: 'attribute_not_exists(rows_used) OR rows_used <= :most',
          ExpressionAttributeValues: { ':rows': rows, ':most': limit - rows, ':expires': expiresAtEpochSeconds },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return { ok: true, used: Number(Attributes?.rows_used ?? rows) };
    } catch (error) {
      if (isConditionFailure(error)) return { ok: false, used: await this.used(workspaceId, userId, period) };
      throw error;
    }
  }

  async refund(workspaceId: string, userId: string, period: string, rows: number): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keyOf(workspaceId, userId, period),
        UpdateExpression: 'ADD rows_used :rows',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':rows': -rows },
      }),
    ).catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
  }

  async used(workspaceId: string, userId: string, period: string): Promise<number> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keyOf(workspaceId, userId, period), ConsistentRead: true }));
    return Number(Item?.rows_used ?? 0);
  }
}
