import { describe, expect, it } from 'vitest';
import { applyWebhookEvent, webhookEventSchema, type WebhookEvent } from '../../../../functions/domain/billing/billing-events.ts';
import { FREE_LIMITS, limitsFromNotes, type Plan, type PlanLimits } from '../../../../functions/domain/billing/plans.ts';
import type { BillingStore, SubscriptionLink, WorkspaceBilling } from '../../../../functions/ports/payments.port.ts';

const PRO: PlanLimits = { downloadRowsPerUser: 100_000, apiRequestsPerHour: 5_000, lookupCredits: 2_500 };

/** An in-memory BillingStore: the domain's contract, without DynamoDB. */
function memoryStore(links: SubscriptionLink[] = []) {
  const billing = new Map<string, WorkspaceBilling>();
  const events = new Set<string>();
  let failNextSave = false;
  const store: BillingStore = {
    cachedPlans: async () => undefined,
    cachePlans: async () => undefined,
    saveLink: async (link) => void links.push(link),
    findLink: async (id) => links.find((link) => link.subscriptionId === id),
    billing: async (ws) => billing.get(ws),
    saveBilling: async (next) => {
      if (failNextSave) {
        failNextSave = false;
        throw new Error('write failed');
      }
      billing.set(next.workspaceId, next);
    },
    claimEvent: async (id) => (events.has(id) ? false : (events.add(id), true)),
    releaseEvent: async (id) => void events.delete(id),
  };
  return { store, billing, events, failOnce: () => (failNextSave = true) };
}

const link = (subscriptionId = 'sub_A', workspaceId = 'ws-1'): SubscriptionLink => ({ subscriptionId, workspaceId, planId: 'plan_pro', planType: 'pro', limits: PRO });

const event = (name: string, subscriptionId = 'sub_A', extra: Record<string, unknown> = {}): WebhookEvent =>
  webhookEventSchema.parse({
    event: name,
    payload: {
      subscription: { entity: { id: subscriptionId, status: 'x', current_start: 1_700_000_000, current_end: 1_702_592_000, notes: { workspace_id: 'ws-1' }, ...extra } },
      payment: { entity: { id: 'pay_1', status: 'captured', amount: 249_900, currency: 'INR' } },
    },
  });

describe('applyWebhookEvent', () => {
  it('It should put the plan and its limits in force on activation, with the period and the payment', async () => {
    const { store, billing } = memoryStore([link()]);

    const outcome = await applyWebhookEvent(store, 'evt_1', event('subscription.activated'));

    expect(outcome).toEqual({ result: 'applied', workspaceId: 'ws-1', status: 'active' });
    expect(billing.get('ws-1')).toMatchObject({ planId: 'plan_pro', planType: 'pro', status: 'active', limits: PRO, currentStart: 1_700_000_000, currentEnd: 1_702_592_000, lastPayment: { id: 'pay_1', amount: 249_900 } });
  });

  it.each(['subscription.halted', 'subscription.cancelled', 'subscription.completed', 'subscription.paused'])('It should bring the free limits back on %s', async (lapse) => {
    const { store, billing } = memoryStore([link()]);
    await applyWebhookEvent(store, 'evt_1', event('subscription.charged'));

    await applyWebhookEvent(store, 'evt_2', event(lapse));

    expect(billing.get('ws-1')?.limits).toEqual(FREE_LIMITS);
    expect(billing.get('ws-1')?.status).toBe(lapse.split('.')[1]);
  });

  it('It should give the plan back on resumed, and keep it while a renewal is pending', async () => {
    const { store, billing } = memoryStore([link()]);
    await applyWebhookEvent(store, 'evt_1', event('subscription.paused'));
    await applyWebhookEvent(store, 'evt_2', event('subscription.resumed'));
    expect(billing.get('ws-1')).toMatchObject({ status: 'active', limits: PRO });
    await applyWebhookEvent(store, 'evt_3', event('subscription.pending'));
    expect(billing.get('ws-1')).toMatchObject({ status: 'pending', limits: PRO });
  });

  it('It should give a replayed event id no second effect', async () => {
    const { store, billing } = memoryStore([link()]);
    await applyWebhookEvent(store, 'evt_1', event('subscription.cancelled'));
    await applyWebhookEvent(store, 'evt_2', event('subscription.resumed'));

    const replay = await applyWebhookEvent(store, 'evt_1', event('subscription.cancelled'));

    expect(replay).toEqual({ result: 'replayed' });
    expect(billing.get('ws-1')).toMatchObject({ status: 'active', limits: PRO });
  });

  it('It should ignore an unknown subscription, a foreign workspace note, an event without subscription, and an unhandled event', async () => {
    const { store, billing, events } = memoryStore([link()]);

    expect(await applyWebhookEvent(store, 'e1', event('subscription.activated', 'sub_unknown'))).toEqual({ result: 'ignored', reason: 'unknown_subscription' });
    expect(await applyWebhookEvent(store, 'e2', event('subscription.activated', 'sub_A', { notes: { workspace_id: 'ws-2' } }))).toEqual({ result: 'ignored', reason: 'workspace_mismatch' });
    expect(await applyWebhookEvent(store, 'e3', webhookEventSchema.parse({ event: 'payment.captured', payload: { payment: { entity: { id: 'pay_9', status: 'captured', amount: 1, currency: 'INR' } } } }))).toEqual({ result: 'ignored', reason: 'no_subscription' });
    expect(await applyWebhookEvent(store, 'e4', event('refund.created'))).toEqual({ result: 'ignored', reason: 'unhandled_event' });
    expect(billing.size).toBe(0);
    expect(events.size).toBe(0);
  });

  it("It should keep a newer subscription's plan when an older one of the workspace lapses", async () => {
    const { store, billing } = memoryStore([link('sub_old'), link('sub_new')]);
    await applyWebhookEvent(store, 'e1', event('subscription.activated', 'sub_new'));

    const outcome = await applyWebhookEvent(store, 'e2', event('subscription.cancelled', 'sub_old'));

    expect(outcome).toEqual({ result: 'ignored', reason: 'superseded' });
    expect(billing.get('ws-1')).toMatchObject({ subscriptionId: 'sub_new', limits: PRO });
  });

  it('It should ignore a subscription event older than the newest one applied (late delivery), but apply events of the same second', async () => {
    const { store, billing } = memoryStore([link()]);
    const at = (name: string, createdAt: number) => ({ ...event(name), created_at: createdAt });
    await applyWebhookEvent(store, 'e1', at('subscription.activated', 1_000));
    await applyWebhookEvent(store, 'e2', at('subscription.cancelled', 2_000));

    const late = await applyWebhookEvent(store, 'e3', at('subscription.charged', 1_500));
    const sameSecond = await applyWebhookEvent(store, 'e4', at('subscription.resumed', 2_000));

    expect(late).toEqual({ result: 'ignored', reason: 'out_of_order' });
    expect(sameSecond.result).toBe('applied');
    expect(billing.get('ws-1')).toMatchObject({ status: 'active', lastEventAt: 2_000 });
  });

  it('It should release the event id when applying fails, so the provider retry is applied', async () => {
    const { store, billing, failOnce } = memoryStore([link()]);
    failOnce();

    await expect(applyWebhookEvent(store, 'evt_1', event('subscription.activated'))).rejects.toThrow('write failed');
    const retry = await applyWebhookEvent(store, 'evt_1', event('subscription.activated'));

    expect(retry.result).toBe('applied');
    expect(billing.get('ws-1')?.limits).toEqual(PRO);
  });
});

describe('limitsFromNotes', () => {
  it("It should read a plan's limits from its notes and fall back to the free ones for missing or bad values", () => {
    expect(limitsFromNotes({ download_rows: '20000', api_requests_per_hour: 2000, lookup_credits: '500' })).toEqual({ downloadRowsPerUser: 20_000, apiRequestsPerHour: 2_000, lookupCredits: 500 });
    expect(limitsFromNotes({ download_rows: '-5', api_requests_per_hour: 'lots', lookup_credits: '1.5' })).toEqual(FREE_LIMITS);
    expect(limitsFromNotes(undefined)).toEqual(FREE_LIMITS);
  });

  it('It should type a plan with the limits it grants', () => {
    const plan: Pick<Plan, 'limits'> = { limits: limitsFromNotes({ download_rows: '7' }) };
    expect(plan.limits.downloadRowsPerUser).toBe(7);
    expect(plan.limits.apiRequestsPerHour).toBe(FREE_LIMITS.apiRequestsPerHour);
  });
});
