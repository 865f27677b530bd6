import { Duration } from 'aws-cdk-lib';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Construct } from 'constructs';
import type { TableName, Topology } from '../topology.ts';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { AlarmedDeadLetterQueue } from './dead-letter-queue.ts';
import { acknowledge } from './nag.ts';
import { pascal } from './naming.ts';

/**
 * Each `topology.streams` subscription: the function reads its table's stream from the oldest
 * record (indexing must not skip a write), splits failing batches to isolate the bad record,
 * reports partial failures, and sends a batch that exhausted its retries to an alarmed DLQ.
 */
export function subscribeStreams(
  scope: Construct,
  topology: Pick<Topology, 'streams' | 'tables'>,
  tables: Readonly<Record<TableName, ITable>>,
  functionFor: (name: string) => IFunction,
): void {
  for (const subscription of topology.streams) {
    if (!topology.tables[subscription.table].stream) {
      throw new Error(`topology.streams subscribes ${subscription.fn} to table ${subscription.table}, which declares no stream`);
    }
    const deadLetters = new AlarmedDeadLetterQueue(scope, `${pascal(subscription.table)}StreamTo${pascal(subscription.fn)}Failures`, {
      description: `stream ${subscription.table} → ${subscription.fn}`,
    });
    acknowledge(deadLetters.queue, {
      'AwsSolutions-SQS3':
        'This queue is itself the on-failure destination of a DynamoDB stream mapping; it receives batch metadata, never work to retry into another DLQ.',
    });
    const fn = functionFor(subscription.fn);
    if (fn.role) {
      acknowledge(fn.role, {
        'AwsSolutions-IAM5[Resource::*]':
          'The stream event source adds dynamodb:ListStreams and active tracing adds xray:PutTraceSegments/PutTelemetryRecords; none of them supports resource-level scoping.',
      });
    }
    fn.addEventSource(
      new DynamoEventSource(tables[subscription.table], {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: subscription.batchSize,
        maxBatchingWindow: Duration.seconds(subscription.maxBatchingWindowSeconds),
        retryAttempts: subscription.retryAttempts,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(deadLetters.queue),
      }),
    );
  }
}
