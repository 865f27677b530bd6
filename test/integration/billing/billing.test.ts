import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_RAZORPAY_CREDENTIALS } from '../../../lib/local/fakes/razorpay/index.ts';
import { devAdmin, newUser, signIn } from '../accounts/helpers.ts';
import { eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

let t: TestCloud;
let admin: { access: string };
let user: { access: string };
let fakeUrl: string;

const COMPANIES = 30;
/** Rows each export below is charged: its cap, since more companies than that match. */
const EXPORT_ROWS = 20;
const USER_OWN_LIMIT = 10;

const sign = (body: string, secret: string = FAKE_RAZORPAY_CREDENTIALS.webhookSecret) => createHmac('sha256', secret).update(body).digest('hex');

const postWebhook = (body: string, headers: Record<string, string>) =>
  fetch(`${t.cloud.endpoints.http}/v1/billing/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then(async (response) => ({
    status: response.status,
    body: (await response.json()) as any,
  }));

const billing = async () => (await t.api('/v1/billing/subscription', { key: admin.access })).body.billing;
const exportAsUser = () => t.api('/v1/jobs', { key: user.access, body: { job_type: 'export_csv_file', job_data: { entity: 'company', query: { limit: EXPORT_ROWS } }, retry_count: 1 } });
const deliveries = async (): Promise<{ eventId: string; event: string; body: string; signature: string; status: number }[]> =>
  ((await (await fetch(`${fakeUrl}/__fake/webhooks`)).json()) as { deliveries: any[] }).deliveries;

beforeAll(async () => {
  t = await startTestCloud();
  fakeUrl = t.cloud.fakes.find((fake) => fake.name === 'razorpay')!.url;
  const creds = await devAdmin(t);
  admin = await signIn(t, creds.email, creds.password);
  user = await newUser(t, admin.access, { download_limit: USER_OWN_LIMIT });
  const companies = Array.from({ length: COMPANIES }, (_, i) => ({ name: `Billed ${i}`, linkedin_url: `https://linkedin.com/company/billed-${i}` }));
  expect((await t.api('/v1/companies/batch-upsert', { body: companies })).status).toBe(200);
  await eventually(async () => (await t.api('/v1/companies/count', { body: {} })).body.count >= COMPANIES, 'the companies to be searchable');
});

afterAll(async () => {
  await t?.stop();
});

describe('billing through the fake Razorpay', () => {
  let starter: { id: string; limits: Record<string, number> };
  let subscriptionId: string;

  it("It should list the provider's plans with the limits their notes grant", async () => {
    const answer = await t.api('/v1/billing/plans', { key: user.access });

    expect(answer.status).toBe(200);
    expect(answer.body.plans.map((plan: { name: string }) => plan.name)).toEqual(['leadstack Starter', 'leadstack Pro', 'leadstack Enterprise']);
    starter = answer.body.plans[0];
    expect(starter).toMatchObject({ amount: 99_900, currency: 'INR', period: 'monthly', interval: 1, limits: { download_rows_per_user: 20_000, api_requests_per_hour: 2_000, lookup_credits: 500 } });
    expect(starter.id).toMatch(/^plan_[A-Za-z0-9]{14}$/);
  });

  it('It should refuse a user (403), an unknown plan (404 naming plan_id) and a missing plan_type (400 naming it)', async () => {
    const asUser = await t.api('/v1/billing/subscribe', { key: user.access, body: { plan_id: starter.id, plan_type: 'starter' } });
    const unknown = await t.api('/v1/billing/subscribe', { key: admin.access, body: { plan_id: 'plan_doesnotexist00', plan_type: 'pro' } });
    const noType = await t.api('/v1/billing/subscribe', { key: admin.access, body: { plan_id: starter.id } });

    expect(asUser.status).toBe(403);
    expect(asUser.body.error.code).toBe('ERR_FORBIDDEN');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details[0].path).toBe('plan_id');
    expect(noType.status).toBe(400);
    expect(noType.body.error.details[0].path).toBe('plan_type');
    expect((await billing()).status).toBe('none');
  });

  it('It should subscribe, pay on the checkout page, and put the plan’s limits in force at once', async () => {
    expect((await exportAsUser()).status).toBe(403);

    const subscribed = await t.api('/v1/billing/subscribe', { key: admin.access, body: { plan_id: starter.id, plan_type: 'starter' } });
    expect(subscribed.status).toBe(201);
    subscriptionId = subscribed.body.subscription_id;
    expect(subscribed.body.subscription).toMatchObject({ id: subscriptionId, plan_id: starter.id, status: 'created' });
    expect(subscribed.body.checkout_url).toBe(`${fakeUrl}/checkout/${subscriptionId}`);
    expect((await billing()).status).toBe('none');

    const page = await fetch(subscribed.body.checkout_url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`action="/checkout/${subscriptionId}/pay"`);
    const paid = await fetch(`${subscribed.body.checkout_url}/pay`, { method: 'POST' });
    expect(paid.status).toBe(200);

    const sent = (await deliveries()).filter((d) => d.body.includes(subscriptionId) || d.event === 'payment.captured');
    expect(sent.map((d) => [d.event, d.status])).toEqual([
      ['subscription.activated', 200],
      ['subscription.charged', 200],
      ['payment.captured', 200],
    ]);
    const state = await billing();
    expect(state).toMatchObject({ plan_id: starter.id, plan_type: 'starter', subscription_id: subscriptionId, status: 'active', limits: starter.limits });
    expect(state.current_period.end).toBeGreaterThan(state.current_period.start);
    expect(state.last_payment).toMatchObject({ status: 'captured', amount: 99_900, currency: 'INR' });
    // The user's own limit is 10 rows; the plan grants 20,000: the export is taken now.
    expect((await exportAsUser()).status).toBe(201);
  });

  it('It should answer 401 and apply nothing for a missing, wrong or stale signature', async () => {
    const body = JSON.stringify({ event: 'subscription.cancelled', payload: { subscription: { entity: { id: subscriptionId, status: 'cancelled' } } }, created_at: 1 });

    const missing = await postWebhook(body, { 'x-razorpay-event-id': 'evt_forged000001' });
    const wrong = await postWebhook(body, { 'x-razorpay-signature': sign(`${body} `), 'x-razorpay-event-id': 'evt_forged000002' });
    const stale = await postWebhook(body, { 'x-razorpay-signature': sign(body, 'the-secret-before-rotation'), 'x-razorpay-event-id': 'evt_forged000003' });

    for (const answer of [missing, wrong, stale]) {
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('ERR_INVALID_SIGNATURE');
    }
    expect(await billing()).toMatchObject({ status: 'active', limits: starter.limits });
  });

  it('It should answer 400 for a validly signed body that is not JSON, and 200 ignored for an unknown subscription', async () => {
    const notJson = 'event=subscription.cancelled';
    const unknown = JSON.stringify({ event: 'subscription.cancelled', payload: { subscription: { entity: { id: 'sub_NotOurs0000001' } } } });

    const bad = await postWebhook(notJson, { 'x-razorpay-signature': sign(notJson), 'x-razorpay-event-id': 'evt_notjson000001' });
    const ignored = await postWebhook(unknown, { 'x-razorpay-signature': sign(unknown), 'x-razorpay-event-id': 'evt_unknown000001' });

    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('ERR_INVALID_JSON');
    expect(ignored.status).toBe(200);
    expect(ignored.body).toMatchObject({ result: 'ignored', reason: 'unknown_subscription' });
    expect((await billing()).status).toBe('active');
  });

  it('It should verify the bytes as sent when the gateway hands them over base64-encoded (a non-text content type)', async () => {
    const body = JSON.stringify({ event: 'subscription.charged', payload: { subscription: { entity: { id: 'sub_NotOurs0000002', notes: { note: 'Café ₹' } } } } });

    const answer = await postWebhook(body, { 'content-type': 'application/octet-stream', 'x-razorpay-signature': sign(body), 'x-razorpay-event-id': 'evt_binary0000001' });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ result: 'ignored', reason: 'unknown_subscription' });
  });

  it('It should undo the limits when the subscription halts, and give a replayed charge no second effect', async () => {
    const halted = await fetch(`${fakeUrl}/__fake/subscriptions/${subscriptionId}/halt`, { method: 'POST' });
    expect(halted.status).toBe(200);
    expect(await billing()).toMatchObject({ status: 'halted', limits: { download_rows_per_user: 10_000, api_requests_per_hour: 1_000, lookup_credits: 100 } });
    expect((await exportAsUser()).status).toBe(403);

    const charged = (await deliveries()).find((d) => d.event === 'subscription.charged' && d.body.includes(subscriptionId))!;
    const replay = await postWebhook(charged.body, { 'x-razorpay-signature': charged.signature, 'x-razorpay-event-id': charged.eventId });

    expect(replay.status).toBe(200);
    expect(replay.body.result).toBe('replayed');
    expect((await billing()).status).toBe('halted');
    expect((await exportAsUser()).status).toBe(403);
  });

  it('It should put the plan back on resume and take it away again on cancel (Razorpay API with basic auth)', async () => {
    const auth = `Basic ${Buffer.from(`${FAKE_RAZORPAY_CREDENTIALS.keyId}:${FAKE_RAZORPAY_CREDENTIALS.keySecret}`).toString('base64')}`;
    const refused = await fetch(`${fakeUrl}/v1/subscriptions/${subscriptionId}/resume`, { method: 'POST', headers: { authorization: 'Basic d3Jvbmc6d3Jvbmc=' } });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as any).error.code).toBe('BAD_REQUEST_ERROR');

    expect((await fetch(`${fakeUrl}/v1/subscriptions/${subscriptionId}/resume`, { method: 'POST', headers: { authorization: auth } })).status).toBe(200);
    expect(await billing()).toMatchObject({ status: 'active', limits: starter.limits });
    expect((await exportAsUser()).status).toBe(201);

    expect((await fetch(`${fakeUrl}/v1/subscriptions/${subscriptionId}/cancel`, { method: 'POST', headers: { authorization: auth } })).status).toBe(200);
    expect(await billing()).toMatchObject({ status: 'cancelled', limits: { download_rows_per_user: 10_000 } });
    expect((await exportAsUser()).status).toBe(403);
  });
});
