import { afterEach, describe, expect, it } from 'vitest';
import { APOLLO_API_SEARCH_PATHS, ApolloApiSource } from '../../../../functions/adapters/apollo/apollo-api.source.ts';
import { ApolloSourceError, type ApolloSearchRequest } from '../../../../functions/ports/apollo-source.port.ts';
import { OutboundRequeueError, type OutboundHttp } from '../../../../functions/ports/outbound-http.port.ts';
import { makeClient, startServer, type Handler, type TestServer } from '../http/outbound-fixtures.ts';

const API_KEY = 'key-5ecret-do-not-leak';
const WORKSPACE = 'ws-apollo';
const request: ApolloSearchRequest = { entity: 'organizations', filters: { organization_locations: ['California'], organization_num_employees_ranges: ['11,50'], page: 9 }, page: 3, perPage: 100 };

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Seen {
  readonly url: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A loopback Apollo that answers with `answer` and records what it was sent. */
async function apolloAnswering(answer: (seen: Seen, count: number) => { status: number; body: string; headers?: Record<string, string> }, env: Record<string, string> = {}) {
  const seen: Seen[] = [];
  const handler: Handler = (req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const entry = { url: req.url ?? '', headers: req.headers, body };
      seen.push(entry);
      const out = answer(entry, seen.length);
      res.writeHead(out.status, { 'content-type': 'application/json', ...out.headers });
      res.end(out.body);
    });
  };
  server = await startServer(handler);
  const client = makeClient({ PROVIDER_APOLLO_BASE_URL: server.origin, OUTBOUND_ALLOW_HOSTS: `127.0.0.1:${server.port}`, PROVIDER_APOLLO_MAX_RETRIES: '2', ...env });
  return { seen, client, source: new ApolloApiSource({ http: client.http, apiKey: API_KEY, now: () => client.clock.now() }) };
}

const page = (extra: Record<string, unknown>) => JSON.stringify({ pagination: { page: 3, per_page: 100, total_entries: 1234, total_pages: 13 }, ...extra });

const sourceError = async (promise: Promise<unknown>): Promise<ApolloSourceError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApolloSourceError);
  const found = error as ApolloSourceError;
  // The key is a secret: no message, cause or stack of a failure may carry it.
  expect(`${found.message} ${String((found.cause as Error | undefined)?.message)} ${found.stack}`).not.toContain(API_KEY);
  return found;
};

describe('ApolloApiSource', () => {
  it('It should POST the filters with the page to the search endpoint, the key in x-api-key only', async () => {
    const { seen, source, client } = await apolloAnswering(() => ({ status: 200, body: page({ organizations: [{ id: 'org-1', name: 'Acme' }], accounts: [{ id: 'acct-9', organization_id: 'org-2', name: 'Beta' }] }) }));

    const result = await source.search(request, { workspaceId: WORKSPACE, jobId: 'job-1' });

    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe(APOLLO_API_SEARCH_PATHS.organizations);
    expect(seen[0]?.headers['x-api-key']).toBe(API_KEY);
    expect(seen[0]?.url).not.toContain(API_KEY);
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ organization_locations: ['California'], organization_num_employees_ranges: ['11,50'], page: 3, per_page: 100 });
    expect(result).toEqual({
      records: [
        { id: 'org-1', name: 'Acme' },
        { id: 'org-2', crm_id: 'acct-9', organization_id: 'org-2', name: 'Beta' },
      ],
      page: 3,
      perPage: 100,
      totalEntries: 1234,
      totalPages: 13,
    });
    expect(client.callLog.entries).toEqual([expect.objectContaining({ workspaceId: WORKSPACE, provider: 'apollo', operation: 'organizations_search', status: 200, jobId: 'job-1' })]);
    expect(JSON.stringify(client.callLog.entries)).not.toContain(API_KEY);
    // The shared windows are this workspace's own: another workspace's collections do not eat them.
    expect([...client.counter.values.keys()].length).toBeGreaterThan(0);
    expect([...client.counter.values.keys()].every((k) => k.includes(`apollo#${WORKSPACE}#`))).toBe(true);
  });

  it('It should search people on the people endpoint and read saved contacts by their person id', async () => {
    const { seen, source } = await apolloAnswering(() => ({ status: 200, body: JSON.stringify({ pagination: { page: 1, per_page: 100, total_entries: 150 }, people: [{ id: 'p1' }], contacts: [{ id: 'c1', person_id: 'p2' }] }) }));

    const result = await source.search({ entity: 'people', filters: { organization_ids: ['org-1'] }, page: 1, perPage: 100 }, { workspaceId: WORKSPACE });

    expect(seen[0]?.url).toBe(APOLLO_API_SEARCH_PATHS.people);
    expect(result.records.map((r) => r.id)).toEqual(['p1', 'p2']);
    expect(result.totalPages).toBe(2);
  });

  it('It should read the people search answer that carries its total at the top, with no pagination, as the page it asked for', async () => {
    const { source } = await apolloAnswering(() => ({ status: 200, body: JSON.stringify({ total_entries: 86, people: [{ id: 'p1', first_name: 'Michael', last_name_obfuscated: 'Sa***z' }] }) }));

    const result = await source.search({ entity: 'people', filters: { organization_ids: ['org-1'] }, page: 2, perPage: 3 }, { workspaceId: WORKSPACE });

    expect(result).toMatchObject({ page: 2, perPage: 3, totalEntries: 86, totalPages: 29 });
    expect(result.records.map((r) => r.id)).toEqual(['p1']);
  });

  it('It should refuse an answer with neither pagination nor a total as BAD_RESPONSE', async () => {
    const { source } = await apolloAnswering(() => ({ status: 200, body: JSON.stringify({ people: [{ id: 'p1' }] }) }));

    expect((await sourceError(source.search({ entity: 'people', filters: {}, page: 1, perPage: 3 }, { workspaceId: WORKSPACE }))).code).toBe('BAD_RESPONSE');
  });

  it.each([
    [401, 'AUTH_FAILED'],
    [403, 'AUTH_FAILED'],
    [500, 'UNAVAILABLE'],
    [503, 'UNAVAILABLE'],
    [400, 'BAD_RESPONSE'],
  ] as const)('It should map status %i to %s', async (status, code) => {
    const { source } = await apolloAnswering(() => ({ status, body: JSON.stringify({ error: 'nope' }) }), { PROVIDER_APOLLO_MAX_RETRIES: '0' });

    expect((await sourceError(source.search(request, { workspaceId: WORKSPACE }))).code).toBe(code);
  });

  it('It should map 422 "Value too long" to VALUE_TOO_LONG and another 422 to BAD_RESPONSE', async () => {
    const { source } = await apolloAnswering((seen) =>
      JSON.parse(seen.body).page === 3 ? { status: 422, body: JSON.stringify({ error: 'Value too long for organization_locations' }) } : { status: 422, body: JSON.stringify({ error: 'Invalid sort' }) },
    );

    expect((await sourceError(source.search(request, { workspaceId: WORKSPACE }))).code).toBe('VALUE_TOO_LONG');
    const other = await sourceError(source.search({ ...request, page: 4 }, { workspaceId: WORKSPACE }));
    expect(other.code).toBe('BAD_RESPONSE');
    expect(other.message).toContain('Invalid sort');
  });

  it('It should let the outbound client wait out a short Retry-After, then answer', async () => {
    const { source, client, seen } = await apolloAnswering((_, count) => (count === 1 ? { status: 429, body: '{}', headers: { 'retry-after': '2' } } : { status: 200, body: page({ organizations: [] }) }));

    const result = await source.search(request, { workspaceId: WORKSPACE });

    expect(result.records).toEqual([]);
    expect(seen).toHaveLength(2);
    expect(client.clock.sleeps).toContain(2_000);
  });

  it('It should answer RATE_LIMITED with the wait when 429s outlast the retries', async () => {
    const { source, seen } = await apolloAnswering(() => ({ status: 429, body: '{}', headers: { 'retry-after': '5' } }));

    const error = await sourceError(source.search(request, { workspaceId: WORKSPACE }));

    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterMs).toBe(5_000);
    expect(seen).toHaveLength(3);
  });

  it('It should answer RATE_LIMITED with the requeue wait when Retry-After is beyond what a call may wait', async () => {
    const { source, seen } = await apolloAnswering(() => ({ status: 429, body: '{}', headers: { 'retry-after': '3600' } }));

    const error = await sourceError(source.search(request, { workspaceId: WORKSPACE }));

    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(error.cause).toBeInstanceOf(OutboundRequeueError);
    expect(seen).toHaveLength(1);
  });

  it.each([
    ['not JSON', 'hello'],
    ['no pagination', JSON.stringify({ organizations: [] })],
    ['no organisations list', page({ people: [] })],
    ['a record without id', page({ organizations: [{ name: 'x' }] })],
    ['a wrong pagination type', JSON.stringify({ pagination: { page: 'one' }, organizations: [] })],
  ])('It should answer BAD_RESPONSE for %s', async (_, body) => {
    const { source } = await apolloAnswering(() => ({ status: 200, body }));

    expect((await sourceError(source.search(request, { workspaceId: WORKSPACE }))).code).toBe('BAD_RESPONSE');
  });

  it('It should map a network failure that outlived the retries to UNAVAILABLE', async () => {
    const { source } = await apolloAnswering(() => ({ status: 200, body: '{}' }), { PROVIDER_APOLLO_BASE_URL: 'http://127.0.0.1:1', OUTBOUND_ALLOW_HOSTS: '127.0.0.1:1', PROVIDER_APOLLO_MAX_RETRIES: '0' });

    expect((await sourceError(source.search(request, { workspaceId: WORKSPACE }))).code).toBe('UNAVAILABLE');
  });

  it('It should refuse a page beyond what the API shows, without calling it', async () => {
    const calls: unknown[] = [];
    const http: OutboundHttp = { request: async (r) => void calls.push(r) as never };
    const source = new ApolloApiSource({ http, apiKey: API_KEY });

    await expect(source.search({ ...request, page: 501 }, { workspaceId: WORKSPACE })).rejects.toThrow(RangeError);
    await expect(source.search({ ...request, perPage: 101 }, { workspaceId: WORKSPACE })).rejects.toThrow(RangeError);
    expect(calls).toEqual([]);
    expect([source.kind, source.perPage, source.maxPages]).toEqual(['api', 100, 500]);
  });
});
