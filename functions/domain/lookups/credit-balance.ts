import type { ProviderAccount } from '../../ports/people-data.port.ts';
import { checkCreditBalance, type AlertOutcome } from './credit-alerts.ts';
import { providerCallFor, withRateLimitWaits, type Caller, type LookupDeps } from './lookup-deps.ts';

export interface AccountView extends Record<string, unknown> {
  readonly plan?: string;
  readonly credits_used?: number;
  readonly credits_remaining?: number;
  readonly resets_at?: string;
  /** When the provider was asked (ISO-8601). */
  readonly fetched_at: string;
}

export const accountCacheKey = (provider: string): string => `${provider}:account`;

export const accountView = (account: ProviderAccount, fetchedAt: string): AccountView => ({
  ...(account.plan !== undefined ? { plan: account.plan } : {}),
  ...(account.creditsUsed !== undefined ? { credits_used: account.creditsUsed } : {}),
  ...(account.creditsRemaining !== undefined ? { credits_remaining: account.creditsRemaining } : {}),
  ...(account.resetsAt !== undefined ? { resets_at: account.resetsAt } : {}),
  fetched_at: fetchedAt,
});

/** The account as the provider last said, from the cache when fresh (5 minutes by default). */
export async function accountOf(deps: LookupDeps, caller: Caller): Promise<{ view: AccountView; cached: boolean }> {
  const key = accountCacheKey(deps.provider.name);
  const hit = await deps.cache.get(caller.workspaceId, key);
  if (hit) return { view: hit as AccountView, cached: true };
  const call = await providerCallFor(deps, caller);
  const account = await withRateLimitWaits(deps, () => deps.provider.account(call));
  const view = accountView(account, new Date(deps.clock.now()).toISOString());
  await deps.cache.put(caller.workspaceId, key, view, deps.ttl.accountSeconds);
  return { view, cached: false };
}

/**
 * The balance now: the account's last known remaining credits minus what the ledger charged
 * since it was read, so an alert does not wait for the account cache to expire.
 */
export async function estimatedRemaining(deps: LookupDeps, caller: Caller): Promise<number | undefined> {
  const { view } = await accountOf(deps, caller);
  if (view.credits_remaining === undefined) return undefined;
  const since = await deps.ledger.list(caller.workspaceId, view.fetched_at, new Date(deps.clock.now()).toISOString());
  const spent = since.filter((entry) => entry.provider === deps.provider.name).reduce((sum, entry) => sum + entry.credits, 0);
  return view.credits_remaining - spent;
}

/** After a charged call: alert the admins once when the balance has crossed below the threshold. */
export async function afterCharge(deps: LookupDeps, caller: Caller): Promise<AlertOutcome> {
  const remaining = await estimatedRemaining(deps, caller);
  return checkCreditBalance(deps.alerts, caller.workspaceId, deps.provider.name, remaining, deps.lowCreditThreshold);
}
