import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Construct } from 'constructs';
import type { BucketSpec } from '../topology.ts';
import type { Queues } from './queues.ts';

const EVENT_TYPES = { ObjectCreated: EventType.OBJECT_CREATED } as const satisfies Record<
  BucketSpec['notifications'][number]['event'],
  EventType
>;

/** Server access logs are an audit trail; a year covers an incident review without keeping them forever. */
const ACCESS_LOG_RETENTION = Duration.days(365);
/** Browsers that abandon a multipart upload leave parts that are billed until aborted. */
const ABANDONED_MULTIPART_UPLOAD = Duration.days(7);
/** Versioning guards against an overwrite; older versions are only a safety net. */
const NONCURRENT_VERSION_RETENTION = Duration.days(30);

export interface UploadsBucketProps {
  readonly spec: BucketSpec;
  readonly corsOrigins: readonly string[];
  readonly queues: Queues;
}

/** The uploads bucket (presigned browser uploads) and the bucket that holds its access logs. */
export class UploadsBucket extends Construct {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: UploadsBucketProps) {
    super(scope, id);
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // S3 server access logging can only deliver to a bucket encrypted with S3-managed keys.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: ACCESS_LOG_RETENTION }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const { cors } = props.spec;
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'uploads/',
      cors: [
        {
          allowedOrigins: [...props.corsOrigins],
          allowedMethods: cors.allowedMethods.map((method) => HttpMethods[method]),
          allowedHeaders: [...cors.allowedHeaders],
          exposedHeaders: [...cors.exposedHeaders],
          maxAge: cors.maxAgeSeconds,
        },
      ],
      lifecycleRules: [
        {
          abortIncompleteMultipartUploadAfter: ABANDONED_MULTIPART_UPLOAD,
          noncurrentVersionExpiration: NONCURRENT_VERSION_RETENTION,
        },
      ],
      // Uploaded files are customer data and the source of import jobs.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const notification of props.spec.notifications) {
      this.bucket.addEventNotification(
        EVENT_TYPES[notification.event],
        new SqsDestination(props.queues[notification.queue]),
        { prefix: notification.prefix },
      );
    }
  }
}
