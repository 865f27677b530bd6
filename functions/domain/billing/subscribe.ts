import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { BillingStore, PaymentProvider, ProviderSubscription, WorkspaceBilling } from '../../ports/payments.port.ts';
import { FREE_LIMITS, type Plan } from './plans.ts';

/** Plans change rarely (an operator edits them on the provider); a short cache spares its API. */
export const PLANS_CACHE_TTL_SECONDS = 300;
/** Billing cycles a subscription runs for: ten years of monthly charges, the provider's usual cap. */
export const SUBSCRIPTION_TOTAL_COUNT = 120;
/** The note that carries the workspace id back in every webhook of the subscription. */
export const WORKSPACE_NOTE = 'workspace_id';

export const subscribeSchema = z
  .object({
    plan_id: z.string().trim().min(1).max(64),
    /** The seed's plan label (`pro`...); kept with the subscription, not trusted for limits. */
    plan_type: z.string().trim().min(1).max(40),
  })
  .strict();

export type SubscribeInput = z.infer<typeof subscribeSchema>;

export interface BillingDeps {
  readonly provider: PaymentProvider;
  readonly store: BillingStore;
}

/** The provider's plans, from the control-table cache while it is fresh. */
export async function listPlans(deps: BillingDeps, workspaceId: string, now = new Date(), options: { fresh?: boolean } = {}): Promise<Plan[]> {
  const cached = options.fresh ? undefined : await deps.store.cachedPlans(now);
  if (cached) return cached;
  const plans = await deps.provider.listPlans(workspaceId);
  await deps.store.cachePlans(plans, new Date(now.getTime() + PLANS_CACHE_TTL_SECONDS * 1000));
  return plans;
}

/**
 * Creates a subscription to `plan_id` for the workspace and links it back to the workspace.
 * Nothing changes in the workspace's limits yet: that waits for the provider's webhook saying
 * the payer paid.
 */
export async function subscribe(deps: BillingDeps, workspaceId: string, input: SubscribeInput): Promise<{ subscription: ProviderSubscription; plan: Plan }> {
  const find = (plans: readonly Plan[]) => plans.find((candidate) => candidate.id === input.plan_id);
  // A plan created on the provider since the cache was filled is found by asking it again.
  const plan = find(await listPlans(deps, workspaceId)) ?? find(await listPlans(deps, workspaceId, new Date(), { fresh: true }));
  if (!plan) throw new AppError('ERR_NOT_FOUND', `No plan ${input.plan_id}`, [{ path: 'plan_id', message: 'Unknown plan' }]);
  const subscription = await deps.provider.createSubscription({
    planId: plan.id,
    totalCount: SUBSCRIPTION_TOTAL_COUNT,
    notes: { [WORKSPACE_NOTE]: workspaceId, plan_type: input.plan_type },
    workspaceId,
  });
  await deps.store.saveLink({ subscriptionId: subscription.id, workspaceId, planId: plan.id, planType: input.plan_type, limits: plan.limits });
  return { subscription, plan };
}

/** A workspace that never subscribed is on the free limits. */
export const freeBilling = (workspaceId: string): WorkspaceBilling => ({
  workspaceId,
  planId: null,
  planType: null,
  subscriptionId: null,
  status: 'none',
  currentStart: null,
  currentEnd: null,
  limits: FREE_LIMITS,
});

export async function currentBilling(store: BillingStore, workspaceId: string): Promise<WorkspaceBilling> {
  return (await store.billing(workspaceId)) ?? freeBilling(workspaceId);
}

export const publicBilling = (billing: WorkspaceBilling): Record<string, unknown> => ({
  plan_id: billing.planId,
  plan_type: billing.planType,
  subscription_id: billing.subscriptionId,
  status: billing.status,
  current_period: { start: billing.currentStart, end: billing.currentEnd },
  limits: {
    download_rows_per_user: billing.limits.downloadRowsPerUser,
    api_requests_per_hour: billing.limits.apiRequestsPerHour,
    lookup_credits: billing.limits.lookupCredits,
  },
  last_payment: billing.lastPayment ?? null,
  updated_at: billing.updatedAt ?? null,
});
