/**
 * The lookups routes against the local cloud's own fake RocketReach (not the minimal stub):
 * the adapter and the fake were both built from RocketReach's public docs, so this is where
 * their disagreements show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_ROCKETREACH_API_KEY, rocketReachDataset, type FakePerson } from '../../../lib/local/fakes/rocketreach/index.ts';
import { DEFAULT_FAKE_SEED } from '../../../lib/local/options.ts';
import { startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

/** Seconds into a minute after which the fake's per-minute Retry-After is at most a few seconds. */
const LATE_SECOND = 54;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const msUntilSecondOfMinute = (second: number): number => {
  const intoMinute = Date.now() % 60_000;
  return (second * 1_000 - intoMinute + 60_000) % 60_000;
};

let t: TestCloud;
let fakeUrl: string;
const dataset = rocketReachDataset(`${DEFAULT_FAKE_SEED}:rocketreach`);

/** The first chargeable people of the fake's ground truth that answer at once, and after polls. */
const pick = (wanted: (person: FakePerson) => boolean, skip: readonly FakePerson[] = []): FakePerson =>
  dataset.people().find((person) => person.chargeable && person.profile.emails.length > 0 && wanted(person) && !skip.some((other) => other.employer.id === person.employer.id))!;
/** The person the README's example looks up (index 2 of the default seed: Samuel Sato at Vector Software Group). */
const readmePerson = dataset.person(2);
const quick = pick((person) => person.pollsToComplete === 0, [readmePerson]);
const slow = pick((person) => person.pollsToComplete >= 2, [readmePerson, quick]);
const third = pick((person) => person.pollsToComplete === 0, [readmePerson, quick, slow]);
const fourth = pick((person) => person.pollsToComplete === 0, [readmePerson, quick, slow, third]);
/** Lookup credits the fake had spent before workspace A's own calls. */
let baseline = 0;

const fake = async (path: string, body?: unknown): Promise<any> => {
  const response = await fetch(`${fakeUrl}/__fake/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.json();
};

const personQuery = (person: FakePerson): string => `name=${encodeURIComponent(person.profile.name)}&current_employer=${encodeURIComponent(person.profile.current_employer)}`;

beforeAll(async () => {
  t = await startTestCloud();
  fakeUrl = t.cloud.fakes.find((started) => started.name === 'rocketreach')!.url;
}, 240_000);

afterAll(async () => {
  await t?.stop();
});

describe('RocketReach lookups against the fake RocketReach', () => {
  it('It should run the README example with the fake\'s default key, for a workspace that set no key of its own', async () => {
    const answer = await t.api('/v1/lookups/person?name=Samuel%20Sato&current_employer=Vector%20Software%20Group', { key: t.keys.b });
    const usage = await t.api('/v1/lookups/usage', { key: t.keys.b });
    baseline = (await fake('usage')).lookupCreditsUsed;

    expect(t.cloud.env.ROCKETREACH_DEFAULT_API_KEY).toBe(FAKE_ROCKETREACH_API_KEY);
    expect([readmePerson.profile.name, readmePerson.profile.current_employer]).toEqual(['Samuel Sato', 'Vector Software Group']);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'complete', cached: false, credits: 1, lookup_id: String(readmePerson.profile.id) });
    expect(answer.body.person.emails.map((email: { email: string }) => email.email)).toEqual(readmePerson.profile.emails.map((email) => email.email));
    expect(usage.body.usage.credits).toMatchObject({ total: 1, by_operation: { person_lookup: 1 } });
    expect(baseline).toBe(1);
  });

  it('It should accept the fake key through the key route and answer the fake account', async () => {
    const rotated = await t.api('/v1/lookups/account/key', { body: { api_key: FAKE_ROCKETREACH_API_KEY } });
    const account = await t.api('/v1/lookups/account');

    expect(rotated.status).toBe(200);
    expect(account.status).toBe(200);
    expect(account.body.account).toMatchObject({ plan: 'Ultimate', credits_used: baseline, credits_remaining: 10_000 - baseline });
  });

  it('It should look up a person that completes at once, and answer the repeat from the cache for no second credit', async () => {
    const first = await t.api(`/v1/lookups/person?${personQuery(quick)}`);
    const again = await t.api(`/v1/lookups/person?${personQuery(quick)}`);
    const usage = await fake('usage');

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'complete', cached: false, credits: 1, lookup_id: String(quick.profile.id) });
    expect(first.body.person.emails.map((email: { email: string }) => email.email)).toEqual(quick.profile.emails.map((email) => email.email));
    expect(first.body.stored.contact_uuid).toEqual(expect.any(String));
    expect(again.body).toMatchObject({ cached: true, credits: 0, lookup_id: String(quick.profile.id) });
    expect(usage.lookupCreditsUsed).toBe(baseline + 1);
  });

  it('It should poll a lookup that the fake completes only after a few status checks', async () => {
    const answer = await t.api(`/v1/lookups/person?${personQuery(slow)}`);
    const status = await t.api(`/v1/lookups/${slow.profile.id}/status`);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'complete', lookup_id: String(slow.profile.id) });
    expect(answer.body.person.emails.length).toBe(slow.profile.emails.length);
    expect([status.status, status.body.status]).toEqual([200, 'complete']);
  });

  it('It should look a company up by its domain', async () => {
    const answer = await t.api(`/v1/lookups/company?domain=${encodeURIComponent(quick.employer.domain)}`);

    expect(answer.status).toBe(200);
    expect(answer.body.company).toMatchObject({ id: String(quick.employer.id), name: quick.employer.name, domain: quick.employer.domain });
    expect(answer.body.stored.company_uuid).toEqual(expect.any(String));
  });

  it('It should search people at an employer and find the person looked up', async () => {
    const answer = await t.api('/v1/lookups/person/search', { body: { current_employer: quick.profile.current_employer, size: 25 } });

    expect(answer.status).toBe(200);
    expect(answer.body.total).toBeGreaterThanOrEqual(1);
    expect(answer.body.people.map((person: { id: string }) => person.id)).toContain(String(quick.profile.id));
  });

  it('It should search companies by name and find the employer', async () => {
    const answer = await t.api('/v1/lookups/company/search', { body: { name: quick.employer.name, size: 10 } });

    expect(answer.status).toBe(200);
    expect(answer.body.companies.map((company: { id: string }) => company.id)).toContain(String(quick.employer.id));
  });

  it('It should search companies by a floor-only employee range and a founding-year window, in ranges the fake accepts', async () => {
    const answer = await t.api('/v1/lookups/company/search', { body: { employees_min: 1_000, founded_after: 1990, founded_before: 2005, size: 25 } });
    const expected = dataset.companies().filter((company) => company.num_employees >= 1_000 && company.year_founded >= 1990 && company.year_founded <= 2005);

    expect(answer.status).toBe(200);
    expect(expected.length).toBeGreaterThan(0);
    expect(answer.body.total).toBe(expected.length);
    expect(answer.body.companies.map((company: { id: string }) => company.id)).toEqual(expected.slice(0, 25).map((company) => String(company.id)));
    expect(answer.body.companies[0].industry).toEqual(expect.any(String));
  });

  it('It should look up a person and their company in one call', async () => {
    const answer = await t.api(`/v1/lookups/profile-company?${personQuery(third)}`);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'complete', lookup_id: String(third.profile.id) });
    expect(answer.body.company).toMatchObject({ id: String(third.employer.id), name: third.employer.name });
  });

  it('It should report usage from the ledger and the account after those calls', async () => {
    const usage = await t.api('/v1/lookups/usage');
    const account = await fake('usage');

    expect(usage.status).toBe(200);
    expect(usage.body.usage.credits.by_operation).toMatchObject({ person_lookup: 2, company_lookup: 1, profile_company_lookup: 1 });
    expect(account.lookupCreditsUsed).toBe(baseline + 3);
  });

  it('It should pass on RocketReach\'s refusal of a name without current_employer as a 400 that names the rule, spending nothing', async () => {
    const before = await fake('usage');
    const answer = await t.api(`/v1/lookups/person?name=${encodeURIComponent(fourth.profile.name)}`);
    const after = await fake('usage');

    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('ERR_VALIDATION');
    expect(answer.body.error.message).toContain('current_employer');
    expect(after.lookupCreditsUsed).toBe(before.lookupCreditsUsed);
  });

  it('It should wait out the fake\'s per-minute 429 + Retry-After and then answer, with no 429 surfacing', async () => {
    // The fake's windows are clock minutes and our in-call wait is bounded (RATE_LIMIT_MAX_WAIT_MS),
    // so the window is filled just before a minute ends: its Retry-After then fits the wait.
    await sleep(msUntilSecondOfMinute(LATE_SECOND));
    await fake('settings', { perMinute: { company_search: 1 } });
    const filler = await fetch(`${fakeUrl}/api/v2/searchCompany`, { method: 'POST', headers: { 'api-key': FAKE_ROCKETREACH_API_KEY, 'content-type': 'application/json' }, body: JSON.stringify({ query: { name: ['x'] } }) });
    const before = await fake('usage');
    const answer = await t.api('/v1/lookups/company/search', { body: { industry: quick.employer.industry, size: 5 } });
    const after = await fake('usage');
    await fake('settings', { perMinute: { company_search: 60 } });

    expect([201, 429]).toContain(filler.status);
    expect(answer.status).toBe(200);
    expect(answer.body.companies.length).toBeGreaterThan(0);
    expect(after.rateLimited).toBeGreaterThan(before.rateLimited);
  }, 120_000);

  it('It should answer ERR_PROVIDER_CREDITS once the fake account runs out of lookup credits', async () => {
    const { lookupCreditsUsed } = await fake('usage');
    await fake('settings', { lookupCredits: lookupCreditsUsed });

    const answer = await t.api(`/v1/lookups/person?${personQuery(fourth)}`);

    expect(answer.status).toBe(402);
    expect(answer.body.error.code).toBe('ERR_PROVIDER_CREDITS');
  });
});
