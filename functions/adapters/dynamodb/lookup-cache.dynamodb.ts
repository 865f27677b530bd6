import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LookupCache } from '../../ports/lookup-cache.port.ts';

/**
 * Cached lookup answers in the control table: pk `LOOKUP#<workspace>#<key>`, sk `LOOKUP`, with an
 * `expires_at` TTL. DynamoDB deletes expired items lazily, so a read also checks the expiry.
 */
export class DynamoLookupCache implements LookupCache {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private key(workspaceId: string, key: string) {
    return { pk: `LOOKUP#${workspaceId}#${key}`, sk: 'LOOKUP' };
  }

  async get(workspaceId: string, key: string): Promise<Readonly<Record<string, unknown>> | undefined> {
    const answer = await this.client.send(new GetCommand({ TableName: this.tableName, Key: this.key(workspaceId, key) }));
    const item = answer.Item;
    if (!item || Number(item.expires_at) * 1000 <= this.now().getTime()) return undefined;
    return item.value as Record<string, unknown>;
  }

  async put(workspaceId: string, key: string, value: Readonly<Record<string, unknown>>, ttlSeconds: number): Promise<void> {
    const expiresAt = Math.floor(this.now().getTime() / 1000) + ttlSeconds;
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...this.key(workspaceId, key), value, expires_at: expiresAt } }));
  }
}
