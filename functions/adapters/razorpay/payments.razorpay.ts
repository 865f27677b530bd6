/**
 * Razorpay's Plans and Subscriptions API (`GET /v1/plans`, `POST /v1/subscriptions`) with basic
 * auth (key id : key secret), through the outbound client: its base URL, rate limits, retries
 * and call log come from the `razorpay` provider configuration.
 */
import { z } from 'zod';
import { limitsFromNotes, type Plan } from '../../domain/billing/plans.ts';
import { AppError } from '../../platform/errors.ts';
import type { OutboundHttp, OutboundResponse } from '../../ports/outbound-http.port.ts';
import type { NewSubscription, PaymentProvider, ProviderSubscription, SubscriptionStatus } from '../../ports/payments.port.ts';

/** Razorpay pages collections; 100 is its largest page. */
export const RAZORPAY_PAGE_SIZE = 100;
/** Enough pages for any real plan catalogue; more would mean a runaway listing. */
const MAX_PLAN_PAGES = 10;

export interface RazorpayCredentials {
  readonly keyId: string;
  readonly keySecret: string;
}

const notesSchema = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional();

const planSchema = z.looseObject({
  id: z.string(),
  period: z.enum(['daily', 'weekly', 'monthly', 'yearly']),
  interval: z.number().int(),
  item: z.looseObject({ name: z.string().default(''), amount: z.number(), currency: z.string() }),
  notes: notesSchema,
});

const plansPageSchema = z.looseObject({ count: z.number(), items: z.array(planSchema) });

const subscriptionSchema = z.looseObject({
  id: z.string(),
  plan_id: z.string(),
  status: z.enum(['created', 'authenticated', 'active', 'pending', 'halted', 'cancelled', 'completed', 'paused', 'expired']),
  short_url: z.string(),
  current_start: z.number().nullable().optional(),
  current_end: z.number().nullable().optional(),
});

const errorSchema = z.object({ error: z.looseObject({ code: z.string().optional(), description: z.string().optional() }) });

// Razorpay sends an empty array for "no notes".
const notesRecord = (notes: z.infer<typeof notesSchema>): Record<string, unknown> => (notes && !Array.isArray(notes) ? notes : {});

const toPlan = (raw: z.infer<typeof planSchema>): Plan => ({
  id: raw.id,
  name: raw.item.name,
  amount: raw.item.amount,
  currency: raw.item.currency,
  period: raw.period,
  interval: raw.interval,
  limits: limitsFromNotes(notesRecord(raw.notes)),
  item: raw.item,
});

export class RazorpayPaymentProvider implements PaymentProvider {
  constructor(
    private readonly http: OutboundHttp,
    private readonly credentials: RazorpayCredentials,
  ) {}

  async listPlans(workspaceId: string): Promise<Plan[]> {
    const plans: Plan[] = [];
    for (let page = 0; page < MAX_PLAN_PAGES; page += 1) {
      const response = await this.call('list_plans', `/v1/plans?count=${RAZORPAY_PAGE_SIZE}&skip=${page * RAZORPAY_PAGE_SIZE}`, workspaceId);
      const parsed = this.parse(plansPageSchema, response);
      plans.push(...parsed.items.map(toPlan));
      if (parsed.items.length < RAZORPAY_PAGE_SIZE) break;
    }
    return plans;
  }

  async createSubscription(input: NewSubscription): Promise<ProviderSubscription> {
    const body = JSON.stringify({ plan_id: input.planId, total_count: input.totalCount, customer_notify: 1, notes: input.notes });
    const raw = this.parse(subscriptionSchema, await this.call('create_subscription', '/v1/subscriptions', input.workspaceId, body));
    return { id: raw.id, planId: raw.plan_id, status: raw.status as SubscriptionStatus, checkoutUrl: raw.short_url, currentStart: raw.current_start ?? null, currentEnd: raw.current_end ?? null };
  }

  private async call(operation: string, url: string, workspaceId: string, body?: string): Promise<OutboundResponse> {
    const basic = Buffer.from(`${this.credentials.keyId}:${this.credentials.keySecret}`, 'utf8').toString('base64');
    const response = await this.http.request({
      provider: 'razorpay',
      operation,
      url,
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Basic ${basic}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body }),
      workspaceId,
      caller: 'billing',
    });
    if (response.status >= 200 && response.status < 300) return response;
    throw providerError(operation, response);
  }

  private parse<S extends z.ZodType>(schema: S, response: OutboundResponse): z.output<S> {
    const parsed = schema.safeParse(safeJson(response));
    if (!parsed.success) throw new AppError('ERR_PAYMENT_PROVIDER', 'The payment provider answered in an unexpected shape', [{ path: 'provider', message: 'razorpay' }]);
    return parsed.data;
  }
}

const safeJson = (response: OutboundResponse): unknown => {
  try {
    return response.json();
  } catch {
    return undefined;
  }
};

/**
 * Razorpay's error body is `{"error":{"code","description",...}}`. A refused credential is the
 * operator's configuration, never the caller's: it is a 502, not a 401 to the API client.
 */
function providerError(operation: string, response: OutboundResponse): AppError {
  const parsed = errorSchema.safeParse(safeJson(response));
  const code = parsed.success ? (parsed.data.error.code ?? 'UNKNOWN') : 'UNKNOWN';
  const description = parsed.success ? (parsed.data.error.description ?? '') : '';
  if (response.status === 429) return new AppError('ERR_UNAVAILABLE', 'The payment provider is busy; retry shortly', [{ path: 'provider', message: 'razorpay rate limit' }]);
  return new AppError('ERR_PAYMENT_PROVIDER', `razorpay ${operation} answered ${response.status} ${code}${description ? `: ${description}` : ''}`, [{ path: 'provider', message: code }]);
}
