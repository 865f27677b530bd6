/**
 * S3 event notifications to SQS, per `topology.bucket.notifications`: the message body is the
 * S3 event notification JSON exactly as AWS sends it (event version 2.1, URL-encoded key).
 */
import { randomBytes } from 'node:crypto';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { S3EventRecord } from 'aws-lambda';
import type { QueueName, Topology } from '../topology.ts';
import { LOCAL_REGION, localClientConfig } from './aws.ts';
import type { S3Emulator, S3ObjectEvent } from './emulators/s3.ts';
import type { CloudLog } from './log.ts';
import type { Poller } from './pollers/poller.ts';

/**
 * AWS encodes keys in notifications like a form value: spaces become `+`, slashes stay, and
 * the characters encodeURIComponent leaves alone (`!'()`) are escaped too (`*` stays).
 */
export const encodeNotificationKey = (key: string): string =>
  key
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment)
        .replace(/[!'()]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
        .replaceAll('%20', '+'),
    )
    .join('/');

const upperHex = (bytes: number): string => randomBytes(bytes).toString('hex').toUpperCase();

export const toNotificationRecord = (event: S3ObjectEvent, configurationId: string): S3EventRecord => ({
  eventVersion: '2.1',
  eventSource: 'aws:s3',
  awsRegion: LOCAL_REGION,
  eventTime: event.time.toISOString(),
  eventName: event.eventName as S3EventRecord['eventName'],
  userIdentity: { principalId: `AWS:${upperHex(10)}` },
  requestParameters: { sourceIPAddress: event.sourceIp },
  responseElements: { 'x-amz-request-id': upperHex(8), 'x-amz-id-2': randomBytes(48).toString('base64') },
  s3: {
    s3SchemaVersion: '1.0',
    configurationId,
    bucket: { name: event.bucket, ownerIdentity: { principalId: upperHex(7) }, arn: `arn:aws:s3:::${event.bucket}` },
    object: {
      key: encodeNotificationKey(event.key),
      size: event.size ?? 0,
      eTag: event.eTag ?? '',
      sequencer: event.sequencer,
    },
  },
});

export const startS3Notifications = (opts: {
  topology: Topology;
  s3: S3Emulator;
  bucket: string;
  queueUrls: Record<QueueName, { url: string }>;
  sqsEndpoint: string;
  log: CloudLog;
}): Poller => {
  const { topology, log } = opts;
  const client = new SQSClient(localClientConfig(opts.sqsEndpoint));
  const sending = new Set<Promise<unknown>>();
  let stopped = false;

  opts.s3.onObjectEvent((event) => {
    if (stopped || event.bucket !== opts.bucket) return;
    for (const [index, rule] of topology.bucket.notifications.entries()) {
      if (!event.eventName.startsWith(`${rule.event}:`) || !event.key.startsWith(rule.prefix)) continue;
      const body = JSON.stringify({ Records: [toNotificationRecord(event, `${topology.service}-${rule.queue}-${index}`)] });
      const send = client
        .send(new SendMessageCommand({ QueueUrl: opts.queueUrls[rule.queue].url, MessageBody: body }))
        .catch((error: unknown) => log.error(`could not notify queue ${rule.queue} of s3://${event.bucket}/${event.key}`, error));
      sending.add(send);
      void send.finally(() => sending.delete(send));
    }
  });
  log.info(`S3 notifications: ${topology.bucket.notifications.map((rule) => `${rule.event} ${rule.prefix}* → ${rule.queue}`).join(', ') || 'none'}`);
  return {
    stop: async () => {
      stopped = true;
      await Promise.allSettled([...sending]);
      client.destroy();
    },
  };
};
