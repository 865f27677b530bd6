import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoRecordStore, recordKey } from '../../../functions/adapters/dynamodb/records.dynamodb.ts';

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const mock = mockClient(documents);
const conditionFailed = () => Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
const store = () => new DynamoRecordStore(documents, 'records');

describe('DynamoRecordStore: one record at a time', () => {
  beforeEach(() => mock.reset());

  it('It should read consistently under the workspace key and hide a soft-deleted record', async () => {
    // Prepare
    mock.on(GetCommand).resolvesOnce({ Item: { uuid: 'u', version: 2 } }).resolvesOnce({ Item: { uuid: 'u', version: 3, deleted_at: 't' } });
    // Act
    const live = await store().get('ws-a', 'contact', 'u');
    const deleted = await store().get('ws-a', 'contact', 'u');
    // Assess
    expect(live).toEqual({ uuid: 'u', version: 2 });
    expect(deleted).toBeUndefined();
    expect(mock.commandCalls(GetCommand)[0]?.args[0].input).toMatchObject({ Key: recordKey('ws-a', 'contact', 'u'), ConsistentRead: true });
  });

  it('It should patch a live record only, at the expected version, bumping the version', async () => {
    mock.on(UpdateCommand).resolves({ Attributes: { uuid: 'u', version: 4, title: 'CTO' } });
    const outcome = await store().patch('ws-a', 'contact', 'u', { set: { title: 'CTO' }, remove: ['phone'] }, 3);
    expect(outcome).toEqual({ ok: true, item: { uuid: 'u', version: 4, title: 'CTO' } });
    const input = mock.commandCalls(UpdateCommand)[0]?.args[0].input;
    expect(input?.ConditionExpression).toBe('attribute_exists(pk) AND attribute_not_exists(deleted_at) AND #version = :expected');
    expect(input?.ExpressionAttributeValues?.[':expected']).toBe(3);
    expect(input?.UpdateExpression).toMatch(/^SET updated_at = :now, #version = #version \+ :one, #s0 = :s0 REMOVE #r0$/);
    expect(input?.ExpressionAttributeNames).toMatchObject({ '#s0': 'title', '#r0': 'phone' });
    expect(input?.Key).toEqual(recordKey('ws-a', 'contact', 'u'));
  });

  it('It should report a stale version when the condition fails on a live record', async () => {
    mock.on(UpdateCommand).rejects(conditionFailed());
    mock.on(GetCommand).resolves({ Item: { uuid: 'u', version: 5 } });
    expect(await store().patch('ws-a', 'company', 'u', { set: { name: 'x' }, remove: [] }, 3)).toEqual({ ok: false, reason: 'version_mismatch', currentVersion: 5 });
  });

  it('It should report not found when the condition fails on a missing or deleted record', async () => {
    mock.on(UpdateCommand).rejects(conditionFailed());
    mock.on(GetCommand).resolvesOnce({}).resolvesOnce({ Item: { uuid: 'u', version: 6, deleted_at: 't' } });
    expect(await store().softDelete('ws-a', 'company', 'u')).toEqual({ ok: false, reason: 'not_found' });
    expect(await store().softDelete('ws-a', 'company', 'u', 6)).toEqual({ ok: false, reason: 'not_found' });
  });

  it('It should soft-delete by setting deleted_at and bumping the version, without an If-Match condition', async () => {
    mock.on(UpdateCommand).resolves({ Attributes: { uuid: 'u', version: 2, deleted_at: '2026-01-01T00:00:00.000Z' } });
    const outcome = await store().softDelete('ws-a', 'contact', 'u');
    expect(outcome.ok).toBe(true);
    const input = mock.commandCalls(UpdateCommand)[0]?.args[0].input;
    expect(input?.UpdateExpression).toBe('SET deleted_at = :now, updated_at = :now, #version = #version + :one');
    expect(input?.ConditionExpression).toBe('attribute_exists(pk) AND attribute_not_exists(deleted_at)');
  });

  it('It should rethrow a failure that is not a condition check', async () => {
    mock.on(UpdateCommand).rejects(Object.assign(new Error('boom'), { name: 'InternalServerError' }));
    await expect(store().softDelete('ws-a', 'contact', 'u')).rejects.toThrow('boom');
  });

  it('It should create a new record only where none exists, at version 1', async () => {
    mock.on(GetCommand).resolves({});
    mock.on(PutCommand).resolves({});
    const outcome = await store().create('ws-a', { entity: 'contact', uuid: 'u', fields: { first_name: 'Jane' } });
    expect(outcome).toMatchObject({ ok: true, item: { uuid: 'u', version: 1, first_name: 'Jane', workspace_id: 'ws-a', pk: 'WS#ws-a#CONTACT#u' } });
    expect(mock.commandCalls(PutCommand)[0]?.args[0].input.ConditionExpression).toBe('attribute_not_exists(pk)');
  });

  it('It should replace a soft-deleted record with a higher version, and refuse a live one', async () => {
    mock.on(GetCommand).resolvesOnce({ Item: { uuid: 'u', version: 4, deleted_at: 't', title: 'old' } }).resolvesOnce({ Item: { uuid: 'u', version: 1 } });
    mock.on(PutCommand).resolves({});
    const revived = await store().create('ws-a', { entity: 'contact', uuid: 'u', fields: { first_name: 'Jane' } });
    expect(revived.ok && revived.item).toMatchObject({ version: 5, first_name: 'Jane' });
    expect(revived.ok && revived.item).not.toHaveProperty('title');
    expect(mock.commandCalls(PutCommand)[0]?.args[0].input).toMatchObject({
      ConditionExpression: 'attribute_exists(deleted_at) AND #version = :previous',
      ExpressionAttributeValues: { ':previous': 4 },
    });
    expect(await store().create('ws-a', { entity: 'contact', uuid: 'u', fields: {} })).toEqual({ ok: false, reason: 'exists' });
    expect(mock.commandCalls(PutCommand)).toHaveLength(1);
  });

  it('It should call a create that loses a race to another writer a conflict', async () => {
    mock.on(GetCommand).resolves({});
    mock.on(PutCommand).rejects(conditionFailed());
    expect(await store().create('ws-a', { entity: 'contact', uuid: 'u', fields: {} })).toEqual({ ok: false, reason: 'exists' });
  });
});
