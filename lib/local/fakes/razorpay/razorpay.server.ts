/**
 * A fake Razorpay, built from Razorpay's public API documentation: basic auth (key id : key
 * secret), the Plans and Subscriptions API, its `{"error":{...}}` error shape and a 429 past its
 * rate limit; plus a hosted checkout page whose "Pay" marks the subscription active and sends
 * the signed webhooks (subscription.activated, subscription.charged, payment.captured) to the
 * local API. Test helpers under `/__fake/`: the delivered webhooks, and halting a subscription.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeStartOptions, RunningFake } from '../fake-provider.ts';
import { startFakeServer, type FaultResponses } from '../fake-server.ts';
import { checkoutPage, paidPage } from './razorpay-checkout.page.ts';
import { FAKE_RAZORPAY_ACCOUNT_ID, FAKE_RAZORPAY_CREDENTIALS, fakePlans, idMaker } from './razorpay-data.ts';
import { webhookSender, type WebhookSender } from './razorpay-webhooks.ts';

/** Requests per second the fake takes before answering 429 (the adapter paces itself well below). */
export const FAKE_RAZORPAY_RATE_PER_SECOND = 25;
const MAX_BODY_BYTES = 64 * 1024;
const PERIOD_SECONDS = 30 * 86_400;

type Json = Record<string, unknown>;
type Subscription = Json & { id: string; plan_id: string; status: string; notes: Json; paid_count: number; short_url: string };

const send = (response: ServerResponse, status: number, body: unknown, type = 'application/json'): void => {
  response.writeHead(status, { 'content-type': type }).end(typeof body === 'string' ? body : JSON.stringify(body));
};

/** Razorpay's error body. */
const rzpError = (response: ServerResponse, status: number, code: string, description: string, field?: string): void =>
  send(response, status, { error: { code, description, source: 'NA', step: 'NA', reason: 'NA', metadata: {}, ...(field ? { field } : {}) } });

const FAULTS: FaultResponses = {
  error: (response) => rzpError(response, 500, 'SERVER_ERROR', 'We are facing some trouble completing your request at the moment. Please try again shortly.'),
  outage: (response) => {
    response.setHeader('retry-after', '30');
    rzpError(response, 503, 'SERVER_ERROR', 'Service unavailable');
  },
};

const readBody = async (request: IncomingMessage): Promise<string> => {
  let body = '';
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > MAX_BODY_BYTES) throw new Error('body too large');
  }
  return body;
};

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

interface State {
  readonly plans: ReturnType<typeof fakePlans>;
  readonly subscriptions: Map<string, Subscription>;
  readonly nextId: (prefix: string) => string;
  readonly webhooks: WebhookSender;
  readonly url: () => string;
  readonly window: { start: number; hits: number };
}

const authorized = (request: IncomingMessage): boolean => {
  const expected = `Basic ${Buffer.from(`${FAKE_RAZORPAY_CREDENTIALS.keyId}:${FAKE_RAZORPAY_CREDENTIALS.keySecret}`).toString('base64')}`;
  return request.headers.authorization === expected;
};

const overRate = (state: State): boolean => {
  const second = nowSeconds();
  if (state.window.start !== second) Object.assign(state.window, { start: second, hits: 0 });
  state.window.hits += 1;
  return state.window.hits > FAKE_RAZORPAY_RATE_PER_SECOND;
};

const planEntity = (state: State, id: string) => state.plans.find((plan) => plan.id === id);

async function createSubscription(state: State, request: IncomingMessage, response: ServerResponse): Promise<void> {
  let input: Json;
  try {
    input = JSON.parse(await readBody(request)) as Json;
  } catch {
    return rzpError(response, 400, 'BAD_REQUEST_ERROR', 'The request body is not valid JSON');
  }
  if (typeof input.plan_id !== 'string' || !planEntity(state, input.plan_id)) return rzpError(response, 400, 'BAD_REQUEST_ERROR', 'The id provided does not exist', 'plan_id');
  if (!Number.isInteger(input.total_count) || (input.total_count as number) < 1) return rzpError(response, 400, 'BAD_REQUEST_ERROR', 'The total count field is required.', 'total_count');
  const id = state.nextId('sub');
  const subscription: Subscription = {
    id,
    entity: 'subscription',
    plan_id: input.plan_id,
    status: 'created',
    current_start: null,
    current_end: null,
    ended_at: null,
    quantity: 1,
    notes: (input.notes as Json | undefined) ?? {},
    charge_at: null,
    total_count: input.total_count,
    paid_count: 0,
    customer_notify: input.customer_notify !== 0 && input.customer_notify !== false,
    created_at: nowSeconds(),
    short_url: `${state.url()}/checkout/${id}`,
    source: 'api',
  };
  state.subscriptions.set(id, subscription);
  return send(response, 200, subscription);
}

/** Moves a subscription and tells the API, as Razorpay does on each state change. */
async function transition(state: State, subscription: Subscription, status: string, event: string): Promise<void> {
  subscription.status = status;
  if (status === 'cancelled' || status === 'completed') subscription.ended_at = nowSeconds();
  await state.webhooks.send(event, { subscription: { entity: { ...subscription } } }, ['subscription']);
}

async function pay(state: State, subscription: Subscription, response: ServerResponse): Promise<void> {
  const plan = planEntity(state, subscription.plan_id)!;
  const start = nowSeconds();
  Object.assign(subscription, { status: 'active', current_start: start, current_end: start + PERIOD_SECONDS, charge_at: start + PERIOD_SECONDS, paid_count: subscription.paid_count + 1 });
  const payment = {
    id: state.nextId('pay'),
    entity: 'payment',
    amount: plan.item.amount,
    currency: plan.item.currency,
    status: 'captured',
    invoice_id: state.nextId('inv'),
    method: 'card',
    captured: true,
    description: plan.item.name,
    created_at: start,
  };
  const both = { subscription: { entity: { ...subscription } }, payment: { entity: payment } };
  const deliveries = [
    await state.webhooks.send('subscription.activated', both, ['subscription', 'payment']),
    await state.webhooks.send('subscription.charged', both, ['subscription', 'payment']),
    await state.webhooks.send('payment.captured', { payment: { entity: payment } }, ['payment']),
  ];
  send(response, 200, paidPage(subscription.id, deliveries), 'text/html; charset=utf-8');
}

const SUBSCRIPTION_ACTIONS = { cancel: ['cancelled', 'subscription.cancelled'], pause: ['paused', 'subscription.paused'], resume: ['active', 'subscription.resumed'] } as const;

async function route(state: State, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { pathname, searchParams } = new URL(request.url ?? '/', 'http://fake');
  const method = request.method ?? 'GET';
  const parts = pathname.split('/').filter(Boolean);
  // The hosted checkout and the test helpers are pages and controls, not the API: no key needed.
  if (parts[0] === 'checkout' && parts[1]) {
    const subscription = state.subscriptions.get(parts[1]);
    if (!subscription) return send(response, 404, '<h1>No such subscription</h1>', 'text/html; charset=utf-8');
    if (method === 'GET' && parts.length === 2) return send(response, 200, checkoutPage(subscription, planEntity(state, subscription.plan_id)!.item), 'text/html; charset=utf-8');
    if (method === 'POST' && parts[2] === 'pay') return pay(state, subscription, response);
  }
  if (parts[0] === '__fake') {
    if (method === 'GET' && parts[1] === 'webhooks') return send(response, 200, { deliveries: state.webhooks.deliveries() });
    const subscription = parts[1] === 'subscriptions' && parts[2] ? state.subscriptions.get(parts[2]) : undefined;
    if (method === 'POST' && subscription && parts[3] === 'halt') {
      await transition(state, subscription, 'halted', 'subscription.halted');
      return send(response, 200, subscription);
    }
    return rzpError(response, 404, 'NOT_FOUND', 'No such fake control');
  }
  if (parts[0] !== 'v1') return rzpError(response, 404, 'BAD_REQUEST_ERROR', 'The requested URL was not found on the server.');
  if (!authorized(request)) return rzpError(response, 401, 'BAD_REQUEST_ERROR', 'Authentication failed');
  if (overRate(state)) return rzpError(response, 429, 'BAD_REQUEST_ERROR', 'Too many requests');
  if (method === 'GET' && pathname === '/v1/plans') {
    const count = Math.min(Number(searchParams.get('count') ?? 10) || 10, 100);
    const skip = Number(searchParams.get('skip') ?? 0) || 0;
    const items = state.plans.slice(skip, skip + count);
    return send(response, 200, { entity: 'collection', count: items.length, items });
  }
  if (method === 'GET' && parts[1] === 'plans' && parts[2]) {
    const plan = planEntity(state, parts[2]);
    return plan ? send(response, 200, plan) : rzpError(response, 400, 'BAD_REQUEST_ERROR', 'The id provided does not exist');
  }
  if (method === 'POST' && pathname === '/v1/subscriptions') return createSubscription(state, request, response);
  const subscription = parts[1] === 'subscriptions' && parts[2] ? state.subscriptions.get(parts[2]) : undefined;
  if (parts[1] === 'subscriptions' && !subscription) return rzpError(response, 400, 'BAD_REQUEST_ERROR', 'The id provided does not exist');
  if (subscription && method === 'GET' && parts.length === 3) return send(response, 200, subscription);
  const action = parts[3] as keyof typeof SUBSCRIPTION_ACTIONS | undefined;
  if (subscription && method === 'POST' && action && Object.hasOwn(SUBSCRIPTION_ACTIONS, action)) {
    const [status, event] = SUBSCRIPTION_ACTIONS[action];
    await transition(state, subscription, status, event);
    return send(response, 200, subscription);
  }
  return rzpError(response, 404, 'BAD_REQUEST_ERROR', 'The requested URL was not found on the server.');
}

export async function startFakeRazorpay(options: FakeStartOptions): Promise<RunningFake> {
  // Plans are the seed's ground truth; subscription and event ids must differ from one start to
  // the next, or a restarted `npm start` would meet its own earlier event ids and skip them as replays.
  const nextId = idMaker(`${options.seed}:ids:${process.hrtime.bigint()}`);
  let baseUrl = '';
  const state: State = {
    plans: fakePlans(options.seed),
    subscriptions: new Map(),
    nextId,
    url: () => baseUrl,
    window: { start: 0, hits: 0 },
    webhooks: webhookSender({ apiUrl: options.apiUrl ?? (() => undefined), secret: FAKE_RAZORPAY_CREDENTIALS.webhookSecret, accountId: FAKE_RAZORPAY_ACCOUNT_ID, nextId, now: nowSeconds }),
  };
  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    route(state, request, response).catch((error: unknown) => rzpError(response, 500, 'SERVER_ERROR', (error as Error).message));
  };
  const running = await startFakeServer(listener, { ...options, faults: FAULTS });
  baseUrl = running.url;
  return running;
}
