import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ChargeOutcome, DownloadLedger } from '../../ports/accounts.port.ts';
import { failedConditions, isConditionFailure } from './transactions.ts';

/** Rows downloaded per user and period: pk = WS#<workspace>, sk = DOWNLOADS#<user>#<period> (expires_at TTL). */
const keyOf = (workspaceId: string, userId: string, period: string) => ({ pk: `WS#${workspaceId}`, sk: `DOWNLOADS#${userId}#${period}` });
/** A paid download of one file by one user: pk = WS#<workspace>, sk = DOWNLOAD_RECEIPT#<user>#<receipt>. Kept: paid once, free after. */
const receiptKeyOf = (workspaceId: string, userId: string, receipt: string) => ({ pk: `WS#${workspaceId}`, sk: `DOWNLOAD_RECEIPT#${userId}#${receipt}` });

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

  /** The receipt and the charge in one transaction: of two concurrent downloads, one pays. */
  async chargeOnce(
    workspaceId: string,
    userId: string,
    receipt: string,
    period: string,
    rows: number,
    limit: number,
    expiresAtEpochSeconds: number,
  ): Promise<ChargeOutcome & { alreadyPaid?: boolean }> {
    const receiptKey = receiptKeyOf(workspaceId, userId, receipt);
    if (rows > limit) {
      const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: receiptKey, ConsistentRead: true }));
      return Item ? { ok: true, used: await this.used(workspaceId, userId, period), alreadyPaid: true } : { ok: false, used: await this.used(workspaceId, userId, period) };
    }
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...receiptKey, rows, period },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: keyOf(workspaceId, userId, period),
                UpdateExpression: 'ADD rows_used :rows SET expires_at = if_not_exists(expires_at, :expires)',
                ConditionExpression: 'attribute_not_exists(rows_used) OR rows_used <= :most',
                ExpressionAttributeValues: { ':rows': rows, ':most': limit - rows, ':expires': expiresAtEpochSeconds },
              },
            },
          ],
        }),
      );
      return { ok: true, used: await this.used(workspaceId, userId, period) };
    } catch (error) {
      const failed = failedConditions(error);
      if (!failed) throw error;
      const used = await this.used(workspaceId, userId, period);
      return failed[0] ? { ok: true, used, alreadyPaid: true } : { ok: false, used };
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
