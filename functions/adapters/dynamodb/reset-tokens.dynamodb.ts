import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OneTimeTokenPurpose, OneTimeTokenRecord, OneTimeTokenStore } from '../../ports/accounts.port.ts';
import { epochSeconds, isConditionFailure } from './transactions.ts';

/** Password-reset and invitation tokens: pk = ONETIME#<sha256>, sk = ONETIME (expires_at TTL). */
const keyOf = (hash: string) => ({ pk: `ONETIME#${hash}`, sk: 'ONETIME' });

export class DynamoOneTimeTokenStore implements OneTimeTokenStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(record: OneTimeTokenRecord): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keyOf(record.hash),
          purpose: record.purpose,
          workspace_id: record.workspaceId,
          user_id: record.userId,
          valid_until: record.expiresAt,
          expires_at: epochSeconds(record.expiresAt),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async find(hash: string): Promise<OneTimeTokenRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keyOf(hash), ConsistentRead: true }));
    if (!Item) return undefined;
    return {
      hash,
      purpose: Item.purpose as OneTimeTokenPurpose,
      workspaceId: String(Item.workspace_id),
      userId: String(Item.user_id),
      expiresAt: String(Item.valid_until),
    };
  }

  /** A conditional delete: of two concurrent consumers exactly one sees the item go. */
  async consume(hash: string): Promise<boolean> {
    try {
      await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: keyOf(hash), ConditionExpression: 'attribute_exists(pk)' }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
