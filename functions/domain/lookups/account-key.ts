/** The workspace's provider account: what it has left, and rotating the key it calls with. */
import { ProviderError } from '../../ports/people-data.port.ts';
import { checkCreditBalance } from './credit-alerts.ts';
import { accountCacheKey, accountOf, accountView, type AccountView } from './credit-balance.ts';
import type { Caller, LookupDeps } from './lookup-deps.ts';

export async function getAccount(deps: LookupDeps, caller: Caller): Promise<{ account: AccountView; cached: boolean }> {
  const { view, cached } = await accountOf(deps, caller);
  if (!cached) await checkCreditBalance(deps.alerts, caller.workspaceId, deps.provider.name, view.credits_remaining, deps.lowCreditThreshold);
  return { account: view, cached };
}

/**
 * Replaces the workspace's key, after the provider accepted it (a key it refuses is never
 * stored). The answer shows only the key's last characters.
 */
export async function rotateProviderKey(deps: LookupDeps, caller: Caller, apiKey: string): Promise<{ provider: string; hint: string; rotated_at: string; account: AccountView }> {
  let account;
  try {
    account = await deps.provider.account({ apiKey, workspaceId: caller.workspaceId, ...(caller.userId ? { userId: caller.userId } : {}) });
  } catch (error) {
    if (error instanceof ProviderError && error.failure === 'auth') throw new ProviderError('auth', deps.provider.name, 'the provider refused this key; the previous key stays in use');
    throw error;
  }
  const rotatedAt = new Date(deps.clock.now()).toISOString();
  const sealed = deps.keyBox.seal(caller.workspaceId, apiKey, rotatedAt, caller.userId);
  await deps.keys.put(caller.workspaceId, deps.provider.name, sealed);
  const view = accountView(account, rotatedAt);
  await deps.cache.put(caller.workspaceId, accountCacheKey(deps.provider.name), view, deps.ttl.accountSeconds);
  return { provider: deps.provider.name, hint: sealed.hint, rotated_at: rotatedAt, account: view };
}
