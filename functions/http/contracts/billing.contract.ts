import { z } from 'zod';
import { subscribeSchema } from '../../domain/billing/subscribe.ts';
import { IDEMPOTENCY_CONFLICT, idempotencyHeadersSchema } from '../../platform/http/idempotency-header.ts';
import { defineContracts, successBody } from '../../platform/http/route-contract.ts';

const BILLING = 'billing';
const unauthorized = { description: 'No valid access token or API key (ERR_UNAUTHORIZED)' };
const providerDown = { description: 'The payment provider refused or failed the call (ERR_PAYMENT_PROVIDER, ERR_UNAVAILABLE)' };

const limitsSchema = z.object({
  download_rows_per_user: z.number().int().describe('Rows each user may export or look up per calendar month (plan note `download_rows`)'),
  api_requests_per_hour: z.number().int().describe('API requests per hour per user or key (plan note `api_requests_per_hour`)'),
  lookup_credits: z.number().int().describe('Lookup credits per period (plan note `lookup_credits`)'),
});

const planSchema = z.object({
  id: z.string(),
  name: z.string(),
  amount: z.number().int().describe("In the currency's smallest unit (paise for INR)"),
  currency: z.string(),
  period: z.enum(['daily', 'weekly', 'monthly', 'yearly']),
  interval: z.number().int(),
  item: z.record(z.string(), z.unknown()),
  limits: limitsSchema,
});

const statusSchema = z.enum(['none', 'created', 'authenticated', 'active', 'pending', 'halted', 'cancelled', 'completed', 'paused', 'expired']);

const webhookOutcomeSchema = z.object({
  event_id: z.string(),
  result: z.enum(['applied', 'replayed', 'ignored']),
  reason: z.string().optional(),
  workspaceId: z.string().optional(),
  status: statusSchema.optional(),
});

export const billingContracts = defineContracts([
  {
    method: 'GET',
    path: '/v1/billing/plans',
    summary: 'The plans a workspace can subscribe to',
    description:
      "Read from Razorpay (`GET /v1/plans`) and cached for 5 minutes. What each plan grants comes from the plan's `notes` on Razorpay: `download_rows`, `api_requests_per_hour`, `lookup_credits` (positive integers; a missing note means the free limit).",
    tag: BILLING,
    responses: { 200: { description: 'The plans', body: successBody({ plans: z.array(planSchema) }) }, 401: unauthorized, 502: providerDown },
  },
  {
    method: 'POST',
    path: '/v1/billing/subscribe',
    summary: 'Subscribe the workspace to a plan (admins)',
    description:
      'Creates a Razorpay subscription and answers `subscription`, `subscription_id` and `checkout_url` (Razorpay\'s hosted page where the payer authorises it). The plan and its limits take effect when Razorpay\'s webhook reports the subscription activated or charged.',
    tag: BILLING,
    body: subscribeSchema,
    headers: idempotencyHeadersSchema,
    responses: {
      201: {
        description: 'Subscription created; send the payer to checkout_url',
        body: successBody({
          subscription: z.object({ id: z.string(), plan_id: z.string(), status: statusSchema, plan_type: z.string() }),
          subscription_id: z.string(),
          checkout_url: z.string(),
          plan: planSchema,
        }),
      },
      400: { description: 'Malformed body (ERR_VALIDATION naming plan_id or plan_type)' },
      401: unauthorized,
      403: { description: 'The caller is not a workspace admin (ERR_FORBIDDEN)' },
      404: { description: 'No such plan (ERR_NOT_FOUND, details path plan_id)' },
      409: { description: IDEMPOTENCY_CONFLICT },
      502: providerDown,
    },
  },
  {
    method: 'POST',
    path: '/v1/billing/webhook',
    summary: 'Razorpay webhook (subscription and payment events)',
    description:
      "Public: Razorpay proves itself with `X-Razorpay-Signature`, the hex HMAC-SHA256 of the raw body under the webhook secret, checked before the body is parsed. An event id (`x-razorpay-event-id`) already processed has no second effect. Events apply to the workspace the subscription was created for: activated, charged, resumed and pending put the plan's limits in force; halted, cancelled, completed and paused bring the free limits back. An unknown subscription is answered 200 and ignored.",
    tag: BILLING,
    authorized: false,
    body: z.object({ event: z.string(), payload: z.record(z.string(), z.unknown()) }).loose(),
    headers: z.object({ 'x-razorpay-signature': z.string(), 'x-razorpay-event-id': z.string().optional() }),
    responses: {
      200: { description: 'Applied, replayed or ignored', body: successBody(webhookOutcomeSchema.shape) },
      400: { description: 'The signed body is not JSON or not an event (ERR_INVALID_JSON, ERR_VALIDATION)' },
      401: { description: 'Missing or wrong signature (ERR_INVALID_SIGNATURE); nothing is applied' },
    },
  },
  {
    method: 'GET',
    path: '/v1/billing/subscription',
    summary: "The workspace's plan, status, current period and limits",
    tag: BILLING,
    responses: {
      200: {
        description: 'Billing state; a workspace that never subscribed has status `none` and the free limits',
        body: successBody({
          billing: z.object({
            plan_id: z.string().nullable(),
            plan_type: z.string().nullable(),
            subscription_id: z.string().nullable(),
            status: statusSchema,
            current_period: z.object({ start: z.number().nullable(), end: z.number().nullable() }),
            limits: limitsSchema,
            last_payment: z.object({ id: z.string(), status: z.string(), amount: z.number(), currency: z.string() }).nullable(),
            updated_at: z.string().nullable(),
          }),
        }),
      },
      401: unauthorized,
    },
  },
]);
