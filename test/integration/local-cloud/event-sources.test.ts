import { BatchWriteItemCommand, DeleteItemCommand, DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { CompleteMultipartUploadCommand, CreateMultipartUploadCommand, PutObjectCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { DynamoDBRecord, DynamoDBStreamEvent, S3Event, ScheduledEvent, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../../lib/local/cloud.ts';
import { envNames, topology } from '../../../lib/topology.ts';
import { recorded } from '../../fixtures/local-cloud/recorder.ts';
import { CREDENTIALS, REGION, eventually, startFixtureCloud } from './helpers.ts';

const ORIGIN = 'http://localhost:5173';

const streamRecords = (pk: string): DynamoDBRecord[] =>
  recorded<DynamoDBStreamEvent>('stream-batch').flatMap((batch) => batch.Records.filter((record) => record.dynamodb?.Keys?.pk?.S === pk));

const sqsDeliveries = (marker: string): SQSRecord[] =>
  recorded<SQSEvent>('sqs-batch').flatMap((batch) => batch.Records.filter((record) => record.body.includes(marker)));

describe('local cloud resources and event sources', () => {
  let cloud: LocalCloud;
  let dynamodb: DynamoDBClient;
  let sqs: SQSClient;
  let s3: S3Client;

  beforeAll(async () => {
    cloud = await startFixtureCloud('lsev');
    dynamodb = new DynamoDBClient({ endpoint: cloud.endpoints.dynamodb, region: REGION, credentials: CREDENTIALS });
    sqs = new SQSClient({ endpoint: cloud.endpoints.sqs, region: REGION, credentials: CREDENTIALS });
    s3 = new S3Client({ endpoint: cloud.endpoints.s3, region: REGION, credentials: CREDENTIALS, forcePathStyle: true });
  });
  afterAll(async () => {
    for (const client of [dynamodb, sqs, s3]) client?.destroy();
    await cloud?.stop();
  });

  it('It should create the tables, queues and bucket of the topology and give handlers their names', async () => {
    // Act
    const control = await dynamodb.send(new DescribeTableCommand({ TableName: cloud.resources.tables.control }));
    const ttl = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: cloud.resources.tables.control }));
    const records = await dynamodb.send(new DescribeTableCommand({ TableName: cloud.resources.tables.records }));
    const queue = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: cloud.resources.queues.uploadEvents.url, AttributeNames: ['All'] }));

    // Assess
    expect(control.Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['byEmail']);
    expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expires_at' });
    expect(records.Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(queue.Attributes?.VisibilityTimeout).toBe('1');
    expect(JSON.parse(queue.Attributes?.RedrivePolicy ?? '{}')).toEqual({
      deadLetterTargetArn: 'arn:aws:sqs:us-east-1:000000000000:lsev-uploadEvents-dlq',
      maxReceiveCount: 2,
    });
    expect(cloud.env).toMatchObject({
      [envNames.table('records')]: 'lsev-records',
      [envNames.table('control')]: 'lsev-control',
      [envNames.queueUrl('uploadEvents')]: cloud.resources.queues.uploadEvents.url,
      [envNames.bucket]: 'lsev-uploads',
      [envNames.searchEndpoint]: cloud.endpoints.search,
      [envNames.wsManagementEndpoint]: cloud.endpoints.wsManagement,
      AWS_ENDPOINT_URL_DYNAMODB: cloud.endpoints.dynamodb,
      AWS_ENDPOINT_URL_DYNAMODB_STREAMS: cloud.endpoints.dynamodb,
      AWS_ENDPOINT_URL_SQS: cloud.endpoints.sqs,
      AWS_ENDPOINT_URL_S3: cloud.endpoints.s3,
      AWS_REGION: 'us-east-1',
    });
    expect(process.env[envNames.bucket]).toBe('lsev-uploads');
  });

  it('It should create the search indexes through the setup function with a CloudFormation Create event', async () => {
    // Act
    const [event] = recorded<{ RequestType: string; ResourceProperties: { IndexesJson: string } }>('search-setup');
    const engine = await fetch(`${cloud.endpoints.search}/_cluster/health`);

    // Assess
    expect(event?.RequestType).toBe('Create');
    expect(JSON.parse(event?.ResourceProperties.IndexesJson ?? '[]')).toEqual(JSON.parse(JSON.stringify(Object.values(topology.searchIndexes))));
    expect(engine.status).toBe(200);
  });

  it('It should deliver INSERT, MODIFY and REMOVE stream records shaped like Lambda events', async () => {
    // Prepare
    const TableName = cloud.resources.tables.records;
    const Key = { pk: { S: 'shape' }, sk: { S: 'RECORD' } };

    // Act
    await dynamodb.send(new PutItemCommand({ TableName, Item: { ...Key, blob: { B: new Uint8Array([1, 2, 3]) }, n: { N: '1' } } }));
    await dynamodb.send(new UpdateItemCommand({ TableName, Key, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': { N: '2' } } }));
    await dynamodb.send(new DeleteItemCommand({ TableName, Key }));
    const delivered = await eventually(() => (streamRecords('shape').length >= 3 ? streamRecords('shape') : undefined), 'three stream records');

    // Assess
    expect(delivered.map((record) => record.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    const [insert, modify, remove] = delivered;
    expect(insert).toMatchObject({
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      dynamodb: { Keys: Key, NewImage: { ...Key, blob: { B: 'AQID' }, n: { N: '1' } }, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    expect(insert?.eventSourceARN).toMatch(/^arn:aws:dynamodb:us-east-1:\d{12}:table\/lsev-records\/stream\//);
    expect(typeof insert?.dynamodb?.ApproximateCreationDateTime).toBe('number');
    expect(typeof insert?.dynamodb?.SizeBytes).toBe('number');
    expect(modify?.dynamodb).toMatchObject({ OldImage: { n: { N: '1' } }, NewImage: { n: { N: '2' } } });
    expect(remove?.dynamodb?.OldImage?.n).toEqual({ N: '2' });
    expect(remove?.dynamodb?.NewImage).toBeUndefined();
  });

  it('It should retry a stream batch from the first record reported in batchItemFailures', async () => {
    // Prepare
    const item = (pk: string, failTimes = 0) => ({ PutRequest: { Item: { pk: { S: pk }, sk: { S: 'RECORD' }, failTimes: { N: String(failTimes) } } } });

    // Act
    await dynamodb.send(new BatchWriteItemCommand({ RequestItems: { [cloud.resources.tables.records]: [item('retry-1'), item('retry-2', 1), item('retry-3')] } }));
    await eventually(() => streamRecords('retry-2').length >= 2 && streamRecords('retry-3').length >= 1, 'the retried record');

    // Assess
    expect(streamRecords('retry-1')).toHaveLength(1);
    expect(streamRecords('retry-2')).toHaveLength(2);
    const retried = recorded<DynamoDBStreamEvent>('stream-batch').filter((batch) => batch.Records.some((r) => r.dynamodb?.Keys?.pk?.S === 'retry-2'));
    expect(retried[1]?.Records[0]?.dynamodb?.Keys?.pk?.S).toBe('retry-2');
  });

  it('It should give up on a stream batch after retryAttempts retries and carry on', async () => {
    // Act
    await dynamodb.send(new PutItemCommand({ TableName: cloud.resources.tables.records, Item: { pk: { S: 'poison' }, sk: { S: 'RECORD' }, failTimes: { N: '99' } } }));
    await eventually(() => streamRecords('poison').length >= 3, 'the poison record to be tried three times');
    await dynamodb.send(new PutItemCommand({ TableName: cloud.resources.tables.records, Item: { pk: { S: 'after-poison' }, sk: { S: 'RECORD' } } }));
    await eventually(() => streamRecords('after-poison').length >= 1, 'the next record');

    // Assess: one delivery plus retryAttempts (2) retries, then the stream moves on.
    expect(streamRecords('poison')).toHaveLength(3);
  });

  it('It should delete handled SQS messages and redrive a failing one to the DLQ after maxReceiveCount', async () => {
    // Prepare
    const QueueUrl = cloud.resources.queues.uploadEvents.url;

    // Act
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify({ marker: 'ok-1' }), MessageAttributes: { kind: { DataType: 'String', StringValue: 'fixture' } } }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify({ marker: 'bad-1', fail: true }) }));
    const dead = await eventually(async () => {
      const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: cloud.resources.queues.uploadEvents.dlqUrl, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 }));
      return Messages.find((message) => message.Body?.includes('bad-1'));
    }, 'the failing message in the DLQ');
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    // Assess
    expect(dead).toBeDefined();
    expect(sqsDeliveries('ok-1')).toHaveLength(1);
    expect(sqsDeliveries('bad-1').map((record) => record.attributes.ApproximateReceiveCount)).toEqual(['1', '2']);
    const [ok] = sqsDeliveries('ok-1');
    expect(ok).toMatchObject({
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:lsev-uploadEvents',
      awsRegion: 'us-east-1',
      messageAttributes: { kind: { stringValue: 'fixture', dataType: 'String', stringListValues: [], binaryListValues: [] } },
    });
    expect(ok?.md5OfBody).toMatch(/^[0-9a-f]{32}$/);
  });

  it('It should accept a presigned browser PUT with CORS and notify the queue with an S3 event', async () => {
    // Prepare
    const Key = 'workspaces/w1/my file (1).csv';
    const signed = await getSignedUrl(s3, new PutObjectCommand({ Bucket: cloud.resources.bucket, Key, ContentType: 'text/csv' }), { expiresIn: 300 });

    // Act
    const preflight = await fetch(signed, {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type' },
    });
    const upload = await fetch(signed, { method: 'PUT', headers: { Origin: ORIGIN, 'content-type': 'text/csv' }, body: 'a,b\n1,2\n' });
    const tampered = await fetch(signed.replace(/X-Amz-Signature=[0-9a-f]+/, `X-Amz-Signature=${'0'.repeat(64)}`), { method: 'PUT', body: 'x' });
    await s3.send(new PutObjectCommand({ Bucket: cloud.resources.bucket, Key: 'elsewhere/ignored.csv', Body: 'x' }));
    const event = await eventually(() => recorded<SQSEvent>('sqs-batch').flatMap((b) => b.Records).find((r) => r.body.includes('aws:s3')), 'the S3 notification');

    // Assess
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(upload.status).toBe(200);
    expect(upload.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(upload.headers.get('access-control-expose-headers')).toContain('ETag');
    expect(tampered.status).toBe(403);
    const notification = JSON.parse(event.body) as S3Event;
    expect(notification.Records).toHaveLength(1);
    expect(notification.Records[0]).toMatchObject({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventName: 'ObjectCreated:Put',
      s3: {
        s3SchemaVersion: '1.0',
        bucket: { name: 'lsev-uploads', arn: 'arn:aws:s3:::lsev-uploads' },
        object: { key: 'workspaces/w1/my+file+%281%29.csv', size: 8, eTag: upload.headers.get('etag')?.replaceAll('"', '') },
      },
    });
    expect(recorded<SQSEvent>('sqs-batch').flatMap((b) => b.Records).some((r) => r.body.includes('ignored.csv'))).toBe(false);
  });

  it('It should name a completed multipart upload ObjectCreated:CompleteMultipartUpload in its notification', async () => {
    // Prepare
    const target = { Bucket: cloud.resources.bucket, Key: 'workspaces/w1/multipart.csv' };
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand(target));

    // Act
    const { ETag } = await s3.send(new UploadPartCommand({ ...target, UploadId, PartNumber: 1, Body: 'only,part\n' }));
    await s3.send(new CompleteMultipartUploadCommand({ ...target, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag }] } }));
    const event = await eventually(() => recorded<SQSEvent>('sqs-batch').flatMap((b) => b.Records).find((r) => r.body.includes('multipart.csv')), 'the notification');

    // Assess
    const [notification] = (JSON.parse(event.body) as S3Event).Records;
    expect(notification?.eventName).toBe('ObjectCreated:CompleteMultipartUpload');
    expect(notification?.s3.object).toMatchObject({ key: 'workspaces/w1/multipart.csv', size: 10 });
  });

  it('It should invoke scheduled functions with an EventBridge scheduled event', async () => {
    // Act
    const ticks = await eventually(() => (recorded<ScheduledEvent>('schedule').length >= 2 ? recorded<ScheduledEvent>('schedule') : undefined), 'two ticks');

    // Assess
    expect(ticks[0]).toMatchObject({ version: '0', 'detail-type': 'Scheduled Event', source: 'aws.events', account: '000000000000', region: 'us-east-1', detail: {} });
    expect(ticks[0]?.resources[0]).toMatch(/^arn:aws:events:us-east-1:000000000000:rule\/lsev-scheduled-schedule-0$/);
  });
});
