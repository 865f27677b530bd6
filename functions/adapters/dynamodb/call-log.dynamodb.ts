import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CallLog, CallLogEntry, CallLogPage, CallLogQuery } from '../../ports/call-log.port.ts';
import { cursorOfSortKey, sortKeyOfCursor } from './sort-key-cursor.ts';

/** Usage analytics look back a quarter; older entries go by TTL. */
export const CALL_LOG_TTL_SECONDS = 90 * 86_400;
export const CALL_LOG_PAGE_SIZE = 500;

const pkOf = (workspaceId: string, provider: string): string => `CALLS#${workspaceId}#${provider}`;

/**
 * pk = CALLS#<workspace>#<provider>, sk = CALL#<ISO time>#<random>: one query reads a
 * workspace's calls to a provider over a time range, in order; `expires_at` removes them.
 */
export class DynamoCallLog implements CallLog {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly ttlSeconds = CALL_LOG_TTL_SECONDS,
  ) {}

  async record(entry: CallLogEntry): Promise<void> {
    const expiresAt = Math.floor(Date.parse(entry.at) / 1000) + this.ttlSeconds;
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: pkOf(entry.workspaceId, entry.provider), sk: `CALL#${entry.at}#${randomUUID()}`, ...entry, expires_at: expiresAt },
      }),
    );
  }

  async query(query: CallLogQuery): Promise<CallLogPage> {
    const { Items = [], LastEvaluatedKey } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': pkOf(query.workspaceId, query.provider), ':from': `CALL#${query.from}`, ':to': `CALL#${query.to}\uffff` },
        Limit: Math.min(query.limit ?? CALL_LOG_PAGE_SIZE, CALL_LOG_PAGE_SIZE),
        // The cursor carries only the sort key: the partition always comes from the caller's own workspace.
        ...(query.cursor ? { ExclusiveStartKey: { pk: pkOf(query.workspaceId, query.provider), sk: sortKeyOfCursor(query.cursor) } } : {}),
      }),
    );
    const entries = Items.map(({ pk: _pk, sk: _sk, expires_at: _e, ...entry }) => entry as unknown as CallLogEntry);
    return { entries, ...(LastEvaluatedKey ? { cursor: cursorOfSortKey(String(LastEvaluatedKey.sk)) } : {}) };
  }
}
