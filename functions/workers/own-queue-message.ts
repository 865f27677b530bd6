import type { SQSRecord } from 'aws-lambda';
import type { z } from 'zod';
import { logger } from '../platform/logger.ts';

/**
 * The body of a message this service wrote to one of its own queues, or undefined (logged) when
 * it is not JSON of that shape: nobody else writes there, so a malformed message is dropped,
 * never turned into work or retried.
 */
export function ownQueueMessage<S extends z.ZodType>(record: SQSRecord, schema: S, queue: string): z.output<S> | undefined {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch {
    body = undefined;
  }
  const message = schema.safeParse(body);
  if (message.success) return message.data;
  logger.error(`Dropped a malformed ${queue} message`, { messageId: record.messageId });
  return undefined;
}
