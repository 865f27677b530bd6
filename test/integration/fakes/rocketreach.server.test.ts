import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLog } from '../../../lib/local/log.ts';
import { startFakes } from '../../../lib/local/fakes/start-fakes.ts';
import {
  FAKE_ROCKETREACH_API_KEY, FAKE_ROCKETREACH_WEBHOOK_SECRET, ROCKETREACH_WEBHOOK_PATH, fakeRocketReach, rocketReachDataset, type FakePerson,
} from '../../../lib/local/fakes/rocketreach/index.ts';
import { eventually } from '../../helpers/eventually.ts';

const SEED = 'rr-integration';
// The frame gives each fake `<seed>:<name>`; the ground truth is read with the same seed.
const dataset = rocketReachDataset(`${SEED}:rocketreach`);
const stops: (() => Promise<void>)[] = [];
let base = '';
let receiver: Server;
let receiverUrl = '';
const received: { path: string; headers: Record<string, string | string[] | undefined>; body: string }[] = [];

beforeAll(async () => {
  // Stands in for the local API: the fake's starting webhook posts to <api>/<webhook path>.
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += String(chunk)));
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  const started = await startFakes(
    { providers: [fakeRocketReach], portBase: 0, seed: SEED, knobs: {}, providerUrls: {}, allowHosts: [], apiUrl: () => receiverUrl },
    (stop) => stops.push(stop),
    createLog(true),
  );
  base = `${started.env.PROVIDER_ROCKETREACH_BASE_URL}/api/v2`;
  // The tests fire calls back to back; only the 429 test meets a limit, the one it sets itself.
  await control('settings', { requestsPerSecond: 10_000 });
});
afterAll(async () => {
  await Promise.all(stops.map((stop) => stop()));
  await new Promise((resolve) => receiver?.close(resolve));
});

const call = async (path: string, init: RequestInit & { key?: string | null } = {}) => {
  const { key = FAKE_ROCKETREACH_API_KEY, ...rest } = init;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers['Api-Key'] = key;
  const response = await fetch(`${base}${path}`, { ...rest, headers });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
};
const control = async (path: string, body?: unknown) => {
  const response = await fetch(`${base.replace('/api/v2', '')}/__fake/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await response.json()) as any;
};
const lookupPath = (person: FakePerson) => `/person/lookup?name=${encodeURIComponent(person.profile.name)}&current_employer=${encodeURIComponent(person.employer.name)}`;
const usedPeople = new Set<number>();
/** A person no earlier test looked up, so credit counts stay exact. */
const freshPerson = (test: (person: FakePerson) => boolean): FakePerson => {
  const person = dataset.people().find((candidate) => !usedPeople.has(candidate.index) && test(candidate) && dataset.findPerson({ name: candidate.profile.name, current_employer: candidate.employer.name }) === candidate)!;
  usedPeople.add(person.index);
  return person;
};

describe('the fake RocketReach through fetch', () => {
  it('It should refuse a missing or wrong Api-Key with its documented 401 body', async () => {
    const missing = await call('/account/', { key: null });
    const wrong = await call('/account/', { key: 'not-the-key' });

    expect(missing.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ status: 401, message: 'Invalid API Key' });
  });

  it('It should answer a lookup as searching, then complete it after its polls, charging one credit', async () => {
    const person = freshPerson((candidate) => candidate.pollsToComplete === 2 && candidate.chargeable && candidate.profile.emails.length > 0);
    const before = await control('usage');

    const first = await call(lookupPath(person));
    const polls = [await call(`/person/checkStatus?ids=${person.profile.id}`), await call(`/person/checkStatus?ids=${person.profile.id}`)];
    const after = await control('usage');

    expect(first.status).toBe(200);
    expect(first.headers.get('rr-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.body).toMatchObject({ id: person.profile.id, status: 'searching', emails: [], phones: [] });
    expect(polls.map((poll) => poll.body[0].status)).toEqual(['progress', 'complete']);
    expect(polls[1]!.body[0].emails).toEqual(person.profile.emails);
    expect(after.lookupCreditsUsed - before.lookupCreditsUsed).toBe(1);
  });

  it('It should charge again for a repeated lookup, and never for one without contact data or not found', async () => {
    const person = freshPerson((candidate) => candidate.chargeable);
    const empty = freshPerson((candidate) => !candidate.chargeable);
    const before = await control('usage');

    await call(lookupPath(person));
    await call(lookupPath(person));
    const emptyAnswer = await call(lookupPath(empty));
    const missing = await call('/person/lookup?email=nobody@unknown-company.example');
    const after = await control('usage');

    expect(emptyAnswer.status).toBe(200);
    expect(missing).toMatchObject({ status: 404, body: { status: 404 } });
    expect(after.lookupCreditsUsed - before.lookupCreditsUsed).toBe(2);
  });

  it('It should refuse lookups once the credits run out, with the documented error, and say so on the account', async () => {
    const { lookupCreditsUsed } = await control('usage');
    await control('settings', { lookupCredits: lookupCreditsUsed + 1 });
    const [first, second] = [freshPerson((candidate) => candidate.chargeable), freshPerson((candidate) => candidate.chargeable)];

    const ok = await call(lookupPath(first!));
    const refused = await call(lookupPath(second!));
    const account = await call('/account/');
    await control('settings', { lookupCredits: 10_000 });

    expect(ok.status).toBe(200);
    expect(refused.status).toBe(402);
    expect(refused.body).toMatchObject({ status: 402, message: expect.stringContaining('credits') });
    expect(account.body.credit_usage.find((usage: { credit_type: string }) => usage.credit_type === 'lookup')).toMatchObject({ remaining: 0 });
  });

  it('It should answer 429 with Retry-After past the per-minute limit a knob sets', async () => {
    await control('settings', { perMinute: { company_search: 2 } });

    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await call('/searchCompany', { method: 'POST', body: JSON.stringify({ query: { industry: ['Software'] } }) }));
    await control('settings', { perMinute: { company_search: 60 } });

    expect(answers[0]!.status).toBe(201);
    expect(answers[2]!.status).toBe(429);
    expect(Number(answers[2]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(answers[2]!.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await control('usage')).rateLimited).toBeGreaterThanOrEqual(1);
  });

  it('It should look up a company by domain and a person with their company in one call', async () => {
    const company = dataset.company(7);
    const person = freshPerson((candidate) => candidate.pollsToComplete === 0);

    const byDomain = await call(`/company/lookup/?domain=www.${company.domain}`);
    const both = await call(`/profile-company/lookup?linkedin_url=${encodeURIComponent(person.profile.linkedin_url)}`);

    expect(byDomain.body).toEqual(company);
    expect(both.body).toMatchObject({ id: person.profile.id, status: 'complete', company: { id: person.employer.id, techstack: person.employer.techstack } });
  });

  it('It should refuse a bulk of 9 and deliver a bulk of 12 to the webhook, signed, in query order', async () => {
    const people = Array.from({ length: 10 }, () => freshPerson((candidate) => candidate.profile.emails.length > 0));
    const queries = [...people.map((person) => ({ email: person.profile.emails[0]!.email, metadata: { row: person.index } })), { email: 'ghost@unknown.example' }, { linkedin_url: 'https://www.linkedin.com/in/nobody-here' }];
    const before = await control('usage');

    const nine = await call('/bulkLookup', { method: 'POST', body: JSON.stringify({ queries: queries.slice(0, 9) }) });
    const accepted = await call('/bulkLookup', { method: 'POST', body: JSON.stringify({ queries }) });
    const requestId = accepted.headers.get('rr-request-id');
    const delivery = await eventually(() => received.find((entry) => entry.headers['rr-request-id'] === requestId), 'the bulk webhook delivery');
    const results = JSON.parse(delivery.body) as any[];
    const expected = createHmac('sha256', FAKE_ROCKETREACH_WEBHOOK_SECRET).update(delivery.body).digest();
    const after = await control('usage');

    expect(nine).toMatchObject({ status: 400, body: { status: 400, message: expect.stringContaining('between 10 and 100') } });
    expect(accepted.status).toBe(200);
    expect(delivery.path).toBe(ROCKETREACH_WEBHOOK_PATH);
    expect(timingSafeEqual(Buffer.from(String(delivery.headers['x-rocketreach-signature']), 'base64'), expected)).toBe(true);
    expect(results.map((result) => result.id)).toEqual([...people.map((person) => person.profile.id), null, null]);
    expect(results[0]).toMatchObject({ status: 'complete', emails: people[0]!.profile.emails, metadata: { row: people[0]!.index }, profile_list: { name: 'API Bulk Lookup' } });
    expect(results[10]).toMatchObject({ status: 'failed' });
    expect(after.lookupCreditsUsed - before.lookupCreditsUsed).toBe(people.filter((person) => person.chargeable).length);
  });

  it('It should deliver to the webhook a bulk names, under that webhook’s own secret', async () => {
    const hook = await control('webhooks', { url: `${receiverUrl}/own-hook`, secret: 'own-secret' });
    const queries = Array.from({ length: 10 }, () => ({ id: freshPerson(() => true).profile.id }));

    const accepted = await call('/bulkLookup', { method: 'POST', body: JSON.stringify({ queries, webhook_id: hook.id, profile_list: 'Mine' }) });
    const delivery = await eventually(() => received.find((entry) => entry.headers['rr-request-id'] === accepted.headers.get('rr-request-id')), 'the delivery to the named webhook');

    expect(delivery.path).toBe('/own-hook');
    expect(delivery.headers['x-rocketreach-signature']).toBe(createHmac('sha256', 'own-secret').update(delivery.body).digest('base64'));
    expect(JSON.parse(delivery.body)[0].profile_list.name).toBe('Mine');
  });

  it('It should post a single lookup that names a webhook there once it completes, signed', async () => {
    const hook = await control('webhooks', { url: `${receiverUrl}/single-hook`, secret: 'single-secret' });
    const person = freshPerson((candidate) => candidate.pollsToComplete > 0 && candidate.profile.emails.length > 0);

    const first = await call(`${lookupPath(person)}&webhook_id=${hook.id}`);
    const delivery = await eventually(() => received.find((entry) => entry.headers['rr-request-id'] === first.headers.get('rr-request-id')), 'the single lookup delivery');
    const status = await call(`/person/checkStatus?ids=${person.profile.id}`);

    expect(first.body.status).toBe('searching');
    expect(delivery.path).toBe('/single-hook');
    expect(delivery.headers['x-rocketreach-signature']).toBe(createHmac('sha256', 'single-secret').update(delivery.body).digest('base64'));
    expect(JSON.parse(delivery.body)).toMatchObject({ id: person.profile.id, status: 'complete', emails: person.profile.emails });
    expect(status.body[0].status).toBe('complete');
  });

  it('It should search people with RocketReach paging', async () => {
    const answer = await call('/person/search', { method: 'POST', body: JSON.stringify({ query: { current_title: ['VP Sales'] }, start: 1, page_size: 3 }) });
    const total = dataset.people().filter((person) => person.profile.current_title.includes('VP Sales')).length;

    expect(answer.status).toBe(201);
    expect(answer.body.pagination).toEqual({ start: 1, next: 4, total });
    expect(answer.body.profiles).toHaveLength(3);
    expect(answer.body.profiles[0].teaser.emails.length).toBeGreaterThanOrEqual(0);
  });

  it('It should rotate the key through the API so the old one is refused', async () => {
    const rotated = await call('/account/key/', { method: 'POST', body: '{}' });
    const old = await call('/account/');
    const fresh = await call('/account/', { key: rotated.body.api_key });

    expect(old.status).toBe(401);
    expect(fresh.status).toBe(200);
  });

  it('It should answer an injected outage in RocketReach’s error shape with Retry-After, and recover', async () => {
    const knobs = `${base.replace('/api/v2', '')}/__fake/knobs`;
    await fetch(knobs, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outage: true }) });
    const down = await call('/person/checkStatus?ids=1', { key: null });
    await fetch(knobs, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outage: false }) });
    const up = await call('/person/checkStatus?ids=1', { key: null });

    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 503 });
    expect(down.headers.get('retry-after')).toBe('30');
    expect(up.status).toBe(401);
  });
});
