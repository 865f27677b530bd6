import { describe, expect, it } from 'vitest';
import { FREE_LIMITS, type Plan } from '../../../../functions/domain/billing/plans.ts';
import { listPlans, PLANS_CACHE_TTL_SECONDS, subscribe, WORKSPACE_NOTE } from '../../../../functions/domain/billing/subscribe.ts';
import type { BillingStore, NewSubscription, PaymentProvider, SubscriptionLink } from '../../../../functions/ports/payments.port.ts';

const plan = (id: string): Plan => ({ id, name: id, amount: 100, currency: 'INR', period: 'monthly', interval: 1, limits: { ...FREE_LIMITS, downloadRowsPerUser: 50_000 }, item: {} });

function deps(catalogue: Plan[]) {
  const calls = { listPlans: 0, created: [] as NewSubscription[] };
  const links: SubscriptionLink[] = [];
  let cache: { plans: Plan[]; until: number } | undefined;
  const provider: PaymentProvider = {
    listPlans: async () => (calls.listPlans++, [...catalogue]),
    createSubscription: async (input) => (calls.created.push(input), { id: 'sub_1', planId: input.planId, status: 'created', checkoutUrl: 'https://pay/sub_1', currentStart: null, currentEnd: null }),
  };
  const store = {
    cachedPlans: async (now: Date) => (cache && cache.until > now.getTime() ? cache.plans : undefined),
    cachePlans: async (plans: readonly Plan[], expiresAt: Date) => void (cache = { plans: [...plans], until: expiresAt.getTime() }),
    saveLink: async (link: SubscriptionLink) => void links.push(link),
  } as unknown as BillingStore;
  return { deps: { provider, store }, calls, links };
}

describe('listPlans', () => {
  it('It should ask the provider once per cache period', async () => {
    const { deps: d, calls } = deps([plan('plan_a')]);
    const start = new Date('2026-01-01T00:00:00Z');

    await listPlans(d, 'ws', start);
    await listPlans(d, 'ws', new Date(start.getTime() + (PLANS_CACHE_TTL_SECONDS - 1) * 1000));
    expect(calls.listPlans).toBe(1);
    await listPlans(d, 'ws', new Date(start.getTime() + (PLANS_CACHE_TTL_SECONDS + 1) * 1000));
    expect(calls.listPlans).toBe(2);
  });
});

describe('subscribe', () => {
  it('It should create the subscription with the workspace in its notes and link it with the plan’s limits', async () => {
    const { deps: d, calls, links } = deps([plan('plan_a')]);

    const { subscription } = await subscribe(d, 'ws-1', { plan_id: 'plan_a', plan_type: 'pro' });

    expect(subscription.checkoutUrl).toBe('https://pay/sub_1');
    expect(calls.created[0]?.notes).toEqual({ [WORKSPACE_NOTE]: 'ws-1', plan_type: 'pro' });
    expect(links).toEqual([{ subscriptionId: 'sub_1', workspaceId: 'ws-1', planId: 'plan_a', planType: 'pro', limits: plan('plan_a').limits }]);
  });

  it('It should find a plan added since the cache was filled, and refuse an unknown one with 404 naming plan_id', async () => {
    const catalogue = [plan('plan_a')];
    const { deps: d, calls } = deps(catalogue);
    await listPlans(d, 'ws');
    catalogue.push(plan('plan_new'));

    await expect(subscribe(d, 'ws', { plan_id: 'plan_new', plan_type: 'pro' })).resolves.toBeDefined();
    await expect(subscribe(d, 'ws', { plan_id: 'plan_none', plan_type: 'pro' })).rejects.toMatchObject({ code: 'ERR_NOT_FOUND', details: [{ path: 'plan_id' }] });
    expect(calls.created.map((c) => c.planId)).toEqual(['plan_new']);
  });
});
