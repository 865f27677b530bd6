/**
 * The fake RocketReach's API v2 endpoints, each a function from a request to an answer so unit
 * tests can call them without a socket. Paths and parameters follow RocketReach's API reference.
 */
import { RATE_FAMILIES, type RateFamily } from './rocketreach-account.ts';
import { bulkLookup } from './rocketreach-bulk.ts';
import { renderProfile, renderProfileWithCompany, renderSearchHit } from './rocketreach-lookups.ts';
import type { FakePerson } from './rocketreach-people.ts';
import { parsePersonLookup, queryRecord } from './rocketreach-person-input.ts';
import { parseSearchInput, renderCompanyHit, searchCompanies, searchPeople, SearchInputError } from './rocketreach-search.ts';
import {
  chargeCompany, chargeLookup, companyCost, CREDITS_EXHAUSTED_STATUS, lookupCost, OUT_OF_COMPANY_CREDITS, OUT_OF_LOOKUP_CREDITS, rrError,
  type Answer, type ApiRequest, type RocketReachState,
} from './rocketreach-state.ts';

/** The most profile ids one status poll may ask about. */
export const MAX_STATUS_IDS = 100;
const PROFILE_NOT_FOUND = 'Profile not found.';
const SINGLE_LOOKUP_LIST = 'API Lookups';
const SINGLE_LOOKUP_LIST_ID = 999;

function personLookup(state: RocketReachState, request: ApiRequest, withCompany: boolean): Answer {
  const parsed = parsePersonLookup(queryRecord(request.query));
  if (!parsed.ok) return rrError(400, parsed.message);
  const { match, returnCachedEmails, metadata, webhookId } = parsed.value;
  if (webhookId !== undefined && !state.webhooks.find(webhookId)) return rrError(400, `webhook_id: No webhook with id ${webhookId}.`);
  const person = Object.keys(match).length > 0 ? state.dataset.findPerson(match) : undefined;
  if (!person) return rrError(404, PROFILE_NOT_FOUND);
  const cost = lookupCost(state, person);
  if (cost > state.account.remaining('lookup')) return rrError(CREDITS_EXHAUSTED_STATUS, OUT_OF_LOOKUP_CREDITS);
  if (withCompany && companyCost(state, person.employer.id) > state.account.remaining('company')) return rrError(CREDITS_EXHAUSTED_STATUS, OUT_OF_COMPANY_CREDITS);
  chargeLookup(state, person);
  if (withCompany) chargeCompany(state, person.employer.id);
  const status = state.lookups.start(person);
  const options = { returnCachedEmails, ...(metadata !== undefined ? { metadata } : {}) };
  const body = withCompany ? renderProfileWithCompany(person, status, options) : renderProfile(person, status, options);
  const requestId = state.requestId();
  if (webhookId !== undefined) deliverWhenComplete(state, person, webhookId, requestId, metadata);
  return { status: 200, body, headers: { 'rr-request-id': requestId } };
}

/**
 * A lookup naming `webhook_id` also gets its complete result posted there, so a client need not
 * poll. The fake's starting webhook is enabled for bulk lookups only: a single lookup is
 * delivered only when it names a webhook.
 */
function deliverWhenComplete(state: RocketReachState, person: FakePerson, webhookId: number, requestId: string, metadata: unknown): void {
  const webhook = state.webhooks.find(webhookId)!;
  state.later(state.account.settings.bulkDelayMs, async () => {
    state.lookups.complete(person.profile.id);
    const profileList = { id: SINGLE_LOOKUP_LIST_ID, name: SINGLE_LOOKUP_LIST };
    await state.webhooks.deliver(webhook, requestId, renderProfile(person, 'complete', { profileList, ...(metadata !== undefined ? { metadata } : {}) }));
  });
}

/** `ids` as RocketReach's clients send it: repeated (`ids=1&ids=2`), comma-joined, or `ids[]`. */
function statusIds(query: URLSearchParams): number[] | string {
  const raw = [...query.getAll('ids'), ...query.getAll('ids[]')].flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  if (raw.length === 0) return 'ids: This field is required.';
  if (raw.length > MAX_STATUS_IDS) return `ids: Ensure this field has no more than ${MAX_STATUS_IDS} elements.`;
  if (raw.some((value) => !/^\d+$/.test(value))) return 'ids: A valid integer is required.';
  return raw.map(Number);
}

/** Polling is free; each poll moves a pending lookup one step towards complete. */
function checkStatus(state: RocketReachState, request: ApiRequest): Answer {
  const ids = statusIds(request.query);
  if (typeof ids === 'string') return rrError(400, ids);
  const body = ids.map((id) => {
    const person = state.dataset.personById(id);
    const status = state.lookups.poll(id);
    return person && status !== 'not queued' ? renderProfile(person, status) : { id, status: 'not queued' };
  });
  return { status: 200, body };
}

function personSearch(state: RocketReachState, request: ApiRequest): Answer {
  try {
    const result = searchPeople(state.dataset.people(), parseSearchInput(request.body ?? {}, 'person'));
    return { status: 201, body: { profiles: result.hits.map((person) => renderSearchHit(person, state.lookups.status(person.profile.id))), pagination: result.pagination } };
  } catch (error) {
    if (error instanceof SearchInputError) return rrError(400, error.message);
    throw error;
  }
}

function companySearch(state: RocketReachState, request: ApiRequest): Answer {
  try {
    const result = searchCompanies(state.dataset.companies(), parseSearchInput(request.body ?? {}, 'company'));
    return { status: 201, body: { companies: result.hits.map(renderCompanyHit), pagination: result.pagination } };
  } catch (error) {
    if (error instanceof SearchInputError) return rrError(400, error.message);
    throw error;
  }
}

function companyLookup(state: RocketReachState, request: ApiRequest): Answer {
  const query = queryRecord(request.query);
  const id = query.id?.trim();
  if (id !== undefined && !/^\d+$/.test(id)) return rrError(400, 'id: A valid integer is required.');
  const match = {
    ...(id ? { id: Number(id) } : {}),
    ...(query.domain?.trim() ? { domain: query.domain } : {}),
    ...(query.linkedin_url?.trim() ? { linkedin_url: query.linkedin_url } : {}),
    ...(query.name?.trim() ? { name: query.name } : {}),
    ...(query.ticker?.trim() ? { ticker: query.ticker } : {}),
  };
  if (Object.keys(match).length === 0) return rrError(400, 'Must specify at least one of: id, domain, linkedin_url, name or ticker.');
  const company = state.dataset.findCompany(match);
  if (!company) return rrError(404, 'Company not found.');
  if (companyCost(state, company.id) > state.account.remaining('company')) return rrError(CREDITS_EXHAUSTED_STATUS, OUT_OF_COMPANY_CREDITS);
  chargeCompany(state, company.id);
  return { status: 200, body: company };
}

function account(state: RocketReachState): Answer {
  const { settings, usage } = state.account;
  const rateLimits = RATE_FAMILIES.flatMap((family) =>
    (['minute', 'hour'] as const).map((span) => {
      const limit = span === 'minute' ? settings.perMinute[family] : settings.perHour[family];
      const used = state.account.windowUse(family, span);
      return { action: family, duration: span, limit, used, remaining: Math.max(0, limit - used) };
    }),
  );
  return {
    status: 200,
    body: {
      id: 5_551_001,
      first_name: 'Leadstack',
      last_name: 'Fake',
      email: 'api@leadstack.example',
      state: 'registered',
      plan: { id: 3, name: 'Ultimate', lookup_limit: settings.lookupCredits, export_limit: settings.companyCredits },
      credit_usage: [
        { credit_type: 'lookup', allocated: settings.lookupCredits, used: usage.lookupCreditsUsed, remaining: Math.max(0, state.account.remaining('lookup')) },
        { credit_type: 'company', allocated: settings.companyCredits, used: usage.companyCreditsUsed, remaining: Math.max(0, state.account.remaining('company')) },
      ],
      rate_limits: rateLimits,
    },
  };
}

interface Route {
  readonly method: 'GET' | 'POST';
  readonly paths: readonly string[];
  readonly family?: RateFamily;
  readonly handle: (state: RocketReachState, request: ApiRequest) => Answer | Promise<Answer>;
}

export const ROUTES: readonly Route[] = [
  { method: 'GET', paths: ['/account', '/account/'], handle: account },
  { method: 'POST', paths: ['/account/key', '/account/key/'], handle: (state) => ({ status: 200, body: { api_key: state.account.rotateKey() } }) },
  { method: 'GET', paths: ['/person/lookup'], family: 'person_lookup', handle: (state, request) => personLookup(state, request, false) },
  { method: 'GET', paths: ['/profile-company/lookup'], family: 'person_lookup', handle: (state, request) => personLookup(state, request, true) },
  { method: 'GET', paths: ['/person/checkStatus'], handle: checkStatus },
  { method: 'POST', paths: ['/person/search'], family: 'person_search', handle: personSearch },
  { method: 'GET', paths: ['/company/lookup', '/company/lookup/'], family: 'person_lookup', handle: companyLookup },
  { method: 'POST', paths: ['/searchCompany'], family: 'company_search', handle: companySearch },
  { method: 'POST', paths: ['/bulkLookup'], family: 'bulk_lookup', handle: bulkLookup },
];

export const findRoute = (method: string, path: string): Route | undefined => ROUTES.find((route) => route.method === method && route.paths.includes(path));
export const pathExists = (path: string): boolean => ROUTES.some((route) => route.paths.includes(path));
