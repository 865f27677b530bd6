import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ApiKeyRecord, ApiKeyStore } from '../../ports/api-keys.port.ts';

const keyOf = (hash: string) => ({ pk: `APIKEY#${hash}`, sk: 'APIKEY' });

export class DynamoApiKeyStore implements ApiKeyStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async findByHash(hash: string): Promise<ApiKeyRecord | undefined> {
    // Strongly consistent: a key revoked a moment ago must already fail.
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keyOf(hash), ConsistentRead: true }));
    if (!Item) return undefined;
    return {
      hash,
      workspaceId: String(Item.workspace_id),
      keyId: String(Item.key_id),
      name: String(Item.name),
      displayPrefix: String(Item.display_prefix),
      createdAt: String(Item.created_at),
      ...(Item.revoked_at ? { revokedAt: String(Item.revoked_at) } : {}),
    };
  }

  async put(record: ApiKeyRecord): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keyOf(record.hash),
          workspace_id: record.workspaceId,
          key_id: record.keyId,
          name: record.name,
          display_prefix: record.displayPrefix,
          created_at: record.createdAt,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async revoke(hash: string, at: string): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keyOf(hash),
        UpdateExpression: 'SET revoked_at = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at },
      }),
    );
  }
}
