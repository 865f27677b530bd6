import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/**
 * Which items of a cancelled TransactWriteItems failed their condition, by position, or
 * undefined when the error is not a cancellation (then the caller rethrows it).
 */
export function failedConditions(error: unknown): boolean[] | undefined {
  if (!(error instanceof TransactionCanceledException) && (error as { name?: string } | null)?.name !== 'TransactionCanceledException') return undefined;
  const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
  return reasons.map((reason) => reason.Code === 'ConditionalCheckFailed');
}

/** The one test for a failed ConditionExpression on a single-item write (put, update, delete). */
export const isConditionFailure = (error: unknown): boolean => (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException';

export const epochSeconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);
