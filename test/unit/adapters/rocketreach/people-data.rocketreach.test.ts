import { describe, expect, it } from 'vitest';
import { RocketReachPeopleData } from '../../../../functions/adapters/rocketreach/people-data.rocketreach.ts';
import { OutboundRequeueError, type OutboundHttp, type OutboundRequest, type OutboundResponse } from '../../../../functions/ports/outbound-http.port.ts';
import { ProviderError } from '../../../../functions/ports/people-data.port.ts';

const NOW = Date.parse('2026-12-04T12:00:00Z');
const CALL = { apiKey: 'rr-secret-key-123', workspaceId: 'ws-1', userId: 'user-1' };

const response = (status: number, body: unknown, headers: Record<string, string> = {}): OutboundResponse => {
  const bytes = new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body));
  return { status, headers, url: 'https://api.rocketreach.co', body: bytes, attempts: 1, text: () => new TextDecoder().decode(bytes), json: () => JSON.parse(new TextDecoder().decode(bytes)) };
};

/** Answers each request with the next scripted response and keeps what was asked. */
function scripted(...answers: (OutboundResponse | Error)[]): OutboundHttp & { requests: OutboundRequest[] } {
  const requests: OutboundRequest[] = [];
  return {
    requests,
    request: async (request) => {
      requests.push(request);
      const next = answers.shift();
      if (!next) throw new Error('no scripted answer left');
      if (next instanceof Error) throw next;
      return next;
    },
  };
}

const failureOf = async (promise: Promise<unknown>): Promise<ProviderError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
};

describe('RocketReach v2 adapter', () => {
  it('It should send the key in the Api-Key header only, the seed parameters under the provider names, and note one credit', async () => {
    const http = scripted(response(200, { id: 5244, status: 'complete', name: 'Jane Doe', current_employer: 'Acme', emails: [{ email: 'Jane@Acme.com', type: 'professional', grade: 'A' }], phones: [{ number: '+1 555 0100', type: 'mobile', recommended: true }] }));
    const adapter = new RocketReachPeopleData(http, () => NOW);

    const person = await adapter.lookupPerson({ firstName: 'Jane', lastName: 'Doe', employer: 'Acme', linkedinUrl: 'https://linkedin.com/in/jane' }, CALL);

    const [request] = http.requests;
    expect(request!.headers!['api-key']).toBe(CALL.apiKey);
    expect(request!.url).not.toContain(CALL.apiKey);
    const url = new URL(request!.url, 'https://api.rocketreach.co');
    expect(url.pathname).toBe('/api/v2/person/lookup');
    expect(Object.fromEntries(url.searchParams)).toEqual({ name: 'Jane Doe', current_employer: 'Acme', linkedin_url: 'https://linkedin.com/in/jane' });
    expect(request).toMatchObject({ provider: 'rocketreach', operation: 'person_lookup', credits: 1, workspaceId: 'ws-1', caller: 'user-1' });
    expect(person).toMatchObject({ id: '5244', status: 'complete', firstName: 'Jane', lastName: 'Doe', emails: [{ email: 'jane@acme.com', type: 'professional', grade: 'A' }], phones: [{ number: '+1 555 0100', type: 'mobile', recommended: true }] });
  });

  it('It should map the asynchronous statuses, spelled as the provider spells them', async () => {
    const http = scripted(response(200, [
      { id: 1, status: 'complete' },
      { id: 2, status: 'progress' },
      { id: 3, status: 'searching' },
      { id: 4, status: 'not queued' },
      { id: 5, status: 'failed' },
      { id: 6, status: 'waiting' },
      { id: 7, status: 'something new' },
    ]));

    const profiles = await new RocketReachPeopleData(http).checkStatus(['1', '2', '3', '4', '5', '6', '7'], CALL);

    expect(profiles.map((p) => p.status)).toEqual(['complete', 'progress', 'searching', 'not_queued', 'failed', 'waiting', 'waiting']);
    expect(new URL(http.requests[0]!.url, 'https://x').searchParams.get('ids')).toBe('1,2,3,4,5,6,7');
    expect(http.requests[0]!.credits).toBe(0);
  });

  it('It should turn 401 into ERR_PROVIDER_AUTH with the body message, 402 and a credits 403 into ERR_PROVIDER_CREDITS', async () => {
    const adapter = new RocketReachPeopleData(scripted(response(401, { status: 401, message: 'Invalid API Key' }), response(402, { detail: 'Payment required' }), response(403, { detail: 'You have exceeded your lookup credits.' }), response(403, { detail: 'Your plan does not allow this endpoint' })));

    const auth = await failureOf(adapter.account(CALL));
    const payment = await failureOf(adapter.account(CALL));
    const exhausted = await failureOf(adapter.account(CALL));
    const forbidden = await failureOf(adapter.account(CALL));

    expect([auth.code, auth.status, auth.message]).toEqual(['ERR_PROVIDER_AUTH', 422, 'rocketreach: Invalid API Key']);
    expect([payment.code, exhausted.code]).toEqual(['ERR_PROVIDER_CREDITS', 'ERR_PROVIDER_CREDITS']);
    expect(forbidden.code).toBe('ERR_PROVIDER_AUTH');
  });

  it('It should carry Retry-After on a 429 that outlived the client retries, and treat a shared-limit requeue alike', async () => {
    const adapter = new RocketReachPeopleData(scripted(response(429, { detail: 'Too many requests' }, { 'retry-after': '7' }), new OutboundRequeueError('rocketreach', 1500)), () => NOW);

    const provider = await failureOf(adapter.lookupCompany({ domain: 'acme.com' }, CALL));
    const shared = await failureOf(adapter.lookupCompany({ domain: 'acme.com' }, CALL));

    expect([provider.code, provider.retryAfterMs, provider.retryAfterSeconds]).toEqual(['ERR_RATE_LIMITED', 7000, 7]);
    expect([shared.code, shared.retryAfterMs]).toEqual(['ERR_RATE_LIMITED', 1500]);
  });

  it('It should answer 404 as ERR_NOT_FOUND, a 5xx or a non-JSON body as ERR_PROVIDER_UNAVAILABLE', async () => {
    const adapter = new RocketReachPeopleData(scripted(response(404, { detail: 'Not found' }), response(503, 'upstream down'), response(200, '<html>oops</html>'), response(200, { name: 'no id' })));

    const codes = [];
    for (let i = 0; i < 4; i += 1) codes.push((await failureOf(adapter.lookupPerson({ name: 'Jane Doe' }, CALL))).code);

    expect(codes).toEqual(['ERR_NOT_FOUND', 'ERR_PROVIDER_UNAVAILABLE', 'ERR_PROVIDER_UNAVAILABLE', 'ERR_PROVIDER_UNAVAILABLE']);
  });

  it('It should page searches from 1 at the provider and from 0 in our API, and read companies with their tech stack', async () => {
    const http = scripted(response(200, { companies: [{ id: 9, name: 'Acme', domain: 'acme.com', industry: 'Software', num_employees: 120, techstack: ['React', { name: 'AWS' }] }, { name: 'no id' }], pagination: { start: 11, next: 21, total: 42 } }));

    const page = await new RocketReachPeopleData(http).searchCompanies({ industry: 'Software', employeesMin: 100, employeesMax: 500, start: 10, size: 10 }, CALL);

    expect(JSON.parse(http.requests[0]!.body as string)).toEqual({ query: { industry: ['Software'], employees: ['100-500'] }, start: 11, page_size: 10 });
    expect(page).toEqual({ start: 10, total: 42, items: [{ id: '9', name: 'Acme', domain: 'acme.com', industry: 'Software', employees: 120, techStack: ['React', 'AWS'] }] });
  });

  it('It should spell half-open ranges as the provider takes them (a floor as N+, a ceiling as 0-N)', async () => {
    const http = scripted(response(200, { companies: [], pagination: { total: 0 } }));

    await new RocketReachPeopleData(http).searchCompanies({ employeesMin: 1000, revenueMax: 5_000_000, foundedAfter: 1990, foundedBefore: 2005, start: 0, size: 5 }, CALL);

    expect(JSON.parse(http.requests[0]!.body as string).query).toEqual({ employees: ['1000+'], revenue: ['0-5000000'], year_founded: ['1990-2005'] });
  });

  it('It should read the lookup credits from the account\'s credit_usage list, and a profile-company answer with the profile at the top level', async () => {
    const account = { plan: { name: 'Ultimate' }, credit_usage: [{ credit_type: 'company', used: 9, remaining: 1 }, { credit_type: 'lookup', allocated: 100, used: 3, remaining: 97 }] };
    const flat = { id: 5, name: 'Jane Doe', current_employer: 'Acme', emails: [], company: { id: 9, name: 'Acme', industry_str: 'Software' } };
    const adapter = new RocketReachPeopleData(scripted(response(200, account), response(200, flat)));

    expect(await adapter.account(CALL)).toEqual({ plan: 'Ultimate', creditsUsed: 3, creditsRemaining: 97 });
    const both = await adapter.lookupProfileCompany({ name: 'Jane Doe', employer: 'Acme' }, CALL);
    expect([both.person.id, both.person.employer, both.company?.id, both.company?.industry]).toEqual(['5', 'Acme', '9', 'Software']);
  });

  it('It should read the account under either spelling of its balance', async () => {
    const adapter = new RocketReachPeopleData(scripted(response(200, { plan: { name: 'Pro' }, lookup_credit_balance: 40, lookup_credits_used: 60, renewal_date: '2027-01-01' }), response(200, { plan: 'Ultimate', credits: { used: 1, remaining: 2, reset_date: '2027-02-01' } })));

    expect(await adapter.account(CALL)).toEqual({ plan: 'Pro', creditsUsed: 60, creditsRemaining: 40, resetsAt: '2027-01-01' });
    expect(await adapter.account(CALL)).toEqual({ plan: 'Ultimate', creditsUsed: 1, creditsRemaining: 2, resetsAt: '2027-02-01' });
  });
});
