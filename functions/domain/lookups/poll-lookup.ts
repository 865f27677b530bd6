import { FINAL_LOOKUP_STATUSES, type PeopleDataProvider, type PersonProfile, type ProviderCall } from '../../ports/people-data.port.ts';
import { STATUS_POLL_FIRST_MS, STATUS_POLL_MAX_MS } from './lookup-limits.ts';

export interface PollClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * Asks the provider about a running lookup with doubling waits until it is final or `budgetMs`
 * has passed; answers the last state seen, final or not (the caller then answers 202 with the id).
 *
 * ```
 * lookup → searching  wait 250  → progress  wait 500  → progress  wait 1000 → complete
 *          |<------------------------- budgetMs ------------------------->|
 * ```
 */
export async function pollUntilFinal(provider: PeopleDataProvider, first: PersonProfile, call: ProviderCall, budgetMs: number, clock: PollClock): Promise<PersonProfile> {
  let current = first;
  const deadline = clock.now() + budgetMs;
  let waitMs = STATUS_POLL_FIRST_MS;
  while (!FINAL_LOOKUP_STATUSES.has(current.status)) {
    const left = deadline - clock.now();
    if (left <= 0) return current;
    await clock.sleep(Math.min(waitMs, left));
    const [next] = await provider.checkStatus([current.id], call);
    if (next) current = next;
    waitMs = Math.min(waitMs * 2, STATUS_POLL_MAX_MS);
  }
  return current;
}
