/**
 * Lambda's partial batch response (`ReportBatchItemFailures`), read the way Lambda reads it
 * for SQS and stream event sources.
 */
import type { InvokeOutcome } from '../invoke.ts';

export type BatchVerdict =
  | { kind: 'success' }
  | { kind: 'partial'; failedIds: string[] }
  | { kind: 'failure'; reason: string };

/**
 * Complete success: no `batchItemFailures`, null, or an empty list. Complete failure: an
 * error, a timeout, or any item identifier that is empty or not in the batch.
 */
export const readBatchResponse = (outcome: InvokeOutcome, batchIds: ReadonlySet<string>): BatchVerdict => {
  if (outcome.status === 'error') return { kind: 'failure', reason: 'the handler threw' };
  if (outcome.status === 'timeout') return { kind: 'failure', reason: `the handler timed out after ${outcome.timeoutMs} ms` };
  const result = outcome.result as { batchItemFailures?: unknown } | null | undefined;
  const failures = typeof result === 'object' && result !== null ? result.batchItemFailures : undefined;
  if (failures === undefined || failures === null) return { kind: 'success' };
  if (!Array.isArray(failures)) return { kind: 'failure', reason: 'batchItemFailures is not a list' };
  if (failures.length === 0) return { kind: 'success' };
  const failedIds: string[] = [];
  for (const failure of failures as unknown[]) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || !batchIds.has(id)) {
      return { kind: 'failure', reason: `batchItemFailures names ${JSON.stringify(id)}, which is not in the batch` };
    }
    failedIds.push(id);
  }
  return { kind: 'partial', failedIds };
};
