/**
 * `POST /bulkLookup`: 10 to 100 person lookups at once, answered at once with an `RR-Request-ID`
 * and delivered later, complete, to a webhook (the one `webhook_id` names, else the account's
 * top-most enabled one) as a list with one result per query, in query order. Every query that
 * returns contact data costs a lookup credit, charged when the request is accepted; a request
 * the balance cannot cover is refused whole.
 */
import { renderProfile } from './rocketreach-lookups.ts';
import type { FakePerson } from './rocketreach-people.ts';
import { parsePersonLookup, type PersonLookupInput } from './rocketreach-person-input.ts';
import { chargeLookup, CREDITS_EXHAUSTED_STATUS, lookupCost, OUT_OF_LOOKUP_CREDITS, rrError, type Answer, type ApiRequest, type RocketReachState } from './rocketreach-state.ts';

export const MIN_BULK_LOOKUPS = 10;
export const MAX_BULK_LOOKUPS = 100;
export const DEFAULT_PROFILE_LIST = 'API Bulk Lookup';
/** The profile list the fake files bulk results under (RocketReach gives each list an integer id). */
const PROFILE_LIST_ID = 1000;

interface BulkQuery {
  readonly input: PersonLookupInput;
  readonly person: FakePerson | undefined;
}

function parseQueries(state: RocketReachState, raw: unknown): BulkQuery[] | Answer {
  if (!Array.isArray(raw) || raw.length < MIN_BULK_LOOKUPS || raw.length > MAX_BULK_LOOKUPS) {
    return rrError(400, `queries: Provide between ${MIN_BULK_LOOKUPS} and ${MAX_BULK_LOOKUPS} lookups.`);
  }
  const queries: BulkQuery[] = [];
  for (const [index, entry] of raw.entries()) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return rrError(400, `queries[${index}]: Must be an object.`);
    const parsed = parsePersonLookup(entry as Record<string, unknown>);
    if (!parsed.ok) return rrError(400, `queries[${index}]: ${parsed.message}`);
    const { match } = parsed.value;
    queries.push({ input: parsed.value, person: Object.keys(match).length > 0 ? state.dataset.findPerson(match) : undefined });
  }
  return queries;
}

/** What the balance must cover: each query's cost, counting a profile once when repeats are free. */
function totalCost(state: RocketReachState, queries: readonly BulkQuery[]): number {
  const seen = new Set<number>();
  let cost = 0;
  for (const { person } of queries) {
    if (!person) continue;
    const repeatInBatch = seen.has(person.profile.id) && !state.account.settings.chargeRepeatLookups;
    seen.add(person.profile.id);
    if (!repeatInBatch) cost += lookupCost(state, person);
  }
  return cost;
}

function results(queries: readonly BulkQuery[], profileList: { id: number; name: string }): unknown[] {
  return queries.map(({ input, person }) => {
    const metadata = input.metadata !== undefined ? { metadata: input.metadata } : {};
    if (!person) return { id: input.match.id ?? null, status: 'failed', message: 'Profile not found.', profile_list: profileList, ...metadata };
    return renderProfile(person, 'complete', { profileList, ...metadata });
  });
}

export function bulkLookup(state: RocketReachState, request: ApiRequest): Answer {
  const body = request.body ?? {};
  const queries = parseQueries(state, body.queries);
  if (!Array.isArray(queries)) return queries;
  const webhookId = body.webhook_id === undefined ? undefined : Number(body.webhook_id);
  if (webhookId !== undefined && !Number.isInteger(webhookId)) return rrError(400, 'webhook_id: A valid integer is required.');
  const webhook = state.webhooks.resolve(webhookId);
  if (!webhook) return rrError(400, webhookId === undefined ? 'No enabled webhook: create one in your API settings to receive bulk lookup results.' : `webhook_id: No enabled webhook with id ${webhookId}.`);
  if (totalCost(state, queries) > state.account.remaining('lookup')) return rrError(CREDITS_EXHAUSTED_STATUS, OUT_OF_LOOKUP_CREDITS);
  for (const { person } of queries) if (person) chargeLookup(state, person);
  const requestId = state.requestId();
  const profileList = { id: PROFILE_LIST_ID, name: typeof body.profile_list === 'string' && body.profile_list ? body.profile_list : DEFAULT_PROFILE_LIST };
  state.later(state.account.settings.bulkDelayMs, async () => {
    for (const { person } of queries) if (person) state.lookups.complete(person.profile.id);
    await state.webhooks.deliver(webhook, requestId, results(queries, profileList));
  });
  return { status: 200, body: { request_id: requestId, status: 'queued', lookups: queries.length, webhook_id: webhook.id }, headers: { 'rr-request-id': requestId } };
}
