import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RateCounter, WorkspaceLimits } from '../../ports/accounts.port.ts';

/**
 * Fixed-window counters: pk = RATE#<rule>#<subject hash>#<window start>, sk = RATE, removed by the
 * table's `expires_at` TTL. One UpdateItem ADD per hit is atomic across concurrent Lambdas.
 */
export class DynamoRateCounter implements RateCounter {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async add(key: string, delta: number, expiresAtEpochSeconds: number): Promise<number> {
    const { Attributes } = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `RATE#${key}`, sk: 'RATE' },
        UpdateExpression: 'ADD hits :delta SET expires_at = if_not_exists(expires_at, :expires)',
        ExpressionAttributeValues: { ':delta': delta, ':expires': expiresAtEpochSeconds },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.hits ?? 0);
  }
}

/** A workspace's own limits: pk = WS#<workspace>, sk = LIMITS. */
export class DynamoWorkspaceLimits implements WorkspaceLimits {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async apiRequestsPerHour(workspaceId: string): Promise<number | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: `WS#${workspaceId}`, sk: 'LIMITS' } }));
    const perHour = Item?.api_requests_per_hour;
    return typeof perHour === 'number' && perHour > 0 ? perHour : undefined;
  }

  /** Set while a paid plan is in force (functions/adapters/dynamodb/billing.dynamodb.ts writes it). */
  async downloadRowsPerUser(workspaceId: string): Promise<number | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: `WS#${workspaceId}`, sk: 'LIMITS' }, ConsistentRead: true }));
    const rows = Item?.download_rows_per_user;
    return typeof rows === 'number' && rows > 0 ? rows : undefined;
  }

  async setApiRequestsPerHour(workspaceId: string, perHour: number): Promise<void> {
    // An update, not a put: the item also holds what a paid plan grants.
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `WS#${workspaceId}`, sk: 'LIMITS' },
        UpdateExpression: 'SET workspace_id = :ws, api_requests_per_hour = :perHour',
        ExpressionAttributeValues: { ':ws': workspaceId, ':perHour': perHour },
      }),
    );
  }
}
