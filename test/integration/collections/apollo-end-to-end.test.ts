/**
 * Apollo collection end to end: the local cloud with its fake Apollo, the workspace's API key
 * stored through its route, a collection started from a URL, watched over the WebSocket until it
 * completes, and what it stored compared with the fake's ground truth.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APOLLO_INDUSTRIES, APOLLO_SESSIONS_PATH, apolloGroundTruth, FAKE_APOLLO_API_KEY } from '../../../lib/local/fakes/apollo/index.ts';
import { DEFAULT_FAKE_SEED } from '../../../lib/local/options.ts';
import { eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

// Under the fake's own 200 a minute per endpoint, so no 429 is expected; the default (50 a minute)
// would only make the test slower. Handlers in the local cloud read this process's environment.
process.env.PROVIDER_APOLLO_RATE_LIMITS = '150/min,5000/h';
process.env.PROVIDER_APOLLO_APP_RATE_LIMITS = '150/min,5000/h';

const SEED = `${DEFAULT_FAKE_SEED}:apollo`;
const COLLECTION_TIMEOUT_MS = 240_000;
const PAGE_SIZE = 100;

let t: TestCloud;

beforeAll(async () => {
  t = await startTestCloud();
  const key = await t.api('/v1/collections/apollo/api-key', { method: 'PUT', body: { api_key: FAKE_APOLLO_API_KEY } });
  expect(key.status, JSON.stringify(key.body)).toBe(200);
}, 240_000);

afterAll(async () => {
  await t?.stop();
});

type Message = Record<string, any>;

async function watch(jobId: string, key?: string): Promise<{ messages: Message[]; done: Promise<Message>; close: () => void }> {
  const ticket = (await t.api('/v1/ws-tickets', { method: 'POST', ...(key ? { key } : {}) })).body.ticket as string;
  const socket = new WebSocket(`${t.cloud.endpoints.ws}?ticket=${encodeURIComponent(ticket)}`);
  const messages: Message[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ action: 'subscribe', job_id: jobId }));
  const done = eventually(() => messages.find((m) => m.type === 'status' && ['completed', 'failed', 'paused', 'stopped'].includes(m.status)), 'the collection to finish', COLLECTION_TIMEOUT_MS - 20_000).catch(async (error: unknown) => {
    // Say where the job stands, then stop it so the cloud can shut down.
    const job = (await t.api(`/v1/jobs/${jobId}`, key ? { key } : {})).body.job;
    await t.api(`/v1/jobs/${jobId}/stop`, { method: 'POST', ...(key ? { key } : {}) });
    throw new Error(`${String(error)}; the job: ${JSON.stringify({ status: job?.status, step: job?.current_step, result: job?.result, error: job?.error })}`);
  });
  return { messages, done, close: () => socket.close() };
}

/** Every organisation the task collected, through the task-mapping route, page by page. */
async function collectedOrganizations(taskId: string, key?: string): Promise<Record<string, any>[]> {
  const all: Record<string, any>[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await t.api('/v1/collections/records', { body: { task_ids: [taskId], data_type: 'organizations', page, page_size: PAGE_SIZE }, ...(key ? { key } : {}) });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    all.push(...answer.body.results);
    if (answer.body.results.length < PAGE_SIZE) return all;
  }
}

const duplicatesOf = (values: readonly string[]): string[] => values.filter((value, i) => values.indexOf(value) !== i);

/** The people the fake lists for an organisation, in its order. */
const truthPeopleCount = (organizationId: string): number => apolloGroundTruth({ seed: SEED, params: { organization_ids: [organizationId] }, kind: 'people' }).total;

describe('Apollo collection end to end (API key)', () => {
  it('It should collect a narrow two-page search completely, once each, across a pause and resume and the rows Apollo repeats across pages', async () => {
    // Prepare: 135 organisations (137 rows with the repeats) = 2 pages of 100.
    const software = APOLLO_INDUSTRIES.find((industry) => industry.name === 'computer software')!;
    const truth = apolloGroundTruth({ seed: SEED, params: { organization_industry_tag_ids: [software.tagId], organization_locations: ['Colorado'] } });
    const url = `${t.cloud.fakes.find((fake) => fake.name === 'apollo')!.url}/#/companies?organizationIndustryTagIds[]=${software.tagId}&organizationLocations[]=Colorado`;
    // Act
    const created = await t.api('/v1/collections/apollo', { body: { apollo_url: url, task_name: 'Colorado software', include_people: false } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const taskId = created.body.task_id as string;
    // Paused through the jobs routes as soon as it runs (a queued job cannot be paused), then resumed.
    await eventually(async () => (await t.api(`/v1/jobs/${taskId}`)).body.job.status === 'processing', 'the collection to run', 30_000);
    const paused = await t.api(`/v1/jobs/${taskId}/pause`, { method: 'POST' });
    expect(paused.status, JSON.stringify(paused.body)).toBe(200);
    expect((await t.api(`/v1/jobs/${taskId}`)).body.job.status).toBe('paused');
    const resumed = await t.api(`/v1/jobs/${taskId}/resume`, { method: 'POST' });
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
    const watcher = await watch(taskId);
    const final = await watcher.done;
    watcher.close();
    // Assess
    expect(final, JSON.stringify(final)).toMatchObject({ status: 'completed' });
    const job = (await t.api(`/v1/jobs/${taskId}`)).body.job;
    expect(job.result).toMatchObject({ organizations_saved: truth.total, organizations_found: truth.totalEntries, people_total_added: 0, segments_done: 1, segments_total: 1 });
    const stored = await eventually(async () => {
      const organizations = await collectedOrganizations(taskId);
      return organizations.length >= truth.total ? organizations : undefined;
    }, 'the collected organisations indexed', 30_000);
    const ids = stored.map((organization) => organization.apollo_id as string);
    expect(duplicatesOf(ids)).toEqual([]);
    expect(new Set(ids)).toEqual(new Set(truth.ids));
  }, COLLECTION_TIMEOUT_MS);

  it('It should split a search over the cap by industry, stop at the ceiling exactly, and save each organisation once with its people', async () => {
    // Prepare: every industry listed matches every organisation, over the API's 500 pages of 100.
    const tagIds = APOLLO_INDUSTRIES.map((industry) => industry.tagId);
    const everything = apolloGroundTruth({ seed: SEED, params: { organization_industry_tag_ids: tagIds } });
    expect(everything.totalEntries).toBeGreaterThan(50_000);
    const industriesWithMatches = tagIds.filter((tagId) => apolloGroundTruth({ seed: SEED, params: { organization_industry_tag_ids: [tagId] } }).total > 0);
    const ceiling = 12;
    const peoplePer = 3;
    const query = tagIds.map((tagId) => `organizationIndustryTagIds[]=${tagId}`).join('&');
    const url = `${t.cloud.fakes.find((fake) => fake.name === 'apollo')!.url}/#/companies?${query}`;
    // Act
    const created = await t.api('/v1/collections/apollo', { body: { apollo_url: url, task_name: 'everything, capped', max_organizations: ceiling, people_per_organization: peoplePer } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const taskId = created.body.task_id as string;
    const watcher = await watch(taskId);
    const final = await watcher.done;
    watcher.close();
    // Assess
    expect(final, JSON.stringify(final)).toMatchObject({ status: 'completed' });
    const counters = (await t.api(`/v1/jobs/${taskId}`)).body.job.result;
    expect(counters).toMatchObject({ organizations_saved: ceiling, segments_total: industriesWithMatches.length });
    const stored = await eventually(async () => {
      const organizations = await collectedOrganizations(taskId);
      return organizations.length >= ceiling ? organizations : undefined;
    }, 'the collected organisations indexed', 30_000);
    const ids = stored.map((organization) => organization.apollo_id as string);
    expect(duplicatesOf(ids)).toEqual([]);
    expect(ids).toHaveLength(ceiling);
    const everyId = new Set(everything.ids);
    expect(ids.filter((id) => !everyId.has(id))).toEqual([]);
    const expectedPeople = stored.map((organization) => Math.min(peoplePer, truthPeopleCount(organization.apollo_id as string)));
    expect(stored.map((organization) => (organization.people as unknown[]).length)).toEqual(expectedPeople);
    expect(counters.people_total_added).toBe(expectedPeople.reduce((sum, n) => sum + n, 0));
  }, COLLECTION_TIMEOUT_MS);
});

describe('Apollo collection end to end (browser session in Chromium)', () => {
  it("It should collect a two-page search through the fake app's internal endpoints with a pasted session, people included", async () => {
    // Prepare: workspace B has no API key, so its pasted session is its source; 36 organisations = 2 app pages of 25.
    const fakeUrl = t.cloud.fakes.find((fake) => fake.name === 'apollo')!.url;
    const telecom = APOLLO_INDUSTRIES.find((industry) => industry.name === 'telecommunications')!;
    const truth = apolloGroundTruth({ seed: SEED, params: { organization_industry_tag_ids: [telecom.tagId], organization_locations: ['Colorado'] } });
    const cookies = await (await fetch(`${fakeUrl}${APOLLO_SESSIONS_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
    const session = await t.api('/v1/collections/apollo/session', { method: 'PUT', body: cookies, key: t.keys.b });
    expect(session.status, JSON.stringify(session.body)).toBe(200);
    expect(session.body.source).toBe('browser_session');
    const peoplePer = 2;
    // Act
    const created = await t.api('/v1/collections/apollo', {
      key: t.keys.b,
      body: { apollo_url: `${fakeUrl}/#/companies?organizationIndustryTagIds[]=${telecom.tagId}&organizationLocations[]=Colorado`, task_name: 'Colorado telecom (session)', people_per_organization: peoplePer },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const taskId = created.body.task_id as string;
    const watcher = await watch(taskId, t.keys.b);
    const final = await watcher.done;
    watcher.close();
    // Assess
    expect(final, JSON.stringify(final)).toMatchObject({ status: 'completed' });
    const stored = await eventually(async () => {
      const organizations = await collectedOrganizations(taskId, t.keys.b);
      return organizations.length >= truth.total ? organizations : undefined;
    }, 'the collected organisations indexed', 30_000);
    const ids = stored.map((organization) => organization.apollo_id as string);
    expect(duplicatesOf(ids)).toEqual([]);
    expect(new Set(ids)).toEqual(new Set(truth.ids));
    const expectedPeople = stored.map((organization) => Math.min(peoplePer, truthPeopleCount(organization.apollo_id as string)));
    expect(stored.map((organization) => (organization.people as unknown[]).length)).toEqual(expectedPeople);
    const result = (await t.api(`/v1/jobs/${taskId}`, { key: t.keys.b })).body.job.result;
    expect(result).toMatchObject({ state: 'completed_with_people', organizations_saved: truth.total, people_total_added: expectedPeople.reduce((sum, n) => sum + n, 0), segments_done: 1, segments_total: 1 });
    const fromA = await t.api('/v1/collections/records', { body: { task_ids: [taskId], data_type: 'organizations' } });
    expect([fromA.status, fromA.body.error?.code]).toEqual([404, 'ERR_NOT_FOUND']);
  }, COLLECTION_TIMEOUT_MS);
});
