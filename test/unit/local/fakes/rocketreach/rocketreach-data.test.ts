import { describe, expect, it } from 'vitest';
import { FAKE_ROCKETREACH_COMPANY_COUNT, FAKE_ROCKETREACH_PERSON_COUNT, MAX_POLLS_TO_COMPLETE, rocketReachDataset } from '../../../../../lib/local/fakes/rocketreach/index.ts';
import { RocketReachAccount, DEFAULT_ROCKETREACH_SETTINGS } from '../../../../../lib/local/fakes/rocketreach/rocketreach-account.ts';
import { LookupTracker, renderProfile } from '../../../../../lib/local/fakes/rocketreach/rocketreach-lookups.ts';
import { inRange, parseSearchInput, searchCompanies, searchPeople, SearchInputError } from '../../../../../lib/local/fakes/rocketreach/rocketreach-search.ts';
import { parsePersonLookup } from '../../../../../lib/local/fakes/rocketreach/rocketreach-person-input.ts';

const SEED = 'rr-unit';
const dataset = rocketReachDataset(SEED);

describe('the fake RocketReach data set', () => {
  it('It should give the same people and companies for the same seed, and others for another seed', () => {
    const again = rocketReachDataset(SEED);
    const other = rocketReachDataset('another-seed');

    expect(again.person(17)).toEqual(dataset.person(17));
    expect(again.company(42)).toEqual(dataset.company(42));
    expect(other.company(42).name).not.toBe(dataset.company(42).name);
  });

  it('It should hold a few thousand people and distinctly named companies', () => {
    const names = new Set(dataset.companies().map((company) => company.name));

    expect(dataset.people()).toHaveLength(FAKE_ROCKETREACH_PERSON_COUNT);
    expect(FAKE_ROCKETREACH_PERSON_COUNT).toBeGreaterThanOrEqual(3_000);
    expect(names.size).toBe(FAKE_ROCKETREACH_COMPANY_COUNT);
  });

  it('It should give profiles emails with type and grade, phones, job history and a current employer', () => {
    const withPhone = dataset.people().find((person) => person.profile.phones.length > 0 && person.profile.emails.length > 0)!;
    const { profile, employer } = withPhone;

    expect(profile.emails[0]).toMatchObject({ type: 'professional', email: expect.stringContaining(`@${employer.domain}`) });
    expect(['A', 'A-', 'B', 'C', 'F']).toContain(profile.emails[0]!.grade);
    expect(profile.phones[0]!.e164).toMatch(/^\+\d{8,15}$/);
    expect(profile.job_history[0]).toMatchObject({ is_current: true, company_id: employer.id, title: profile.current_title });
    expect(employer.techstack.length).toBeGreaterThan(0);
    expect(employer.num_employees).toBeGreaterThan(0);
  });

  it('It should mix lookups that complete at once with ones that need polls, and some with no contact data', () => {
    const people = dataset.people();

    expect(people.some((person) => person.pollsToComplete === 0)).toBe(true);
    expect(people.some((person) => person.pollsToComplete === MAX_POLLS_TO_COMPLETE)).toBe(true);
    expect(people.some((person) => !person.chargeable)).toBe(true);
    expect(people.filter((person) => !person.chargeable).every((person) => person.profile.emails.length === 0 && person.profile.phones.length === 0)).toBe(true);
  });

  it('It should find a person by LinkedIn URL in any spelling, by email, and by name at employer (name or domain)', () => {
    const person = dataset.person(123);
    const url = person.profile.linkedin_url.replace('https://www.', 'HTTP://').concat('/?trk=x');

    expect(dataset.findPerson({ linkedin_url: url })?.profile.id).toBe(person.profile.id);
    if (person.profile.emails[0]) expect(dataset.findPerson({ email: person.profile.emails[0].email.toUpperCase() })?.profile.id).toBe(person.profile.id);
    const byName = dataset.findPerson({ name: person.profile.name.toLowerCase(), current_employer: person.employer.name })!;
    expect(byName.profile.name).toBe(person.profile.name);
    expect(byName.employer.id).toBe(person.employer.id);
    expect(dataset.findPerson({ name: person.profile.name, current_employer: person.employer.domain })?.profile.id).toBe(byName.profile.id);
    expect(dataset.findPerson({ name: 'Nobody Known', current_employer: person.employer.name })).toBeUndefined();
  });

  it('It should find a company by domain with or without www, by ticker and by id', () => {
    const listed = dataset.companies().find((company) => company.ticker_symbol !== null)!;

    expect(dataset.findCompany({ domain: `https://www.${listed.domain}/about` })?.id).toBe(listed.id);
    expect(dataset.findCompany({ ticker: listed.ticker_symbol!.toLowerCase() })?.id).toBeDefined();
    expect(dataset.findCompany({ id: listed.id })?.name).toBe(listed.name);
    expect(dataset.findCompany({ domain: 'unknown.example' })).toBeUndefined();
  });
});

describe('the fake RocketReach lookups', () => {
  it('It should answer searching, then progress per poll, then complete after the ground truth number of polls', () => {
    const person = dataset.people().find((candidate) => candidate.pollsToComplete === 3)!;
    const tracker = new LookupTracker();

    const statuses = [tracker.start(person), tracker.poll(person.profile.id), tracker.poll(person.profile.id), tracker.poll(person.profile.id), tracker.poll(person.profile.id)];

    expect(statuses).toEqual(['searching', 'progress', 'progress', 'complete', 'complete']);
    expect(tracker.poll(1)).toBe('not queued');
  });

  it('It should withhold contact data until complete, unless cached emails are asked for', () => {
    const person = dataset.people().find((candidate) => candidate.profile.emails.length > 0 && candidate.profile.phones.length > 0)!;

    const pending = renderProfile(person, 'progress');
    const cached = renderProfile(person, 'progress', { returnCachedEmails: true });
    const done = renderProfile(person, 'complete');

    expect(pending).toMatchObject({ status: 'progress', emails: [], phones: [], recommended_email: null });
    expect(cached.emails).toEqual(person.profile.emails);
    expect(cached.phones).toEqual([]);
    expect(done).toMatchObject({ status: 'complete', emails: person.profile.emails, phones: person.profile.phones });
  });

  it('It should refuse a lookup with nothing to identify, a bad email or LinkedIn URL, or a name without employer', () => {
    const answers = [parsePersonLookup({ title: 'CEO' }), parsePersonLookup({ email: 'not-an-email' }), parsePersonLookup({ linkedin_url: 'https://example.com/x' }), parsePersonLookup({ name: 'Ann' })];

    expect(answers.map((answer) => answer.ok)).toEqual([false, false, false, false]);
    expect(answers[1]).toMatchObject({ message: expect.stringContaining('email') });
    expect(answers[2]).toMatchObject({ message: expect.stringContaining('linkedin_url') });
    expect(parsePersonLookup({ name: 'Ann Lee', current_employer: 'Acme', return_cached_emails: 'true' })).toMatchObject({ ok: true, value: { returnCachedEmails: true } });
  });
});

describe('the fake RocketReach search', () => {
  it('It should read ranges as RocketReach writes them', () => {
    expect([inRange(150, '100-500'), inRange(1_000, '1000+'), inRange(4_999, '<5000'), inRange(5_000, '<5000'), inRange(51, '>50')]).toEqual([true, true, true, false, true]);
    expect(() => inRange(1, 'lots')).toThrow(SearchInputError);
  });

  it('It should AND facets and OR values, page from 1, and count the total', () => {
    const input = parseSearchInput({ query: { current_title: ['VP Sales', 'Head of Marketing'], company_country_code: ['US'] }, start: 1, page_size: 5 }, 'person');
    const expected = dataset.people().filter((person) => ['VP Sales', 'Head of Marketing'].includes(person.profile.current_title) && person.employer.address.country_code === 'US');

    const first = searchPeople(dataset.people(), input);
    const second = searchPeople(dataset.people(), { ...input, start: 6 });

    expect(first.pagination.total).toBe(expected.length);
    expect(first.hits.map((person) => person.profile.id)).toEqual(expected.slice(0, 5).map((person) => person.profile.id));
    expect(first.pagination.next).toBe(6);
    expect(second.hits[0]?.profile.id).toBe(expected[5]?.profile.id);
  });

  it('It should filter companies by employees and techstack, and refuse a facet it does not filter on', () => {
    const result = searchCompanies(dataset.companies(), parseSearchInput({ query: { employees: ['1000+'], techstack: ['"WordPress"'] }, page_size: 100 }, 'company'));

    expect(result.hits.every((company) => company.num_employees >= 1_000 && company.techstack.includes('WordPress'))).toBe(true);
    expect(() => parseSearchInput({ query: { intent: ['hiring'] } }, 'company')).toThrow(/query\.intent/);
    expect(() => parseSearchInput({ page_size: 101 }, 'person')).toThrow(/page_size/);
  });
});

describe('the fake RocketReach account', () => {
  it('It should refuse calls past a window with the seconds until it reopens', () => {
    const minuteStart = 60_000 * 16_000_000;
    let now = minuteStart + 30_000;
    const account = new RocketReachAccount(SEED, { ...DEFAULT_ROCKETREACH_SETTINGS, requestsPerSecond: 100, perMinute: { ...DEFAULT_ROCKETREACH_SETTINGS.perMinute, person_lookup: 3 } }, () => now);

    const verdicts = Array.from({ length: 4 }, () => account.admit('person_lookup'));
    now += 31_000;
    const later = account.admit('person_lookup');

    expect(verdicts.map((verdict) => verdict.allowed)).toEqual([true, true, true, false]);
    expect(verdicts[3]!.retryAfterSeconds).toBe(30);
    expect(later.allowed).toBe(true);
  });

  it('It should rotate its key so the old one stops working', () => {
    const account = new RocketReachAccount(SEED, DEFAULT_ROCKETREACH_SETTINGS);
    const before = account.apiKey;

    const after = account.rotateKey();

    expect(after).not.toBe(before);
    expect(account.apiKey).toBe(after);
  });
});
