import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoJobStore } from '../../adapters/dynamodb/jobs.dynamodb.ts';
import { SqsJobQueue } from '../../adapters/sqs/job-queue.sqs.ts';
import { config } from '../config.ts';
import { tracer } from '../tracer.ts';
import { documentClient } from './dynamodb.services.ts';
import { once } from './once.ts';

export const jobStore = /* @__PURE__ */ once(() => new DynamoJobStore(documentClient(), config().CONTROL_TABLE_NAME));

export const jobQueue = /* @__PURE__ */ once(() => {
  const url = config().JOBS_QUEUE_URL;
  if (!url) throw new Error('JOBS_QUEUE_URL is not set');
  return new SqsJobQueue(tracer.captureAWSv3Client(new SQSClient({ region: config().AWS_REGION })), url);
});
