import type { Mailer } from '../../ports/email.port.ts';
import type { CreditAlertLatch } from '../../ports/lookups.port.ts';

export interface CreditAlertDeps {
  readonly latch: CreditAlertLatch;
  readonly mailer: Mailer;
  /** The workspace's admins' addresses. */
  readonly admins: (workspaceId: string) => Promise<readonly string[]>;
  /** Pushes an event to the workspace's open WebSocket connections. */
  readonly notify: (workspaceId: string, event: Record<string, unknown>) => Promise<void>;
}

export type AlertOutcome = 'sent' | 'already_sent' | 'armed' | 'unknown_balance';

/**
 * Called with each fresh balance. Below the threshold the first caller to disarm the latch mails
 * the admins and pushes `credits_low`; others see `already_sent`. At or above it the latch re-arms,
 * so the next fall below sends again: one alert per crossing.
 */
export async function checkCreditBalance(deps: CreditAlertDeps, workspaceId: string, provider: string, remaining: number | undefined, threshold: number): Promise<AlertOutcome> {
  if (remaining === undefined) return 'unknown_balance';
  if (remaining >= threshold) {
    await deps.latch.arm(workspaceId, provider);
    return 'armed';
  }
  if (!(await deps.latch.disarm(workspaceId, provider))) return 'already_sent';
  const subject = `leadstack: ${provider} credits are low (${remaining} left)`;
  const text = `Your workspace has ${remaining} ${provider} credits left, below the alert threshold of ${threshold}. Lookups stop when they run out.`;
  for (const to of await deps.admins(workspaceId)) await deps.mailer.send({ to, subject, text });
  await deps.notify(workspaceId, { type: 'credits_low', provider, remaining, threshold });
  return 'sent';
}
