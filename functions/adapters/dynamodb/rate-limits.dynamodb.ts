import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
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

  async setApiRequestsPerHour(workspaceId: string, perHour: number): Promise<void> {
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: { pk: `WS#${workspaceId}`, sk: 'LIMITS', workspace_id: workspaceId, api_requests_per_hour: perHour } }),
    );
  }
}
