import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MonitoringSettings, MonitoringSettingsStore } from '../../domain/signals/monitoring-settings.ts';

/** Every workspace's setting in one partition: the daily schedule reads them with one paged Query. */
const PARTITION = 'SIGNALMON#settings';
const sortKey = (workspaceId: string): string => `SIGNALMON#${workspaceId}`;
const PAGE_SIZE = 100;

type Item = MonitoringSettings & { readonly pk: string; readonly sk: string };

const settingsOf = ({ pk: _pk, sk: _sk, ...settings }: Item): MonitoringSettings => settings;

/**
 * Scheduled-monitoring settings: pk = SIGNALMON#settings, sk = SIGNALMON#<workspace>; the
 * webhook secret sealed (AES-256-GCM, the workspace as associated data), `lastCheck` the marker.
 */
export class DynamoMonitoringSettings implements MonitoringSettingsStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(workspaceId: string): Promise<MonitoringSettings | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: PARTITION, sk: sortKey(workspaceId) } }));
    return Item ? settingsOf(Item as Item) : undefined;
  }

  async put(settings: MonitoringSettings): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { pk: PARTITION, sk: sortKey(settings.workspaceId), ...settings } }));
  }

  async *listEnabled(): AsyncIterable<MonitoringSettings> {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          FilterExpression: 'enabled = :on',
          ExpressionAttributeValues: { ':pk': PARTITION, ':on': true },
          Limit: PAGE_SIZE,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of page.Items ?? []) yield settingsOf(item as Item);
      start = page.LastEvaluatedKey;
    } while (start);
  }

  async markChecked(workspaceId: string, from: string | undefined, to: string): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: PARTITION, sk: sortKey(workspaceId) },
          UpdateExpression: 'SET lastCheck = :to',
          ConditionExpression: from === undefined ? 'attribute_exists(pk) AND attribute_not_exists(lastCheck)' : 'lastCheck = :from',
          ExpressionAttributeValues: { ':to': to, ...(from === undefined ? {} : { ':from': from }) },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
