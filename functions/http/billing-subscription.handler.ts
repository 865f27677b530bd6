import { currentBilling, publicBilling } from '../domain/billing/subscribe.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { billingStore } from '../platform/services/billing-store.services.ts';

export const handler = httpHandler({ authorized: true, json: false }, async ({ workspaceId }) =>
  successResponse({ billing: publicBilling(await currentBilling(billingStore(), workspaceId)) }),
);
