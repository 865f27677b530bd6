import { SQSClient } from '@aws-sdk/client-sqs';
import { PushJobEvents } from '../../adapters/apigw/job-events.apigw.ts';
import { DynamoJobStore } from '../../adapters/dynamodb/jobs.dynamodb.ts';
import { DynamoJobSubscriptions } from '../../adapters/dynamodb/subscriptions.dynamodb.ts';
import { DynamoWsTicketStore } from '../../adapters/dynamodb/tickets.dynamodb.ts';
import { SqsJobQueue } from '../../adapters/sqs/job-queue.sqs.ts';
import { config } from '../config.ts';
import { logger } from '../logger.ts';
import { tracer } from '../tracer.ts';
import { documentClient } from './dynamodb.services.ts';
import { once } from './once.ts';
import { push } from './push.services.ts';

export const jobStore = /* @__PURE__ */ once(() => new DynamoJobStore(documentClient(), config().CONTROL_TABLE_NAME));
export const jobSubscriptions = /* @__PURE__ */ once(() => new DynamoJobSubscriptions(documentClient(), config().CONTROL_TABLE_NAME));
export const wsTicketStore = /* @__PURE__ */ once(() => new DynamoWsTicketStore(documentClient(), config().CONTROL_TABLE_NAME));

export const jobQueue = /* @__PURE__ */ once(() => {
  const url = config().JOBS_QUEUE_URL;
  if (!url) throw new Error('JOBS_QUEUE_URL is not set');
  return new SqsJobQueue(tracer.captureAWSv3Client(new SQSClient({ region: config().AWS_REGION })), url);
});

/** One per Lambda instance, so its progress throttle sees every event the instance publishes. */
export const jobEvents = /* @__PURE__ */ once(() => new PushJobEvents(jobSubscriptions(), push(), logger));
