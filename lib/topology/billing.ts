/**
 * Billing: Razorpay plans, subscriptions and the webhook that puts a plan's limits in force.
 * The webhook is public: the provider proves itself by its signature, checked before parsing.
 */
import { MB, defineFeature } from './types.ts';

// control: plans cache, subscription links, workspace billing and limits, processed event ids,
// and the outbound client's shared rate windows and call log.
const CONTROL = { control: 'readwrite' } as const;

export const billing = defineFeature({
  name: 'billing',
  functions: {
    billingPlans: { entry: 'functions/http/billing-plans.handler.ts', timeoutSeconds: 29, memoryMb: MB.small, access: { tables: CONTROL, secrets: ['razorpayKeyId', 'razorpayKeySecret'] } },
    billingSubscribe: { entry: 'functions/http/billing-subscribe.handler.ts', timeoutSeconds: 29, memoryMb: MB.small, access: { tables: CONTROL, secrets: ['razorpayKeyId', 'razorpayKeySecret'] } },
    billingWebhook: { entry: 'functions/http/billing-webhook.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: { tables: CONTROL, secrets: ['razorpayWebhookSecret'] } },
    billingSubscription: { entry: 'functions/http/billing-subscription.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { control: 'read' } } },
  },
  routes: [
    { method: 'GET', path: '/v1/billing/plans', fn: 'billingPlans', authorized: true },
    { method: 'POST', path: '/v1/billing/subscribe', fn: 'billingSubscribe', authorized: true },
    { method: 'POST', path: '/v1/billing/webhook', fn: 'billingWebhook', authorized: false },
    { method: 'GET', path: '/v1/billing/subscription', fn: 'billingSubscription', authorized: true },
  ],
});
