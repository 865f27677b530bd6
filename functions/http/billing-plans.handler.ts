import { publicPlan } from '../domain/billing/plans.ts';
import { listPlans } from '../domain/billing/subscribe.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { billingDeps } from '../platform/services/billing.services.ts';

export const handler = httpHandler({ authorized: true, json: false }, async ({ workspaceId }) =>
  successResponse({ plans: (await listPlans(billingDeps(), workspaceId)).map(publicPlan) }),
);
