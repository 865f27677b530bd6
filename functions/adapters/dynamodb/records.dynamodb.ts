import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Entity } from '../../domain/records/fields.ts';
import type { PreparedRecord } from '../../domain/records/prepare.ts';
import { mapWithConcurrency } from '../../platform/concurrency.ts';
import { isConditionFailure } from './transactions.ts';
import type {
  CreateOutcome,
  RecordChange,
  RecordCrudStore,
  RecordStore,
  StoredItem,
  UpsertOutcome,
  WriteOutcome,
} from '../../ports/records.port.ts';
import { isRetryableStorageError } from './storage-errors.ts';

/**
 * Parallel UpdateItem calls per batch. BatchWriteItem cannot merge fields into an existing item,
 * and a read-modify-write would race, so each record is one conditional-free atomic update.
 */
export const UPSERT_CONCURRENCY = 16;

export const recordKey = (workspaceId: string, entity: string, uuid: string) => ({
  pk: `WS#${workspaceId}#${entity.toUpperCase()}#${uuid}`,
  sk: 'RECORD',
});

/**
 * How `extra` is written: absent; as a whole map where the item has none yet (conditional, as
 * DynamoDB cannot set a key inside a map that does not exist); key by key into the existing map.
 */
type ExtraWrite = 'none' | 'create' | 'merge';

function extraExpression(extra: Readonly<Record<string, string>>, mode: ExtraWrite, names: Record<string, string>, values: Record<string, unknown>, sets: string[]) {
  if (mode === 'none') return;
  names['#extra'] = 'extra';
  if (mode === 'create') {
    values[':extra'] = extra;
    sets.push('#extra = :extra');
    return;
  }
  Object.entries(extra).forEach(([key, value], i) => {
    names[`#x${i}`] = key;
    values[`:x${i}`] = value;
    sets.push(`#extra.#x${i} = :x${i}`);
  });
}

function mergeExpression(workspaceId: string, record: PreparedRecord, now: string, extraMode: ExtraWrite = 'none') {
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
  extraExpression(record.extra ?? {}, extraMode, names, values, sets);
  // An upsert brings a soft-deleted record back, with the fields it had merged with the new ones
  // (re-importing a file must not fail on rows someone deleted); its version keeps growing, so
  // the index takes the revived document over the deletion's tombstone.
  return {
    UpdateExpression: `SET ${sets.join(', ')} REMOVE deleted_at`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ...(extraMode === 'create' ? { ConditionExpression: 'attribute_not_exists(#extra)' } : {}),
  };
}

export class DynamoRecordStore implements RecordStore, RecordCrudStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async upsertMany(workspaceId: string, records: readonly PreparedRecord[]): Promise<UpsertOutcome[]> {
    const now = new Date().toISOString();
    return mapWithConcurrency(records, UPSERT_CONCURRENCY, async (record): Promise<UpsertOutcome> => {
      try {
        const update = (extraMode: ExtraWrite) =>
          this.client.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: recordKey(workspaceId, record.entity, record.uuid),
              ...mergeExpression(workspaceId, record, now, extraMode),
              ReturnValues: 'UPDATED_OLD',
            }),
          );
        const hasExtra = record.extra !== undefined && Object.keys(record.extra).length > 0;
        // `extra` is never removed, so once the create attempt finds one the merge always applies.
        const result = hasExtra
          ? await update('create').catch((error: Error) => {
              if (!isConditionFailure(error)) throw error;
              return update('merge');
            })
          : await update('none');
        return { ok: true, uuid: record.uuid, created: result.Attributes?.version === undefined };
      } catch (error) {
        // The SDK has already retried throttling; the caller resends only what may succeed.
        return { ok: false, uuid: record.uuid, reason: (error as Error).name || 'StorageError', retryable: isRetryableStorageError(error) };
      }
    });
  }
  async get(workspaceId: string, entity: Entity, uuid: string): Promise<StoredItem | undefined> {
    const item = await this.read(workspaceId, entity, uuid);
    return item && item.deleted_at === undefined ? item : undefined;
  }

  /**
   * A read then a conditional put: a put replaces the item whole, so a soft-deleted record's old
   * fields do not come back, yet its version must keep growing past the search tombstone. The
   * condition fails if anyone wrote the record in between, which then counts as "exists".
   */
  async create(workspaceId: string, record: PreparedRecord): Promise<CreateOutcome> {
    const previous = await this.read(workspaceId, record.entity, record.uuid);
    if (previous && previous.deleted_at === undefined) return { ok: false, reason: 'exists' };
    const now = new Date().toISOString();
    const version = Number(previous?.version ?? 0) + 1;
    const item: StoredItem = {
      ...record.fields,
      ...(record.provenance ? { provenance: record.provenance } : {}),
      ...recordKey(workspaceId, record.entity, record.uuid),
      workspace_id: workspaceId,
      entity: record.entity,
      uuid: record.uuid,
      created_at: now,
      updated_at: now,
      version,
    };
    const condition = previous
      ? { ConditionExpression: 'attribute_exists(deleted_at) AND #version = :previous', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':previous': previous.version } }
      : { ConditionExpression: 'attribute_not_exists(pk)' };
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: item, ...condition }));
    } catch (error) {
      if (isConditionFailure(error)) return { ok: false, reason: 'exists' };
      throw error;
    }
    return { ok: true, item };
  }

  async patch(workspaceId: string, entity: Entity, uuid: string, change: RecordChange, expectedVersion?: number): Promise<WriteOutcome> {
    const names: Record<string, string> = { '#version': 'version' };
    const values: Record<string, unknown> = { ':now': new Date().toISOString(), ':one': 1 };
    const sets = ['updated_at = :now', '#version = #version + :one'];
    Object.entries(change.set).forEach(([field, value], i) => {
      names[`#s${i}`] = field;
      values[`:s${i}`] = value;
      sets.push(`#s${i} = :s${i}`);
    });
    if (change.provenance) {
      names['#provenance'] = 'provenance';
      values[':provenance'] = change.provenance;
      sets.push('#provenance = :provenance');
    }
    const removes = change.remove.map((field, i) => {
      names[`#r${i}`] = field;
      return `#r${i}`;
    });
    const update = `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`;
    return this.conditionalUpdate(workspaceId, entity, uuid, update, names, values, expectedVersion);
  }

  async softDelete(workspaceId: string, entity: Entity, uuid: string, expectedVersion?: number): Promise<WriteOutcome> {
    const now = new Date().toISOString();
    return this.conditionalUpdate(
      workspaceId,
      entity,
      uuid,
      'SET deleted_at = :now, updated_at = :now, #version = #version + :one',
      { '#version': 'version' },
      { ':now': now, ':one': 1 },
      expectedVersion,
    );
  }

  /** An update of a live record (at `expectedVersion`, when given); a failed condition is told apart by one read. */
  private async conditionalUpdate(
    workspaceId: string,
    entity: Entity,
    uuid: string,
    UpdateExpression: string,
    names: Record<string, string>,
    values: Record<string, unknown>,
    expectedVersion: number | undefined,
  ): Promise<WriteOutcome> {
    let ConditionExpression = 'attribute_exists(pk) AND attribute_not_exists(deleted_at)';
    if (expectedVersion !== undefined) {
      ConditionExpression += ' AND #version = :expected';
      values[':expected'] = expectedVersion;
    }
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: recordKey(workspaceId, entity, uuid),
          UpdateExpression,
          ConditionExpression,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { ok: true, item: result.Attributes ?? {} };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const current = await this.get(workspaceId, entity, uuid);
      return current ? { ok: false, reason: 'version_mismatch', currentVersion: Number(current.version) } : { ok: false, reason: 'not_found' };
    }
  }

  private async read(workspaceId: string, entity: Entity, uuid: string): Promise<StoredItem | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: recordKey(workspaceId, entity, uuid), ConsistentRead: true }));
    return Item;
  }
}
