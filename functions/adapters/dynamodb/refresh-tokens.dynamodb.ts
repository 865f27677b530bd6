import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RefreshTokenRecord, RotateOutcome, SessionFamily, SessionStore } from '../../ports/accounts.port.ts';
import { epochSeconds, failedConditions, isConditionFailure } from './transactions.ts';

/**
 * Control-table items (both expire through the table's `expires_at` TTL; the code also checks
 * `valid_until`, since TTL deletion can lag by days):
 *   session family  pk = SESSION#<familyId>, sk = SESSION
 *   refresh token   pk = REFRESH#<sha256>, sk = REFRESH
 */
const familyKey = (familyId: string) => ({ pk: `SESSION#${familyId}`, sk: 'SESSION' });
const tokenKey = (hash: string) => ({ pk: `REFRESH#${hash}`, sk: 'REFRESH' });

const tokenItem = (token: RefreshTokenRecord) => ({
  ...tokenKey(token.hash),
  family_id: token.familyId,
  workspace_id: token.workspaceId,
  user_id: token.userId,
  issued_at: token.issuedAt,
  valid_until: token.expiresAt,
  expires_at: epochSeconds(token.expiresAt),
});

export class DynamoSessionStore implements SessionStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async start(family: SessionFamily, first: RefreshTokenRecord): Promise<void> {
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...familyKey(family.familyId),
                workspace_id: family.workspaceId,
                user_id: family.userId,
                created_at: family.createdAt,
                valid_until: family.expiresAt,
                expires_at: epochSeconds(family.expiresAt),
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Put: { TableName: this.tableName, Item: tokenItem(first), ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
  }

  async findToken(hash: string): Promise<RefreshTokenRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: tokenKey(hash), ConsistentRead: true }));
    if (!Item) return undefined;
    return {
      hash,
      familyId: String(Item.family_id),
      workspaceId: String(Item.workspace_id),
      userId: String(Item.user_id),
      issuedAt: String(Item.issued_at),
      expiresAt: String(Item.valid_until),
      ...(typeof Item.used_at === 'string' ? { usedAt: Item.used_at } : {}),
    };
  }

  async findFamily(familyId: string): Promise<SessionFamily | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: familyKey(familyId), ConsistentRead: true }));
    if (!Item) return undefined;
    return {
      familyId,
      workspaceId: String(Item.workspace_id),
      userId: String(Item.user_id),
      createdAt: String(Item.created_at),
      expiresAt: String(Item.valid_until),
      ...(typeof Item.revoked_at === 'string' ? { revokedAt: Item.revoked_at } : {}),
    };
  }

  /** One transaction: mark the presented token used, check the family is live, store the next token. */
  async rotate(usedHash: string, next: RefreshTokenRecord, at: string): Promise<RotateOutcome> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: tokenKey(usedHash),
                UpdateExpression: 'SET used_at = :at, replaced_by = :next',
                ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(used_at)',
                ExpressionAttributeValues: { ':at': at, ':next': next.hash },
              },
            },
            {
              ConditionCheck: {
                TableName: this.tableName,
                Key: familyKey(next.familyId),
                ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revoked_at)',
              },
            },
            { Put: { TableName: this.tableName, Item: tokenItem(next), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
      return 'rotated';
    } catch (error) {
      const failed = failedConditions(error);
      if (failed?.[0]) return 'reused';
      if (failed?.[1]) return 'revoked';
      throw error;
    }
  }

  async revokeFamily(familyId: string, at: string): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: familyKey(familyId),
        UpdateExpression: 'SET revoked_at = if_not_exists(revoked_at, :at)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at },
      }),
    ).catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
  }
}
