import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { indexOperationFor } from '../domain/records/search-document.ts';
import { logger, withInvocationLog } from '../platform/logger.ts';
import { publishCounts } from '../platform/metrics.ts';
import { recordSearch } from '../platform/services/search.services.ts';
import type { IndexOperation } from '../ports/search.port.ts';

type Image = Record<string, AttributeValue> | undefined;
const toItem = (image: unknown) => (image ? unmarshall(image as Record<string, AttributeValue>) : undefined);

/**
 * DynamoDB stream → one `_bulk` per batch. Failed documents are reported by sequence number, so
 * Lambda retries from the first of them; already-applied versions answer 409 and count as done.
 */
export const handler = withInvocationLog(async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const ops: IndexOperation[] = [];
  const sequenceOfOp: string[] = [];
  for (const record of event.Records) {
    const op = indexOperationFor(record.eventName ?? '', toItem(record.dynamodb?.NewImage as Image), toItem(record.dynamodb?.OldImage as Image));
    if (!op) continue;
    ops.push(op);
    sequenceOfOp.push(record.dynamodb?.SequenceNumber ?? '');
  }
  let failed: number[];
  try {
    failed = await recordSearch().apply(ops);
  } catch (error) {
    logger.error('Bulk indexing failed', error as Error);
    failed = ops.map((_, i) => i);
  }
  if (failed.length > 0) logger.warn('Documents not indexed', { failed: failed.length, of: ops.length });
  publishCounts({ DocumentsIndexed: ops.length - failed.length, IndexFailures: failed.length });
  return { batchItemFailures: failed.map((i) => ({ itemIdentifier: sequenceOfOp[i] ?? '' })) };
});
