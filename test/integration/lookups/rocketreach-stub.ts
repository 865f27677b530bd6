/**
 * A minimal, test-only RocketReach v2 server: the few documented calls the lookups tests need
 * (Api-Key auth, person lookup with asynchronous statuses, checkStatus, company lookup, account),
 * credits that run out, and 429 + Retry-After on demand. The full fake lives in lib/local/fakes.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const STUB_KEYS = { good: 'rr-good-key-0001', other: 'rr-other-key-0002' } as const;

export interface RocketReachStub {
  readonly url: string;
  readonly hostPort: string;
  credits: number;
  /** Requests per path, to prove what reached the provider. */
  readonly hits: Map<string, number>;
  /** The next N person lookups answer 429 with Retry-After: 1. */
  rateLimitNext: number;
  close(): Promise<void>;
}

const PEOPLE: Record<string, { id: number; name: string; employer: string; pollsToComplete: number }> = {
  'jane doe': { id: 1001, name: 'Jane Doe', employer: 'Acme Rockets', pollsToComplete: 0 },
  'slow sam': { id: 1002, name: 'Slow Sam', employer: 'Tortoise Ltd', pollsToComplete: 2 },
  'busy bee': { id: 1003, name: 'Busy Bee', employer: 'Hive Inc', pollsToComplete: 0 },
};

const profileOf = (person: (typeof PEOPLE)[string], status: string) => ({
  id: person.id,
  status,
  name: person.name,
  current_employer: person.employer,
  current_title: 'Engineer',
  linkedin_url: `https://www.linkedin.com/in/${person.name.toLowerCase().replace(' ', '-')}`,
  city: 'Austin',
  country: 'United States',
  emails: status === 'complete' ? [{ email: `${person.name.split(' ')[0]!.toLowerCase()}@${person.employer.split(' ')[0]!.toLowerCase()}.com`, type: 'professional', grade: 'A' }] : [],
  phones: status === 'complete' ? [{ number: '+1 512 555 0100', type: 'mobile', recommended: true }] : [],
});

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

export async function startRocketReachStub(): Promise<RocketReachStub> {
  const polls = new Map<number, number>();
  const stub = { credits: 100, hits: new Map<string, number>(), rateLimitNext: 0 } as RocketReachStub;
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    stub.hits.set(url.pathname, (stub.hits.get(url.pathname) ?? 0) + 1);
    const key = req.headers['api-key'];
    if (key !== STUB_KEYS.good && key !== STUB_KEYS.other) return send(res, 401, { status: 401, message: 'Invalid API Key' });
    if (url.pathname === '/api/v2/account/') return send(res, 200, { plan: { name: 'Pro' }, lookup_credit_balance: stub.credits, lookup_credits_used: 100 - stub.credits });
    if (url.pathname === '/api/v2/person/lookup') {
      if (stub.rateLimitNext > 0) {
        stub.rateLimitNext -= 1;
        return send(res, 429, { detail: 'Request was throttled.' }, { 'retry-after': '1' });
      }
      const person = PEOPLE[(url.searchParams.get('name') ?? '').toLowerCase()];
      if (!person) return send(res, 404, { detail: 'Not found.' });
      if (stub.credits <= 0) return send(res, 403, { detail: 'You have exceeded your lookup credits.' });
      stub.credits -= 1;
      polls.set(person.id, 0);
      return send(res, 200, profileOf(person, person.pollsToComplete === 0 ? 'complete' : 'searching'));
    }
    if (url.pathname === '/api/v2/person/checkStatus') {
      const ids = (url.searchParams.get('ids') ?? '').split(',').map(Number);
      return send(res, 200, ids.flatMap((id) => {
        const person = Object.values(PEOPLE).find((p) => p.id === id);
        if (!person) return [];
        const seen = (polls.get(id) ?? 0) + 1;
        polls.set(id, seen);
        return [profileOf(person, seen >= person.pollsToComplete ? 'complete' : 'progress')];
      }));
    }
    return send(res, 404, { detail: 'Not found.' });
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(stub, {
    url: `http://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
