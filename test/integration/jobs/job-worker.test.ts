import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoJobStore } from '../../../functions/adapters/dynamodb/jobs.dynamodb.ts';
import { jobMessageBody } from '../../../functions/domain/jobs/job-message.ts';
import { LOCAL_CREDENTIALS } from '../../../lib/local/aws.ts';
import { REGION, eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

let t: TestCloud;
let jobs: DynamoJobStore;
let sqs: SQSClient;
let s3: S3Client;

beforeAll(async () => {
  t = await startTestCloud();
  jobs = new DynamoJobStore(t.documents, t.cloud.resources.tables.control);
  sqs = new SQSClient({ endpoint: t.cloud.endpoints.sqs, region: REGION, credentials: LOCAL_CREDENTIALS });
  s3 = new S3Client({ endpoint: t.cloud.endpoints.s3, region: REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
});

afterAll(async () => {
  sqs?.destroy();
  s3?.destroy();
  await t?.stop();
});

/** A job left `processing` by a run that died (its lease ended a minute ago), as after an OOM or a kill. */
async function crashedJob(data: Record<string, unknown>, attempts: number, retryCount: number) {
  const job = await jobs.create({ id: uuidv7(), workspaceId: 'dev', type: 'insert_csv_file', data, retryCount });
  await jobs.move('dev', job.id, { from: ['open'], to: 'in_queue' });
  await jobs.move('dev', job.id, {
    from: ['in_queue'],
    to: 'processing',
    lease: { owner: 'dead-run', until: new Date(Date.now() - 60_000).toISOString() },
    patch: { attempts },
  });
  return job;
}

const deadLetters = async (): Promise<number> => {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: t.cloud.resources.queues.jobs.dlqUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages ?? 0);
};

describe('the job worker through the local cloud', () => {
  it('It should take over a job whose run crashed, counting the attempt, and finish it', async () => {
    // Prepare
    const key = `workspaces/dev/uploads/${uuidv7()}/few.csv`;
    await s3.send(new PutObjectCommand({ Bucket: t.cloud.resources.bucket, Key: key, Body: 'first_name,last_name,email\nAda,Lovelace,ada@example.com\nAlan,Turing,alan@example.com\n' }));
    const job = await crashedJob({ s3_key: key }, 0, 3);
    // Act: the crashed run's message comes back
    await sqs.send(new SendMessageCommand({ QueueUrl: t.cloud.resources.queues.jobs.url, MessageBody: jobMessageBody('dev', job.id) }));
    // Assess
    const done = await eventually(async () => {
      const current = await jobs.get('dev', job.id);
      return current?.status === 'completed' ? current : undefined;
    }, 'the job to complete', 30_000);
    // Two attempts: the run that crashed and the one that finished.
    expect(done).toMatchObject({ attempts: 2, progress: 1, currentStep: 'completed', counters: { rowsRead: 2 } });
    expect(done.leaseOwner).toBeUndefined();
  });

  it('It should fail a job for good when its last attempt is used up, and send its message to the dead-letter queue', async () => {
    // Prepare
    const before = await deadLetters();
    const job = await crashedJob({ s3_key: 'workspaces/dev/uploads/x/never-read.csv' }, 1, 2);
    // Act
    await sqs.send(new SendMessageCommand({ QueueUrl: t.cloud.resources.queues.jobs.url, MessageBody: jobMessageBody('dev', job.id) }));
    // Assess
    const failed = await eventually(async () => {
      const current = await jobs.get('dev', job.id);
      return current?.status === 'failed' ? current : undefined;
    }, 'the job to fail', 30_000);
    expect(failed).toMatchObject({ attempts: 2, error: { code: 'ERR_INTERNAL' } });
    expect(failed.deadLetterMessageId).toEqual(expect.any(String));
    await eventually(async () => ((await deadLetters()) === before + 1 ? true : undefined), 'the message in the DLQ', 60_000);
    const viaApi = await t.api(`/v1/jobs/${job.id}`);
    expect(viaApi.body.job).toMatchObject({ status: 'failed', error: { code: 'ERR_INTERNAL' } });
  });
});
