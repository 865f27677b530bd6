import { DeleteCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { JobSubscriptions } from '../../ports/job-subscriptions.port.ts';
import { CONNECTION_TTL_SECONDS } from './connections.dynamodb.ts';

/** Most connections one job's events are pushed to (one page of the query). */
export const MAX_SUBSCRIBERS_PER_JOB = 500;

const partitionOf = (workspaceId: string, jobId: string): string => `JOBSUB#${workspaceId}#${jobId}`;

/**
 * Subscriptions in the control table, grouped by job so a publish is one query. A subscription
 * lives no longer than its connection can (same TTL); a gone connection's entries are removed
 * when a push answers 410, and otherwise expire.
 */
export class DynamoJobSubscriptions implements JobSubscriptions {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async subscribe(workspaceId: string, jobId: string, connectionId: string, now: Date): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: partitionOf(workspaceId, jobId),
          sk: `CONN#${connectionId}`,
          connection_id: connectionId,
          subscribed_at: now.toISOString(),
          expires_at: Math.floor(now.getTime() / 1000) + CONNECTION_TTL_SECONDS,
        },
      }),
    );
  }

  async unsubscribe(workspaceId: string, jobId: string, connectionId: string): Promise<void> {
    await this.client.send(
      new DeleteCommand({ TableName: this.tableName, Key: { pk: partitionOf(workspaceId, jobId), sk: `CONN#${connectionId}` } }),
    );
  }

  async subscribers(workspaceId: string, jobId: string, now: Date): Promise<readonly string[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :conn)',
        // TTL deletion is lazy: an expired entry is already gone for us.
        FilterExpression: 'expires_at > :now',
        ExpressionAttributeValues: { ':pk': partitionOf(workspaceId, jobId), ':conn': 'CONN#', ':now': Math.floor(now.getTime() / 1000) },
        Limit: MAX_SUBSCRIBERS_PER_JOB,
      }),
    );
    return Items.map((item) => String(item.connection_id));
  }
}
