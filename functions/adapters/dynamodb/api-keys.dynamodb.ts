import { BatchGetCommand, GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isRole } from '../../domain/auth/principal.ts';
import type { ApiKeyCatalog, ApiKeyRecord } from '../../ports/api-keys.port.ts';
import { isConditionFailure } from './transactions.ts';
import { queryWorkspaceItems } from './workspace-items.ts';

/**
 * Control-table items:
 *   by hash (authorizer, the source of truth)  pk = APIKEY#<sha256>, sk = APIKEY
 *   listing (management)                       pk = WS#<workspace>, sk = APIKEY#<keyId> → hash
 * Keys issued before listings existed have only the first item: they work but are not listed.
 */
const keyOf = (hash: string) => ({ pk: `APIKEY#${hash}`, sk: 'APIKEY' });
const listingOf = (workspaceId: string, keyId: string) => ({ pk: `WS#${workspaceId}`, sk: `APIKEY#${keyId}` });
/** BatchGetItem's limit. */
const BATCH_GET_SIZE = 100;

function toRecord(hash: string, Item: Record<string, unknown>): ApiKeyRecord {
  return {
    hash,
    workspaceId: String(Item.workspace_id),
    keyId: String(Item.key_id),
    name: String(Item.name),
    displayPrefix: String(Item.display_prefix),
    createdAt: String(Item.created_at),
    ...(Item.revoked_at ? { revokedAt: String(Item.revoked_at) } : {}),
    ...(isRole(Item.role) ? { role: Item.role } : {}),
    ...(typeof Item.created_by === 'string' ? { createdBy: Item.created_by } : {}),
    ...(typeof Item.last_used_at === 'string' ? { lastUsedAt: Item.last_used_at } : {}),
  };
}

export class DynamoApiKeyStore implements ApiKeyCatalog {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async findByHash(hash: string): Promise<ApiKeyRecord | undefined> {
    // Strongly consistent: a key revoked a moment ago must already fail.
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keyOf(hash), ConsistentRead: true }));
    return Item ? toRecord(hash, Item) : undefined;
  }

  async put(record: ApiKeyRecord): Promise<void> {
    const details = {
      workspace_id: record.workspaceId,
      key_id: record.keyId,
      name: record.name,
      display_prefix: record.displayPrefix,
      created_at: record.createdAt,
      ...(record.role ? { role: record.role } : {}),
      ...(record.createdBy ? { created_by: record.createdBy } : {}),
    };
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: { ...keyOf(record.hash), ...details }, ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Put: {
              TableName: this.tableName,
              Item: { ...listingOf(record.workspaceId, record.keyId), ...details, hash: record.hash },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
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

  async findById(workspaceId: string, keyId: string): Promise<ApiKeyRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: listingOf(workspaceId, keyId), ConsistentRead: true }));
    if (!Item || typeof Item.hash !== 'string') return undefined;
    const record = await this.findByHash(Item.hash);
    return record?.workspaceId === workspaceId ? record : undefined;
  }

  async list(workspaceId: string): Promise<ApiKeyRecord[]> {
    const listings = await queryWorkspaceItems(this.client, this.tableName, workspaceId, 'APIKEY#', ['hash']);
    const hashes = listings.map((item) => String(item.hash));
    const records: ApiKeyRecord[] = [];
    for (let start = 0; start < hashes.length; start += BATCH_GET_SIZE) {
      records.push(...(await this.getMany(hashes.slice(start, start + BATCH_GET_SIZE))));
    }
    return records.filter((record) => record.workspaceId === workspaceId).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  private async getMany(hashes: readonly string[]): Promise<ApiKeyRecord[]> {
    const records: ApiKeyRecord[] = [];
    let keys: Record<string, unknown>[] = hashes.map(keyOf);
    while (keys.length > 0) {
      const { Responses, UnprocessedKeys } = await this.client.send(
        new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys, ConsistentRead: true } } }),
      );
      for (const item of Responses?.[this.tableName] ?? []) records.push(toRecord(String(item.pk).slice('APIKEY#'.length), item));
      keys = (UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
    }
    return records;
  }

  async touch(hash: string, at: string, notBefore: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keyOf(hash),
          UpdateExpression: 'SET last_used_at = :at',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(last_used_at) OR last_used_at < :notBefore)',
          ExpressionAttributeValues: { ':at': at, ':notBefore': notBefore },
        }),
      );
    } catch (error) {
      // Another request stamped it within the minute: nothing to do.
      if (!isConditionFailure(error)) throw error;
    }
  }
}
