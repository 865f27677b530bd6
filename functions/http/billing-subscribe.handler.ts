import { publicPlan } from '../domain/billing/plans.ts';
import { subscribe, subscribeSchema } from '../domain/billing/subscribe.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { billingDeps } from '../platform/services/billing.services.ts';
import { idempotencyMiddleware } from '../platform/services/idempotency.services.ts';
import { parseInput } from '../platform/validation.ts';

/** Answers the seed's shape (`subscription`, `subscription_id`) plus where to send the payer. */
export const handler = httpHandler({ authorized: true, admin: true, json: 'required', idempotency: idempotencyMiddleware() }, async ({ workspaceId, body }) => {
  const input = parseInput(subscribeSchema, body);
  const { subscription, plan } = await subscribe(billingDeps(), workspaceId, input);
  return successResponse(
    {
      subscription: { id: subscription.id, plan_id: subscription.planId, status: subscription.status, plan_type: input.plan_type },
      subscription_id: subscription.id,
      checkout_url: subscription.checkoutUrl,
      plan: publicPlan(plan),
    },
    201,
  );
});
