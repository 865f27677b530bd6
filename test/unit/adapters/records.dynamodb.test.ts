import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoRecordStore, recordKey } from '../../../functions/adapters/dynamodb/records.dynamodb.ts';

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const mock = mockClient(documents);

describe('DynamoRecordStore', () => {
  beforeEach(() => mock.reset());

  it('It should merge only the given fields, bump the version and scope the key by workspace', async () => {
    mock.on(UpdateCommand).resolves({ Attributes: { version: 3 } });
    const store = new DynamoRecordStore(documents, 'records');
    const [outcome] = await store.upsertMany('ws-a', [{ entity: 'company', uuid: 'u-1', fields: { name: 'Acme', employees_count: 5 } }]);
    expect(outcome).toEqual({ ok: true, uuid: 'u-1', created: false });
    const input = mock.commandCalls(UpdateCommand)[0]?.args[0].input;
    expect(input?.Key).toEqual(recordKey('ws-a', 'company', 'u-1'));
    expect(input?.Key?.pk).toBe('WS#ws-a#COMPANY#u-1');
    expect(input?.UpdateExpression).toContain('#version = if_not_exists(#version, :zero) + :one');
    expect(input?.UpdateExpression).toContain('created_at = if_not_exists(created_at, :now)');
    expect(input?.UpdateExpression).toMatch(/REMOVE deleted_at$/);
    expect(Object.values(input?.ExpressionAttributeNames ?? {})).toEqual(expect.arrayContaining(['name', 'employees_count']));
    expect(input?.ExpressionAttributeValues?.[':ws']).toBe('ws-a');
  });

  it('It should report a new record as created', async () => {
    mock.on(UpdateCommand).resolves({});
    const [outcome] = await new DynamoRecordStore(documents, 'records').upsertMany('ws', [{ entity: 'contact', uuid: 'u', fields: {} }]);
    expect(outcome).toMatchObject({ ok: true, created: true });
  });

  it('It should turn a failed write into a failed outcome for that record only', async () => {
    const throttled = Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' });
    mock.on(UpdateCommand).resolves({}).on(UpdateCommand, { Key: recordKey('ws', 'company', 'bad') }).rejects(throttled);
    const outcomes = await new DynamoRecordStore(documents, 'records').upsertMany('ws', [
      { entity: 'company', uuid: 'good', fields: {} },
      { entity: 'company', uuid: 'bad', fields: {} },
    ]);
    expect(outcomes).toEqual([
      { ok: true, uuid: 'good', created: true },
      { ok: false, uuid: 'bad', reason: 'ProvisionedThroughputExceededException', retryable: true },
    ]);
  });
});

describe('DynamoRecordStore: which refusals are worth retrying', () => {
  beforeEach(() => mock.reset());

  const sdkError = (name: string, status?: number, extra: Record<string, unknown> = {}) =>
    Object.assign(new Error(name), { name, ...(status === undefined ? {} : { $metadata: { httpStatusCode: status } }), ...extra });

  it.each([
    ['throttling', sdkError('ProvisionedThroughputExceededException', 400), true],
    ['a request limit', sdkError('RequestLimitExceeded', 400), true],
    ['a 500', sdkError('InternalServerError', 500), true],
    ['a 503 of any name', sdkError('SomethingNew', 503), true],
    ['a reset socket', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), true],
    ['an SDK timeout', sdkError('TimeoutError'), true],
    ['an error the SDK marks retryable', sdkError('Whatever', 400, { $retryable: {} }), true],
    ['a validation error', sdkError('ValidationException', 400), false],
    ['an item too large', sdkError('ValidationException', 400), false],
    ['a missing table', sdkError('ResourceNotFoundException', 400), false],
    ['a value the marshaller refuses', new Error('Unsupported type passed: x'), false],
  ])('It should mark %s as retryable: %s', async (_what, error, retryable) => {
    mock.on(UpdateCommand).rejects(error);
    const [outcome] = await new DynamoRecordStore(documents, 'records').upsertMany('ws', [{ entity: 'company', uuid: 'u', fields: {} }]);
    expect(outcome).toMatchObject({ ok: false, uuid: 'u', retryable });
  });
});
