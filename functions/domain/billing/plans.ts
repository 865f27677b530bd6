import { DEFAULT_DOWNLOAD_LIMIT } from '../accounts/user.ts';
import { DEFAULT_API_REQUESTS_PER_HOUR } from '../auth/rate-limit.ts';

/** What a plan grants a workspace while its subscription is in force. */
export interface PlanLimits {
  /** Rows each user of the workspace may export or look up per calendar month. */
  readonly downloadRowsPerUser: number;
  /** API requests per hour per user or key. */
  readonly apiRequestsPerHour: number;
  /** Lookup credits per billing period. */
  readonly lookupCredits: number;
}

/** Lookup credits of a workspace without a paid plan. */
export const FREE_LOOKUP_CREDITS = 100;

/** Without a plan in force a workspace gets the accounts area's own defaults. */
export const FREE_LIMITS: PlanLimits = {
  downloadRowsPerUser: DEFAULT_DOWNLOAD_LIMIT,
  apiRequestsPerHour: DEFAULT_API_REQUESTS_PER_HOUR,
  lookupCredits: FREE_LOOKUP_CREDITS,
};

/**
 * The plan's notes that carry its limits. A Razorpay plan has no field for what it grants, so
 * the operator writes them into the plan's `notes` when creating it (dashboard or API); a note
 * that is missing or not a positive integer falls back to the free limit.
 */
export const PLAN_LIMIT_NOTES = {
  downloadRowsPerUser: 'download_rows',
  apiRequestsPerHour: 'api_requests_per_hour',
  lookupCredits: 'lookup_credits',
} as const;

export type BillingPeriod = 'daily' | 'weekly' | 'monthly' | 'yearly';

export interface Plan {
  readonly id: string;
  readonly name: string;
  /** In the currency's smallest unit (paise for INR), as the provider states it. */
  readonly amount: number;
  readonly currency: string;
  readonly period: BillingPeriod;
  readonly interval: number;
  readonly limits: PlanLimits;
  /** The provider's item (name, description...), passed on as the seed's `item`. */
  readonly item: Readonly<Record<string, unknown>>;
}

const positiveInt = (value: unknown): number | undefined => {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : undefined;
};

/** The limits a plan's notes grant (see {@link PLAN_LIMIT_NOTES}). */
export function limitsFromNotes(notes: Readonly<Record<string, unknown>> | undefined): PlanLimits {
  const note = (key: keyof PlanLimits): number => positiveInt(notes?.[PLAN_LIMIT_NOTES[key]]) ?? FREE_LIMITS[key];
  return { downloadRowsPerUser: note('downloadRowsPerUser'), apiRequestsPerHour: note('apiRequestsPerHour'), lookupCredits: note('lookupCredits') };
}

/** Limits as clients see them (snake_case, like the rest of the API). */
export const publicLimits = (limits: PlanLimits): Record<string, number> => ({
  download_rows_per_user: limits.downloadRowsPerUser,
  api_requests_per_hour: limits.apiRequestsPerHour,
  lookup_credits: limits.lookupCredits,
});

export const publicPlan = (plan: Plan): Record<string, unknown> => ({
  id: plan.id,
  name: plan.name,
  amount: plan.amount,
  currency: plan.currency,
  period: plan.period,
  interval: plan.interval,
  item: plan.item,
  limits: publicLimits(plan.limits),
});
