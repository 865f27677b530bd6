import { describe, expect, it } from 'vitest';
import { DEFAULT_ROCKETREACH_SETTINGS, RocketReachAccount } from '../../../../../lib/local/fakes/rocketreach/rocketreach-account.ts';
import { bulkLookup } from '../../../../../lib/local/fakes/rocketreach/rocketreach-bulk.ts';
import { rocketReachDataset } from '../../../../../lib/local/fakes/rocketreach/rocketreach-data.ts';
import { LookupTracker } from '../../../../../lib/local/fakes/rocketreach/rocketreach-lookups.ts';
import type { RocketReachState } from '../../../../../lib/local/fakes/rocketreach/rocketreach-state.ts';
import { WebhookRegistry } from '../../../../../lib/local/fakes/rocketreach/rocketreach-webhooks.ts';

const dataset = rocketReachDataset('rr-bulk-unit');
const chargeable = dataset.people().filter((person) => person.chargeable).slice(0, 5);

/** A state whose deliveries are queued, never run: these tests are about acceptance and credits. */
function stateWith(settings: Partial<typeof DEFAULT_ROCKETREACH_SETTINGS>): { state: RocketReachState; queued: number[] } {
  const queued: number[] = [];
  const webhooks = new WebhookRegistry();
  webhooks.register('http://127.0.0.1:9/never', 'secret');
  const state: RocketReachState = {
    dataset,
    account: new RocketReachAccount('rr-bulk-unit', { ...DEFAULT_ROCKETREACH_SETTINGS, ...settings }),
    lookups: new LookupTracker(),
    webhooks,
    requestId: () => 'request-1',
    later: (delayMs) => void queued.push(delayMs),
  };
  return { state, queued };
}

const request = (body: Record<string, unknown>) => ({ method: 'POST', path: '/bulkLookup', query: new URLSearchParams(), body });
const twiceEach = chargeable.flatMap((person) => [{ id: person.profile.id }, { id: person.profile.id }]);

describe('the fake RocketReach bulk lookup', () => {
  it('It should charge every query that returns data, repeats included, by default', () => {
    const { state, queued } = stateWith({});

    const answer = bulkLookup(state, request({ queries: twiceEach }));

    expect(answer).toMatchObject({ status: 200, headers: { 'rr-request-id': 'request-1' } });
    expect(state.account.usage.lookupCreditsUsed).toBe(10);
    expect(queued).toEqual([DEFAULT_ROCKETREACH_SETTINGS.bulkDelayMs]);
  });

  it('It should charge each profile once when repeats are free', () => {
    const { state } = stateWith({ chargeRepeatLookups: false });

    bulkLookup(state, request({ queries: twiceEach }));

    expect(state.account.usage.lookupCreditsUsed).toBe(5);
  });

  it('It should refuse a bulk the balance cannot cover whole, charging nothing and delivering nothing', () => {
    const { state, queued } = stateWith({ lookupCredits: 9 });

    const answer = bulkLookup(state, request({ queries: twiceEach }));

    expect(answer).toMatchObject({ status: 402, body: { status: 402 } });
    expect(state.account.usage.lookupCreditsUsed).toBe(0);
    expect(queued).toEqual([]);
  });

  it('It should refuse 101 queries, a query that identifies no one, and an unknown webhook, naming the field', () => {
    const { state } = stateWith({});
    const many = Array.from({ length: 101 }, (_, i) => ({ id: dataset.person(i).profile.id }));

    const tooMany = bulkLookup(state, request({ queries: many }));
    const vague = bulkLookup(state, request({ queries: [...twiceEach.slice(0, 9), { title: 'CEO' }] }));
    const unknownHook = bulkLookup(state, request({ queries: twiceEach, webhook_id: 4242 }));

    expect(tooMany.body).toMatchObject({ message: expect.stringContaining('queries') });
    expect(vague.body).toMatchObject({ message: expect.stringContaining('queries[9]') });
    expect(unknownHook.body).toMatchObject({ message: expect.stringContaining('webhook_id') });
    expect([tooMany.status, vague.status, unknownHook.status]).toEqual([400, 400, 400]);
  });
});
