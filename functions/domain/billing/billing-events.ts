import { z } from 'zod';
import type { BillingStore, SubscriptionStatus, WorkspaceBilling } from '../../ports/payments.port.ts';
import { FREE_LIMITS } from './plans.ts';
import { currentBilling, WORKSPACE_NOTE } from './subscribe.ts';

/**
 * Processed event ids are kept this long. Razorpay retries a failed delivery for about a day;
 * a week leaves room for a manual redelivery from its dashboard.
 */
export const WEBHOOK_EVENT_TTL_SECONDS = 7 * 86_400;

/** What each subscription event means for the workspace: the status it records, and whether the plan's limits are in force. */
const SUBSCRIPTION_EFFECTS = {
  'subscription.authenticated': { status: 'authenticated', granted: false },
  'subscription.activated': { status: 'active', granted: true },
  'subscription.charged': { status: 'active', granted: true },
  'subscription.resumed': { status: 'active', granted: true },
  // Pending: a renewal charge failed and the provider is retrying; the plan stays in force meanwhile.
  'subscription.pending': { status: 'pending', granted: true },
  'subscription.halted': { status: 'halted', granted: false },
  'subscription.cancelled': { status: 'cancelled', granted: false },
  'subscription.completed': { status: 'completed', granted: false },
  'subscription.paused': { status: 'paused', granted: false },
} as const satisfies Record<string, { status: SubscriptionStatus; granted: boolean }>;

const PAYMENT_EVENTS = ['payment.captured', 'payment.failed'] as const;

const entityOf = <S extends z.ZodType>(entity: S) => z.object({ entity }).optional();

const subscriptionEntity = z.looseObject({
  id: z.string().min(1),
  plan_id: z.string().optional(),
  status: z.string().optional(),
  current_start: z.number().nullable().optional(),
  current_end: z.number().nullable().optional(),
  notes: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
});

const paymentEntity = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  amount: z.number(),
  currency: z.string(),
});

export const webhookEventSchema = z.looseObject({
  event: z.string().min(1),
  created_at: z.number().optional(),
  payload: z.looseObject({ subscription: entityOf(subscriptionEntity), payment: entityOf(paymentEntity) }),
});

export type WebhookEvent = z.infer<typeof webhookEventSchema>;

export type WebhookOutcome =
  | { readonly result: 'applied'; readonly workspaceId: string; readonly status: WorkspaceBilling['status'] }
  | { readonly result: 'replayed' }
  | { readonly result: 'ignored'; readonly reason: 'unhandled_event' | 'no_subscription' | 'unknown_subscription' | 'workspace_mismatch' | 'superseded' | 'out_of_order' };

const isSubscriptionEvent = (event: string): event is keyof typeof SUBSCRIPTION_EFFECTS => Object.hasOwn(SUBSCRIPTION_EFFECTS, event);
const isPaymentEvent = (event: string): boolean => (PAYMENT_EVENTS as readonly string[]).includes(event);

function nextBilling(previous: WorkspaceBilling, event: WebhookEvent, link: { planId: string; planType: string; subscriptionId: string; limits: WorkspaceBilling['limits'] }, now: Date): WorkspaceBilling {
  const subscription = event.payload.subscription?.entity;
  const payment = event.payload.payment?.entity;
  const lastPayment = payment ? { id: payment.id, status: payment.status, amount: payment.amount, currency: payment.currency } : previous.lastPayment;
  const base = { ...previous, ...(lastPayment ? { lastPayment } : {}), updatedAt: now.toISOString() };
  if (!isSubscriptionEvent(event.event)) return base;
  const effect = SUBSCRIPTION_EFFECTS[event.event];
  return {
    ...base,
    planId: link.planId,
    planType: link.planType,
    subscriptionId: link.subscriptionId,
    status: effect.status,
    currentStart: subscription?.current_start ?? previous.currentStart,
    currentEnd: subscription?.current_end ?? previous.currentEnd,
    limits: effect.granted ? link.limits : FREE_LIMITS,
    ...(event.created_at !== undefined ? { lastEventAt: Math.max(event.created_at, previous.lastEventAt ?? 0) } : {}),
  };
}

/**
 * Razorpay does not promise delivery order: a `charged` retried after a `cancelled` must not
 * grant the plan again. Events of one second (activated and charged come together) all apply.
 */
const arrivedLate = (previous: WorkspaceBilling, event: WebhookEvent, subscriptionId: string): boolean =>
  isSubscriptionEvent(event.event) && previous.subscriptionId === subscriptionId && event.created_at !== undefined && previous.lastEventAt !== undefined && event.created_at < previous.lastEventAt;

/**
 * Applies one verified webhook event to the workspace its subscription belongs to. The event id
 * is claimed first, so a replay (or the provider's duplicate delivery) has no second effect; if
 * applying fails the claim is given back, so the provider's retry still gets through.
 */
export async function applyWebhookEvent(store: BillingStore, eventId: string, event: WebhookEvent, now = new Date()): Promise<WebhookOutcome> {
  if (!isSubscriptionEvent(event.event) && !isPaymentEvent(event.event)) return { result: 'ignored', reason: 'unhandled_event' };
  const subscription = event.payload.subscription?.entity;
  // A payment event carries its subscription only when the payment belongs to one.
  if (!subscription) return { result: 'ignored', reason: 'no_subscription' };
  const link = await store.findLink(subscription.id);
  if (!link) return { result: 'ignored', reason: 'unknown_subscription' };
  const notes = subscription.notes;
  const noted = notes && !Array.isArray(notes) ? notes[WORKSPACE_NOTE] : undefined;
  if (noted !== undefined && noted !== link.workspaceId) return { result: 'ignored', reason: 'workspace_mismatch' };
  if (!(await store.claimEvent(eventId, new Date(now.getTime() + WEBHOOK_EVENT_TTL_SECONDS * 1000)))) return { result: 'replayed' };
  try {
    const previous = await currentBilling(store, link.workspaceId);
    // A workspace that moved to another subscription keeps it when the old one lapses.
    if (previous.subscriptionId !== null && previous.subscriptionId !== link.subscriptionId && isSubscriptionEvent(event.event) && !SUBSCRIPTION_EFFECTS[event.event].granted) {
      return { result: 'ignored', reason: 'superseded' };
    }
    if (arrivedLate(previous, event, link.subscriptionId)) return { result: 'ignored', reason: 'out_of_order' };
    const next = nextBilling(previous, event, link, now);
    await store.saveBilling(next);
    return { result: 'applied', workspaceId: link.workspaceId, status: next.status };
  } catch (error) {
    await store.releaseEvent(eventId);
    throw error;
  }
}
