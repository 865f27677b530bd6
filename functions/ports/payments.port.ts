/**
 * The payment provider (Razorpay behind functions/adapters/razorpay) and where billing keeps its
 * state (the control table). The domain in functions/domain/billing only sees these.
 */
import type { Plan, PlanLimits } from '../domain/billing/plans.ts';

/** The provider's subscription statuses. */
export type SubscriptionStatus = 'created' | 'authenticated' | 'active' | 'pending' | 'halted' | 'cancelled' | 'completed' | 'paused' | 'expired';

export interface ProviderSubscription {
  readonly id: string;
  readonly planId: string;
  readonly status: SubscriptionStatus;
  /** Where the payer authorises the subscription (Razorpay's hosted `short_url`). */
  readonly checkoutUrl: string;
  readonly currentStart: number | null;
  readonly currentEnd: number | null;
}

export interface NewSubscription {
  readonly planId: string;
  /** Billing cycles to charge. */
  readonly totalCount: number;
  /** Carried back in every webhook of this subscription: leadstack puts the workspace id here. */
  readonly notes: Readonly<Record<string, string>>;
  /** Who asked (call log). */
  readonly workspaceId: string;
}

export interface PaymentProvider {
  listPlans(workspaceId: string): Promise<Plan[]>;
  createSubscription(input: NewSubscription): Promise<ProviderSubscription>;
}

/** The link from a provider subscription back to its workspace, written at subscribe time. */
export interface SubscriptionLink {
  readonly subscriptionId: string;
  readonly workspaceId: string;
  readonly planId: string;
  readonly planType: string;
  /** The limits of the plan when it was bought: a webhook applies them without calling the provider. */
  readonly limits: PlanLimits;
}

/** The workspace's billing state as `GET /v1/billing/subscription` shows it. */
export interface WorkspaceBilling {
  readonly workspaceId: string;
  readonly planId: string | null;
  readonly planType: string | null;
  readonly subscriptionId: string | null;
  readonly status: SubscriptionStatus | 'none';
  /** Unix seconds, as the provider states them. */
  readonly currentStart: number | null;
  readonly currentEnd: number | null;
  /** The limits in force now: the plan's while it is in force, else the free ones. */
  readonly limits: PlanLimits;
  readonly lastPayment?: { readonly id: string; readonly status: string; readonly amount: number; readonly currency: string };
  /** `created_at` (Unix seconds) of the newest subscription event applied: older ones arriving late are ignored. */
  readonly lastEventAt?: number;
  readonly updatedAt?: string;
}

export interface BillingStore {
  cachedPlans(now: Date): Promise<Plan[] | undefined>;
  cachePlans(plans: readonly Plan[], expiresAt: Date): Promise<void>;
  saveLink(link: SubscriptionLink): Promise<void>;
  findLink(subscriptionId: string): Promise<SubscriptionLink | undefined>;
  billing(workspaceId: string): Promise<WorkspaceBilling | undefined>;
  /**
   * Writes the billing state and the limits it grants in one transaction: the authorizer and the
   * download ledger read the limits item, so the change is in force for the next request.
   */
  saveBilling(billing: WorkspaceBilling): Promise<void>;
  /** Marks a webhook event as processed; false when it was already (a replay). */
  claimEvent(eventId: string, expiresAt: Date): Promise<boolean>;
  /** Gives a claim back when applying the event failed, so the provider's retry is not ignored. */
  releaseEvent(eventId: string): Promise<void>;
}
