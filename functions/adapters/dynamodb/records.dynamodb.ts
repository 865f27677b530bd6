import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PreparedRecord } from '../../domain/records/prepare.ts';
import { mapWithConcurrency } from '../../platform/concurrency.ts';
import type { RecordStore, UpsertOutcome } from '../../ports/records.port.ts';

/**
 * Parallel UpdateItem calls per batch. BatchWriteItem cannot merge fields into an existing item,
 * and a read-modify-write would race, so each record is one conditional-free atomic update.
 */
export const UPSERT_CONCURRENCY = 16;

export const recordKey = (workspaceId: string, entity: string, uuid: string) => ({
  pk: `WS#${workspaceId}#${entity.toUpperCase()}#${uuid}`,
  sk: 'RECORD',
});

function mergeExpression(workspaceId: string, record: PreparedRecord, now: string) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':ws': workspaceId, ':entity': record.entity, ':uuid': record.uuid, ':now': now, ':zero': 0, ':one': 1 };
  const sets = [
    'workspace_id = :ws',
    'entity = :entity',
    '#uuid = :uuid',
    'updated_at = :now',
    'created_at = if_not_exists(created_at, :now)',
    '#version = if_not_exists(#version, :zero) + :one',
  ];
  names['#uuid'] = 'uuid';
  names['#version'] = 'version';
  Object.entries(record.fields).forEach(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:f${i}`] = value;
    sets.push(`#f${i} = :f${i}`);
  });
  // An upsert brings a soft-deleted record back.
  return { UpdateExpression: `SET ${sets.join(', ')} REMOVE deleted_at`, ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}

export class DynamoRecordStore implements RecordStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async upsertMany(workspaceId: string, records: readonly PreparedRecord[]): Promise<UpsertOutcome[]> {
    const now = new Date().toISOString();
    return mapWithConcurrency(records, UPSERT_CONCURRENCY, async (record): Promise<UpsertOutcome> => {
      try {
        const result = await this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: recordKey(workspaceId, record.entity, record.uuid),
            ...mergeExpression(workspaceId, record, now),
            ReturnValues: 'UPDATED_OLD',
          }),
        );
        return { ok: true, uuid: record.uuid, created: result.Attributes?.version === undefined };
      } catch (error) {
        // The SDK has already retried throttling; report the row so the caller can resend it.
        return { ok: false, uuid: record.uuid, reason: (error as Error).name || 'StorageError' };
      }
    });
  }
}
