import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoJobStore, jobKey } from '../../../../functions/adapters/dynamodb/jobs.dynamodb.ts';
import type { JobItem } from '../../../../functions/adapters/dynamodb/job-item.ts';
import { encodeJobCursor } from '../../../../functions/domain/jobs/job-cursor.ts';

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const mock = mockClient(documents);
const NOW = new Date('2026-01-01T00:00:00.000Z');
const store = new DynamoJobStore(documents, 'control', () => NOW);
const ID = '01890a5d-ac96-774b-bcce-b302099a8057';

const item = (id: string, status = 'processing', extra: Partial<JobItem> = {}): JobItem => ({
  ...jobKey('ws-a', id),
  entity: 'job',
  id,
  workspace_id: 'ws-a',
  job_type: 'insert_csv_file',
  status: status as JobItem['status'],
  data: { s3_key: 'k' },
  retry_count: 3,
  attempts: 0,
  progress: 0.25,
  counters: { rows_read: 10, rows_written: 9, rows_failed: 1 },
  created_at: NOW.toISOString(),
  updated_at: NOW.toISOString(),
  version: 4,
  ...extra,
});

const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

describe('DynamoJobStore', () => {
  beforeEach(() => mock.reset());

  it('It should create a job open, at version 1, under its workspace, never overwriting one', async () => {
    // Prepare
    mock.on(PutCommand).resolves({});
    // Act
    const job = await store.create({ id: ID, workspaceId: 'ws-a', type: 'insert_csv_file', data: { s3_key: 'k' }, retryCount: 2 });
    // Assess
    const input = mock.commandCalls(PutCommand)[0]?.args[0].input;
    expect(input?.Item).toMatchObject({ pk: 'WS#ws-a', sk: `JOB#${ID}`, status: 'open', version: 1, retry_count: 2 });
    expect(input?.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(job).toMatchObject({ status: 'open', counters: { rowsRead: 0, rowsWritten: 0, rowsFailed: 0 } });
  });

  it('It should change a status only if it is one of `from` (and at the expected version), bumping the version', async () => {
    // Prepare
    mock.on(UpdateCommand).resolves({ Attributes: item(ID, 'stopped', { version: 5 }) });
    // Act
    const job = await store.transition('ws-a', ID, ['in_queue', 'processing'], 'stopped', { finishedAt: NOW.toISOString() }, 4);
    // Assess
    const input = mock.commandCalls(UpdateCommand)[0]?.args[0].input;
    expect(input?.Key).toEqual({ pk: 'WS#ws-a', sk: `JOB#${ID}` });
    expect(input?.ConditionExpression).toBe('#status IN (:from0, :from1) AND #version = :expectedVersion');
    expect(input?.ExpressionAttributeValues).toMatchObject({ ':from0': 'in_queue', ':from1': 'processing', ':expectedVersion': 4 });
    expect(input?.UpdateExpression).toContain('#version = #version + :one');
    expect(job).toMatchObject({ status: 'stopped', version: 5, counters: { rowsRead: 10, rowsWritten: 9, rowsFailed: 1 } });
  });

  it('It should resolve undefined when another writer got there first', async () => {
    // Prepare
    mock.on(UpdateCommand).rejects(conditionFailed());
    // Act
    const job = await store.transition('ws-a', ID, ['in_queue'], 'processing');
    // Assess
    expect(job).toBeUndefined();
  });

  it('It should pass on any other DynamoDB error', async () => {
    mock.on(UpdateCommand).rejects(Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' }));
    await expect(store.transition('ws-a', ID, ['in_queue'], 'processing')).rejects.toThrow('slow down');
  });

  it('It should refuse a transition the table does not allow before writing anything', async () => {
    await expect(store.transition('ws-a', ID, ['completed'], 'processing')).rejects.toThrow(/Illegal job transition/);
    expect(mock.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('It should take over only an expired lease, and settle only under its own lease, releasing it', async () => {
    // Prepare
    mock.on(UpdateCommand).resolves({ Attributes: item(ID) });
    // Act
    await store.move('ws-a', ID, { from: ['processing'], to: 'processing', leaseExpiredBy: NOW.toISOString(), lease: { owner: 'run-2', until: '2026-01-01T00:15:05.000Z' } });
    await store.move('ws-a', ID, { from: ['processing', 'retrying'], to: 'failed', leaseOwner: 'run-2', lease: null, deadLetterMessageId: 'm-1', clear: ['result'] });
    // Assess
    const [takeover, settle] = mock.commandCalls(UpdateCommand).map((call) => call.args[0].input);
    expect(takeover?.ConditionExpression).toContain('(attribute_not_exists(lease_until) OR lease_until < :expiredBy)');
    expect(Object.values(takeover?.ExpressionAttributeValues ?? {})).toEqual(expect.arrayContaining(['run-2', '2026-01-01T00:15:05.000Z']));
    expect(settle?.ConditionExpression).toContain('lease_owner = :leaseOwner');
    expect(settle?.UpdateExpression).toMatch(/REMOVE #r0, #r1, #r2$/);
    expect(Object.values(settle?.ExpressionAttributeNames ?? {})).toEqual(expect.arrayContaining(['result', 'lease_owner', 'lease_until', 'dead_letter_message_id']));
  });

  it('It should record progress only while the job is in the given statuses and, when named, under the lease', async () => {
    // Prepare
    mock.on(UpdateCommand).rejects(conditionFailed());
    // Act
    const reported = await store.report('ws-a', ID, { progress: 0.5, checkpoint: { row: 100 } }, ['processing', 'retrying'], 'run-1');
    // Assess
    const input = mock.commandCalls(UpdateCommand)[0]?.args[0].input;
    expect(reported).toBeUndefined();
    expect(input?.ConditionExpression).toBe('#status IN (:in0, :in1) AND lease_owner = :leaseOwner');
    expect(Object.values(input?.ExpressionAttributeValues ?? {})).toEqual(expect.arrayContaining([0.5, { row: 100 }]));
  });

  it('It should list newest first, read past filtered-out jobs, and hand back a cursor at the last job returned', async () => {
    // Prepare
    const ids = ['01890a5d-ac96-774b-bcce-b30209900003', '01890a5d-ac96-774b-bcce-b30209900002', '01890a5d-ac96-774b-bcce-b30209900001'];
    mock
      .on(QueryCommand)
      .resolvesOnce({ Items: [item(ids[0] ?? '', 'failed')], ScannedCount: 100, LastEvaluatedKey: jobKey('ws-a', 'x') })
      .resolvesOnce({ Items: [item(ids[1] ?? '', 'failed'), item(ids[2] ?? '', 'failed')], ScannedCount: 100, LastEvaluatedKey: jobKey('ws-a', 'y') });
    // Act
    const page = await store.list('ws-a', { limit: 2, statuses: ['failed'], types: ['insert_csv_file'] });
    // Assess
    const [first, second] = mock.commandCalls(QueryCommand).map((call) => call.args[0].input);
    expect(first).toMatchObject({ ScanIndexForward: false, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)' });
    expect(first?.FilterExpression).toBe('#type IN (:type0) AND #status IN (:status0)');
    expect(second?.ExclusiveStartKey).toEqual(jobKey('ws-a', 'x'));
    expect(page.items.map((job) => job.id)).toEqual(ids.slice(0, 2));
    expect(page.nextCursor).toBe(encodeJobCursor('ws-a', `JOB#${ids[1]}`));
  });

  it('It should answer the last page without a cursor and start a page after the cursor\'s position in the caller\'s own partition', async () => {
    // Prepare
    mock.on(QueryCommand).resolves({ Items: [item(ID)], ScannedCount: 1 });
    // Act
    const page = await store.list('ws-a', { limit: 10, cursor: encodeJobCursor('ws-a', `JOB#${ID}`) });
    // Assess
    expect(page.nextCursor).toBeUndefined();
    expect(mock.commandCalls(QueryCommand)[0]?.args[0].input.ExclusiveStartKey).toEqual({ pk: 'WS#ws-a', sk: `JOB#${ID}` });
    expect(mock.commandCalls(QueryCommand)[0]?.args[0].input.ExpressionAttributeNames).toBeUndefined();
  });

  it('It should refuse a cursor from another workspace without querying', async () => {
    await expect(store.list('ws-b', { limit: 10, cursor: encodeJobCursor('ws-a', `JOB#${ID}`) })).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
    expect(mock.commandCalls(QueryCommand)).toHaveLength(0);
  });
});
