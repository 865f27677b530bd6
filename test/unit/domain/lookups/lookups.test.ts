import { describe, expect, it } from 'vitest';
import { checkCreditBalance } from '../../../../functions/domain/lookups/credit-alerts.ts';
import { lookupCompany } from '../../../../functions/domain/lookups/company-and-search-lookups.ts';
import { withRateLimitWaits, type LookupDeps } from '../../../../functions/domain/lookups/lookup-deps.ts';
import { lookupPerson, lookupStatus } from '../../../../functions/domain/lookups/person-lookups.ts';
import { peopleDataContactFinder } from '../../../../functions/domain/lookups/people-data-contact-finder.ts';
import { pollUntilFinal } from '../../../../functions/domain/lookups/poll-lookup.ts';
import { ProviderKeyBox } from '../../../../functions/domain/lookups/provider-key-box.ts';
import type { EmailMessage } from '../../../../functions/ports/email.port.ts';
import type { CreditAlertLatch, LedgerEntry, SealedKey } from '../../../../functions/ports/lookups.port.ts';
import { ProviderError, type PeopleDataProvider, type PersonProfile } from '../../../../functions/ports/people-data.port.ts';
import type { RecordStore, UpsertOutcome } from '../../../../functions/ports/records.port.ts';
import { MemoryCrudStore } from '../../../helpers/memory-crud-store.ts';

const START = Date.parse('2026-12-04T12:00:00Z');

class FakeClock {
  t = START;
  sleeps: number[] = [];
  now = () => this.t;
  sleep = async (ms: number) => {
    this.sleeps.push(ms);
    this.t += ms;
  };
}

const profile = (id: string, status: PersonProfile['status'], extra: Partial<PersonProfile> = {}): PersonProfile => ({ id, status, emails: [], phones: [], ...extra });

const JANE = profile('77', 'complete', { name: 'Jane Doe', firstName: 'Jane', lastName: 'Doe', employer: 'Acme', linkedinUrl: 'https://linkedin.com/in/jane', emails: [{ email: 'jane@gmail.com', type: 'personal', grade: 'B' }, { email: 'jane@acme.com', type: 'professional', grade: 'A' }], phones: [{ number: '+15550100', type: 'mobile' }] });

/** A provider scripted per method; it counts calls so tests can prove the cache spared one. */
function provider(script: { lookup?: () => PersonProfile; statuses?: PersonProfile[]; account?: number; failWith?: ProviderError[] }) {
  const calls = { lookup: 0, status: 0, company: 0, account: 0 };
  const statuses = script.statuses ?? [];
  const failures = [...(script.failWith ?? [])];
  const p: PeopleDataProvider = {
    name: 'rocketreach',
    lookupPerson: async () => {
      calls.lookup += 1;
      const failure = failures.shift();
      if (failure) throw failure;
      return script.lookup ? script.lookup() : JANE;
    },
    checkStatus: async () => {
      calls.status += 1;
      return [statuses.shift() ?? JANE];
    },
    searchPeople: async () => ({ items: [], start: 0, total: 0 }),
    lookupCompany: async () => {
      calls.company += 1;
      return { id: '9', name: 'Acme', domain: 'acme.com', industry: 'Software', techStack: ['AWS'] };
    },
    searchCompanies: async () => ({ items: [], start: 0, total: 0 }),
    lookupProfileCompany: async () => ({ person: JANE }),
    account: async () => {
      calls.account += 1;
      return { plan: 'Pro', creditsRemaining: script.account ?? 1000 };
    },
  };
  return { p, calls };
}

function memoryDeps(p: PeopleDataProvider, clock: FakeClock, options: { threshold?: number } = {}) {
  const cache = new Map<string, Record<string, unknown>>();
  const ledger: LedgerEntry[] = [];
  const owned = new Set<string>();
  const keys = new Map<string, SealedKey>();
  const crud = new MemoryCrudStore();
  const records: RecordStore = {
    upsertMany: async (ws, prepared) => {
      const out: UpsertOutcome[] = [];
      for (const record of prepared) {
        const existing = await crud.get(ws, record.entity, record.uuid);
        if (existing) await crud.patch(ws, record.entity, record.uuid, { set: { ...record.fields, ...record.extra }, remove: [] });
        else await crud.create(ws, { ...record, fields: { ...record.fields, ...record.extra } });
        out.push({ ok: true, uuid: record.uuid, created: !existing });
      }
      return out;
    },
  };
  const mail: EmailMessage[] = [];
  let armed = true;
  const latch: CreditAlertLatch = { disarm: async () => (armed ? ((armed = false), true) : false), arm: async () => void (armed = true) };
  const keyBox = new ProviderKeyBox('a-deployment-secret-of-enough-length-000');
  const deps: LookupDeps = {
    provider: p,
    cache: { get: async (ws, k) => cache.get(`${ws}#${k}`), put: async (ws, k, v) => void cache.set(`${ws}#${k}`, { ...v }) },
    ledger: { record: async (e) => void ledger.push(e), list: async (ws, from, to) => ledger.filter((e) => e.workspaceId === ws && e.at >= from && e.at <= to) },
    registry: { remember: async (ws, id) => void owned.add(`${ws}#${id}`), owns: async (ws, id) => owned.has(`${ws}#${id}`) },
    keys: { get: async (ws) => keys.get(ws), put: async (ws, _p, k) => void keys.set(ws, k) },
    keyBox,
    defaultKey: 'deployment-default-key',
    counter: { add: async () => 1 },
    userLookupsPerHour: 100,
    store: { records, crud },
    alerts: { latch, mailer: { send: async (m) => void mail.push(m) }, admins: async () => ['admin@a.test'], notify: async () => undefined },
    lowCreditThreshold: options.threshold ?? 10,
    ttl: { lookupSeconds: 3600, searchSeconds: 1800, accountSeconds: 300 },
    pollBudgetMs: 5000,
    clock,
  };
  return { deps, ledger, crud, mail, keys, keyBox };
}

describe('lookups use cases', () => {
  it('It should answer a repeated person lookup from the cache, with cached: true and no second provider call or credit', async () => {
    const { p, calls } = provider({});
    const { deps, ledger } = memoryDeps(p, new FakeClock());
    const caller = { workspaceId: 'ws-a', userId: 'u1' };

    const first = await lookupPerson(deps, caller, { name: 'Jane Doe', employer: 'Acme' });
    const again = await lookupPerson(deps, caller, { name: '  jane   DOE ', employer: 'acme' });

    expect(first.cached).toBe(false);
    expect(first.answer.credits).toBe(1);
    expect(again.cached).toBe(true);
    expect(again.answer.credits).toBe(0);
    expect(calls.lookup).toBe(1);
    expect(ledger.map((e) => [e.operation, e.credits, e.userId, e.employer])).toEqual([['person_lookup', 1, 'u1', 'Acme']]);
  });

  it('It should store the person as a contact with its best email, type and grade kept, and provenance per field', async () => {
    const { p } = provider({});
    const { deps, crud } = memoryDeps(p, new FakeClock());

    const { answer } = await lookupPerson(deps, { workspaceId: 'ws-a' }, { name: 'Jane Doe' });

    const contact = await crud.get('ws-a', 'contact', String(answer.stored.contact_uuid));
    expect(contact).toMatchObject({ first_name: 'Jane', last_name: 'Doe', email: 'jane@acme.com', email_status: 'a', mobile_phone: '+15550100', rocketreach_id: '77' });
    expect(JSON.parse(String(contact!.emails))).toEqual([{ email: 'jane@gmail.com', type: 'personal', grade: 'B' }, { email: 'jane@acme.com', type: 'professional', grade: 'A' }]);
    const provenance = contact!.provenance as Record<string, { source: string; url: string; fetched_at: string }>;
    expect(provenance.email).toEqual({ source: 'rocketreach', url: 'rocketreach:person/77', fetched_at: '2026-12-04T12:00:00.000Z' });
    expect(Object.keys(provenance)).toEqual(expect.arrayContaining(['first_name', 'email', 'mobile_phone', 'linkedin_url', 'emails', 'phones']));
  });

  it('It should poll a searching lookup with doubling waits, then answer the finished result', async () => {
    const clock = new FakeClock();
    const { p, calls } = provider({ lookup: () => profile('77', 'searching'), statuses: [profile('77', 'progress'), profile('77', 'progress'), JANE] });
    const { deps } = memoryDeps(p, clock);

    const { answer } = await lookupPerson(deps, { workspaceId: 'ws-a' }, { name: 'Jane Doe' });

    expect(answer.status).toBe('complete');
    expect(calls.status).toBe(3);
    expect(clock.sleeps).toEqual([250, 500, 1000]);
  });

  it('It should stop polling at the bound and answer the running state, which the status route later finishes for its own workspace only', async () => {
    const clock = new FakeClock();
    const running = Array.from({ length: 20 }, () => profile('88', 'searching'));
    const { p } = provider({ lookup: () => profile('88', 'waiting'), statuses: running });
    const { deps } = memoryDeps(p, clock);

    const { answer, cached } = await lookupPerson(deps, { workspaceId: 'ws-a' }, { name: 'Slow Person' });
    expect([answer.status, answer.lookup_id, cached]).toEqual(['searching', '88', false]);
    expect(clock.t - START).toBeLessThanOrEqual(deps.pollBudgetMs);

    running.length = 0;
    await expect(lookupStatus(deps, { workspaceId: 'ws-b' }, '88')).rejects.toMatchObject({ code: 'ERR_NOT_FOUND' });
    const finished = await lookupStatus(deps, { workspaceId: 'ws-a' }, '88');
    expect(finished.status).toBe('complete');
  });

  it('It should wait out the provider’s Retry-After and then answer; a pause longer than the bound surfaces as 429', async () => {
    const clock = new FakeClock();
    const { p, calls } = provider({ failWith: [new ProviderError('rate_limited', 'rocketreach', 'slow down', 2000)] });
    const { deps } = memoryDeps(p, clock);

    const { answer } = await lookupPerson(deps, { workspaceId: 'ws-a' }, { name: 'Jane Doe' });
    expect(answer.status).toBe('complete');
    expect([calls.lookup, clock.sleeps[0]]).toEqual([2, 2000]);

    const tooLong = withRateLimitWaits(deps, async () => {
      throw new ProviderError('rate_limited', 'rocketreach', 'come back in a minute', 60_000);
    });
    await expect(tooLong).rejects.toMatchObject({ code: 'ERR_RATE_LIMITED', retryAfterSeconds: 60 });
  });

  it("It should call with the workspace's own sealed key before the deployment default, and refuse when neither exists", async () => {
    const seen: string[] = [];
    const { p } = provider({});
    const spy: PeopleDataProvider = { ...p, lookupCompany: async (params, call) => (seen.push(call.apiKey), p.lookupCompany(params, call)) };
    const { deps, keys, keyBox } = memoryDeps(spy, new FakeClock());
    keys.set('ws-own', keyBox.seal('ws-own', 'own-key-1234', 't'));

    await lookupCompany(deps, { workspaceId: 'ws-own' }, { domain: 'acme.com' });
    await lookupCompany(deps, { workspaceId: 'ws-other' }, { domain: 'acme.com' });
    const none = lookupCompany({ ...deps, defaultKey: undefined }, { workspaceId: 'ws-none' }, { domain: 'acme.com' });

    expect(seen).toEqual(['own-key-1234', 'deployment-default-key']);
    await expect(none).rejects.toMatchObject({ code: 'ERR_PROVIDER_AUTH', details: [{ path: 'api_key' }] });
  });

  it('It should alert the admins once per crossing below the threshold, after charged lookups', async () => {
    const { p } = provider({ account: 11 });
    const { deps, mail } = memoryDeps(p, new FakeClock(), { threshold: 10 });

    await lookupCompany(deps, { workspaceId: 'ws-a' }, { domain: 'a.com' });
    await lookupCompany(deps, { workspaceId: 'ws-a' }, { domain: 'b.com' });
    await lookupCompany(deps, { workspaceId: 'ws-a' }, { domain: 'c.com' });

    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to: 'admin@a.test' });
    expect(mail[0]!.subject).toContain('9 left');
  });
});

describe('credit alert latch', () => {
  it('It should send below the threshold once, re-arm at or above it, and send again on the next fall', async () => {
    let armed = true;
    const sent: string[] = [];
    const deps = {
      latch: { disarm: async () => (armed ? ((armed = false), true) : false), arm: async () => void (armed = true) },
      mailer: { send: async (m: EmailMessage) => void sent.push(m.subject) },
      admins: async () => ['a@x.test', 'b@x.test'],
      notify: async () => undefined,
    };

    const outcomes = [];
    for (const remaining of [50, 9, 5, 12, 3, undefined]) outcomes.push(await checkCreditBalance(deps, 'ws', 'rocketreach', remaining, 10));

    expect(outcomes).toEqual(['armed', 'sent', 'already_sent', 'armed', 'sent', 'unknown_balance']);
    expect(sent).toHaveLength(4);
  });
});

describe('provider key box', () => {
  it('It should open a sealed key only in the workspace that sealed it, and never keep the key in clear', () => {
    const box = new ProviderKeyBox('a-deployment-secret-of-enough-length-000');
    const sealed = box.seal('ws-a', 'rr_live_abcdef123456', '2026-12-04T12:00:00Z', 'u1');

    expect(JSON.stringify(sealed)).not.toContain('rr_live_abcdef');
    expect(sealed.hint).toBe('3456');
    expect(box.open('ws-a', sealed)).toBe('rr_live_abcdef123456');
    expect(box.open('ws-b', sealed)).toBeUndefined();
    expect(new ProviderKeyBox('another-deployment-secret-of-length-0000').open('ws-a', sealed)).toBeUndefined();
  });
});

describe('status polling', () => {
  it('It should not call the provider at all when the first answer is already final', async () => {
    const { p, calls } = provider({});
    await pollUntilFinal(p, JANE, { apiKey: 'k', workspaceId: 'w' }, 5000, new FakeClock());
    expect(calls.status).toBe(0);
  });
});

describe('RocketReach as a waterfall step', () => {
  it('It should answer emails and phones with 0..1 confidence, pay once per TTL, and answer nothing for nobody', async () => {
    const { p, calls } = provider({ failWith: [] });
    const { deps } = memoryDeps(p, new FakeClock());
    const finder = peopleDataContactFinder(deps);

    const first = await finder.findContact({ firstName: 'Jane', lastName: 'Doe', employer: 'Acme' }, { workspaceId: 'ws-a' });
    const again = await finder.findContact({ firstName: 'Jane', lastName: 'Doe', employer: 'Acme' }, { workspaceId: 'ws-a' });
    const missing = await peopleDataContactFinder({ ...deps, provider: { ...p, lookupPerson: async () => { throw new ProviderError('not_found', 'rocketreach', 'Not found.'); } } }).findContact({ name: 'Nobody Here' }, { workspaceId: 'ws-a' });

    expect(first).toEqual({
      provider: 'rocketreach',
      emails: [{ value: 'jane@gmail.com', type: 'personal', grade: 'B', confidence: 0.7 }, { value: 'jane@acme.com', type: 'professional', grade: 'A', confidence: 0.95 }],
      phones: [{ value: '+15550100', type: 'mobile', confidence: 0.6 }],
      credits: 1,
    });
    expect(again?.credits).toBe(0);
    expect(calls.lookup).toBe(1);
    expect(missing).toBeUndefined();
  });
});
