import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { QueueName, QueueSpec, Topology } from '../topology.ts';
import { AlarmedDeadLetterQueue } from './dead-letter-queue.ts';
import { entriesOf, pascal } from './naming.ts';

export type Queues = Readonly<Record<QueueName, Queue>>;

/** A work queue with its own alarmed DLQ; redrive after `maxReceiveCount` receives. */
export class WorkQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetters: AlarmedDeadLetterQueue;

  constructor(scope: Construct, id: string, props: { readonly name: QueueName; readonly spec: QueueSpec }) {
    super(scope, id);
    this.deadLetters = new AlarmedDeadLetterQueue(this, 'DeadLetters', { description: `queue ${props.name}` });
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(props.spec.visibilityTimeoutSeconds),
      deadLetterQueue: { queue: this.deadLetters.queue, maxReceiveCount: props.spec.maxReceiveCount },
    });
  }
}

/** One work queue per `topology.queues` entry. Consumers are attached once the functions exist. */
export function createQueues(scope: Construct, specs: Topology['queues']): Queues {
  const queues: Partial<Record<QueueName, Queue>> = {};
  for (const [name, spec] of entriesOf(specs)) {
    queues[name] = new WorkQueue(scope, `${pascal(name)}Queue`, { name, spec }).queue;
  }
  return queues as Queues;
}

/**
 * Each queue's consumer, with partial batch responses so one bad message is retried alone
 * instead of failing (and eventually dead-lettering) the whole batch.
 */
export function subscribeQueueConsumers(
  specs: Readonly<Partial<Record<QueueName, QueueSpec>>>,
  queues: Readonly<Record<QueueName, IQueue>>,
  functionFor: (name: string) => IFunction,
): void {
  for (const [name, spec] of entriesOf(specs)) {
    functionFor(spec.consumer).addEventSource(
      new SqsEventSource(queues[name], {
        batchSize: spec.batchSize,
        maxBatchingWindow: Duration.seconds(spec.maxBatchingWindowSeconds),
        reportBatchItemFailures: true,
      }),
    );
  }
}
