import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APOLLO_SESSIONS_PATH, FAKE_APOLLO_API_KEY, FAKE_APOLLO_UNSCOPED_API_KEY, apolloGroundTruth, fakeApollo } from '../../../lib/local/fakes/apollo/index.ts';
import type { FakeKnobs } from '../../../lib/local/fakes/fake-provider.ts';
import { startFakes, type StartedFakes } from '../../../lib/local/fakes/start-fakes.ts';
import { createLog } from '../../../lib/local/log.ts';

const SEED = 'apollo-it';
const stops: (() => Promise<void>)[] = [];
let started: StartedFakes;
let base = '';

beforeAll(async () => {
  started = await startFakes(
    { providers: [fakeApollo], portBase: 0, seed: SEED, knobs: { apollo: { repeatEvery: 0 } as Partial<FakeKnobs> }, providerUrls: {}, allowHosts: [] },
    (stop) => stops.push(stop),
    createLog(true),
  );
  base = started.env.PROVIDER_APOLLO_BASE_URL ?? '';
});
afterAll(async () => {
  await Promise.all(stops.map((stop) => stop()));
});

/** The frame seeds each fake with `<seed>:<name>`. */
const FAKE_SEED = `${SEED}:apollo`;
const knobs = async (change: Record<string, unknown>) => {
  const response = await fetch(`${base}/__fake/knobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change) });
  expect(response.status).toBe(200);
};
const post = async (path: string, body: unknown, headers: Record<string, string> = { 'x-api-key': FAKE_APOLLO_API_KEY }) => {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  let json: any;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: response.status, headers: response.headers, text, json };
};
const session = async () => {
  const cookies = (await post(APOLLO_SESSIONS_PATH, {}, {})).json as { name: string; value: string; domain: string }[];
  return {
    cookies,
    cookie: cookies.map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join('; '),
    csrf: cookies.find((c) => c.name === 'X-CSRF-TOKEN')!.value,
  };
};

describe('the fake Apollo through the fakes frame', () => {
  it('It should be started by the frame as provider apollo, with its base URL in the handler environment', () => {
    expect(started.fakes.map((fake) => fake.name)).toEqual(['apollo']);
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(started.env.OUTBOUND_ALLOW_HOSTS).toBe(new URL(base).host);
  });

  it('It should page Organization Search with the API key (header name in any case) exactly over the ground truth', async () => {
    const params = { organization_locations: ['texas'], organization_num_employees_ranges: ['11,200'] };
    const truth = apolloGroundTruth({ seed: FAKE_SEED, params, repeatEvery: 0 });
    const ids: string[] = [];
    let answer = await post('/api/v1/mixed_companies/search', { ...params, page: 1, per_page: 100 }, { 'X-Api-Key': FAKE_APOLLO_API_KEY });
    for (let page = 2; answer.json.organizations.length > 0; page += 1) {
      ids.push(...answer.json.organizations.map((org: { id: string }) => org.id));
      answer = await post('/api/v1/mixed_companies/search', { ...params, page, per_page: 100 });
    }

    expect(truth.total).toBeGreaterThan(100);
    expect(answer.json.pagination).toEqual({ page: Math.ceil(truth.total / 100) + 1, per_page: 100, total_entries: truth.total, total_pages: Math.ceil(truth.total / 100) });
    expect(ids).toEqual(truth.ids);
    expect(answer.headers.get('x-rate-limit-minute')).toBe('200');
  });

  it('It should answer 401 in plain text without a key or with a wrong one, and 403 for a key without the scope', async () => {
    const none = await post('/api/v1/mixed_companies/search', {}, {});
    const wrong = await post('/api/v1/mixed_companies/search', {}, { 'x-api-key': 'nope' });
    const unscoped = await post('/api/v1/mixed_people/api_search', {}, { 'x-api-key': FAKE_APOLLO_UNSCOPED_API_KEY });

    expect(none.status).toBe(401);
    expect(none.text).toMatch(/^Invalid API key/);
    expect(wrong.status).toBe(401);
    expect(unscoped.status).toBe(403);
    expect(unscoped.json).toEqual({ error: expect.stringContaining('api/v1/mixed_people/api_search'), error_code: 'API_INACCESSIBLE' });
  });

  it('It should serve the internal search to a session with its CSRF token, 25 a page, and refuse it without the token', async () => {
    const { cookies, cookie, csrf } = await session();
    const inside = await post('/api/v1/mixed_people/search', { organization_locations: ['california'], person_seniorities: ['vp'], page: 2, per_page: 100 }, { cookie, 'x-csrf-token': csrf });
    const noToken = await post('/api/v1/mixed_companies/search', {}, { cookie });
    const truth = apolloGroundTruth({ seed: FAKE_SEED, kind: 'people', params: { organization_locations: ['california'], person_seniorities: ['vp'] }, repeatEvery: 0 });

    expect(cookies.every((c) => c.domain === '127.0.0.1')).toBe(true);
    expect(inside.status).toBe(200);
    expect(inside.json.pagination).toEqual({ page: 2, per_page: 25, total_entries: truth.total, total_pages: Math.ceil(truth.total / 25) });
    expect(inside.json.people.map((p: { id: string }) => p.id)).toEqual(truth.ids.slice(25, 50));
    expect(inside.json.people[0]).toEqual(expect.objectContaining({ seniority: 'vp', email: expect.any(String), employment_history: expect.any(Array) }));
    expect(noToken.status).toBe(403);
  });

  it('It should answer 401 once the session is older than the TTL knob', async () => {
    const { cookie, csrf } = await session();
    await knobs({ sessionTtlSeconds: 0 });
    const expired = await post('/api/v1/mixed_companies/search', {}, { cookie, 'x-csrf-token': csrf });
    await knobs({ sessionTtlSeconds: 86_400 });

    expect(expired.status).toBe(401);
    expect(expired.json).toEqual({ error: expect.any(String) });
  });

  it('It should answer 429 with retry-after past the per-minute knob, and not before', async () => {
    await knobs({ ratePerMinute: 3 });
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof post>> | undefined;
    for (let call = 0; call < 4; call += 1) {
      const answer = await post('/api/v1/mixed_companies/search', { per_page: 1 });
      statuses.push(answer.status);
      if (answer.status === 429) refused = answer;
    }
    await knobs({ ratePerMinute: 200 });

    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused?.json.message).toContain('3 times per minute');
  });

  it('It should answer 422 "Value too long" when one filter carries more values than the knob allows', async () => {
    await knobs({ maxFilterValues: 5 });
    const tooMany = await post('/api/v1/mixed_people/search', { person_titles: ['a', 'b', 'c', 'd', 'e', 'f'] });
    const fine = await post('/api/v1/mixed_people/search', { person_titles: ['a', 'b', 'c', 'd', 'e'], per_page: 1 });
    await knobs({ maxFilterValues: 100 });

    expect(tooMany.status).toBe(422);
    expect(tooMany.json).toEqual({ error: 'Value too long' });
    expect(fine.status).toBe(200);
  });

  it('It should answer 500 for the error-rate share, and repeat rows across pages when asked', async () => {
    await knobs({ errorRate: 1 });
    const failed = await post('/api/v1/mixed_companies/search', {});
    await knobs({ errorRate: 0, repeatEvery: 10 });
    const first = await post('/api/v1/mixed_companies/search', { organization_locations: ['ohio'], page: 1, per_page: 10 });
    const second = await post('/api/v1/mixed_companies/search', { organization_locations: ['ohio'], page: 2, per_page: 10 });
    await knobs({ repeatEvery: 0 });
    const firstIds = first.json.organizations.map((org: { id: string }) => org.id);

    expect(failed.status).toBe(500);
    expect(second.json.organizations.filter((org: { id: string }) => firstIds.includes(org.id))).toHaveLength(1);
  });

  it('It should enrich a person found by People Search through People Enrichment', async () => {
    const found = (await post('/api/v1/mixed_people/search', { person_titles: ['head of sales'], per_page: 1 })).json.people[0];
    const matched = await post('/api/v1/people/match', { first_name: found.first_name, last_name: found.last_name, organization_name: found.organization.name });
    const apiSearch = await post('/api/v1/mixed_people/api_search', { person_titles: ['head of sales'], per_page: 1 });

    expect(matched.status).toBe(200);
    expect(matched.json.person).toEqual(expect.objectContaining({ id: found.id, email: found.email, organization: expect.objectContaining({ id: found.organization_id }) }));
    expect(apiSearch.json.people[0]).toEqual(expect.objectContaining({ id: found.id, last_name_obfuscated: expect.stringContaining('***') }));
    expect(apiSearch.json.people[0].email).toBeUndefined();
  });
});
