/** SQS queues from the topology, each with its dead-letter queue and redrive policy. */
import { CreateQueueCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { QueueSpec } from '../../topology.ts';
import { LOCAL_ACCOUNT_ID, sqsQueueArn } from '../aws.ts';

/** AWS's longest retention: a dead letter should stay long enough for someone to look at it. */
const DLQ_RETENTION_SECONDS = 14 * 24 * 60 * 60;

export interface QueueNames {
  name: string;
  dlqName: string;
}

/**
 * The URL is built from the endpoint rather than taken from CreateQueue: a queue persisted by
 * an earlier run on another port would report that old port.
 */
export const queueUrl = (endpoint: string, name: string): string => `${endpoint}/${LOCAL_ACCOUNT_ID}/${name}`;

/**
 * CreateQueue without attributes is idempotent; attributes are then set separately so a
 * persisted queue follows a changed topology instead of failing with QueueNameExists.
 */
const ensureQueue = async (client: SQSClient, endpoint: string, name: string, attributes: Record<string, string>): Promise<string> => {
  await client.send(new CreateQueueCommand({ QueueName: name }));
  const url = queueUrl(endpoint, name);
  await client.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: attributes }));
  return url;
};

export const ensureQueueWithDlq = async (
  client: SQSClient,
  endpoint: string,
  names: QueueNames,
  spec: QueueSpec,
): Promise<{ url: string; dlqUrl: string }> => {
  const dlqUrl = await ensureQueue(client, endpoint, names.dlqName, { MessageRetentionPeriod: String(DLQ_RETENTION_SECONDS) });
  const url = await ensureQueue(client, endpoint, names.name, {
    VisibilityTimeout: String(spec.visibilityTimeoutSeconds),
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: sqsQueueArn(names.dlqName), maxReceiveCount: spec.maxReceiveCount }),
  });
  return { url, dlqUrl };
};
