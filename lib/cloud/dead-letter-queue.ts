import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** SQS keeps a message at most 14 days; a DLQ keeps it as long as possible for inspection and redrive. */
const DLQ_RETENTION = Duration.days(14);

/**
 * A dead-letter queue that raises an alarm as soon as anything lands in it: a message there is
 * work that failed every retry, so one is already too many.
 */
export class AlarmedDeadLetterQueue extends Construct {
  readonly queue: Queue;
  readonly alarm: Alarm;

  constructor(scope: Construct, id: string, props: { readonly description: string }) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: DLQ_RETENTION,
    });
    this.alarm = new Alarm(this, 'NotEmpty', {
      alarmDescription: `${props.description}: messages are waiting in the dead-letter queue`,
      metric: this.queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
