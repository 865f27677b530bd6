/** Person lookups: one person (polled while the provider searches), a person with their company, and the status of a running lookup. */
import type { PersonLookupParams, PersonProfile } from '../../ports/people-data.port.ts';
import { AppError } from '../../platform/errors.ts';
import { afterCharge } from './credit-balance.ts';
import { cacheKeyFor, cachedCall, providerCallFor, recordCredits, withRateLimitWaits, type Caller, type LookupDeps } from './lookup-deps.ts';
import { companyView, personView, storedView } from './lookup-views.ts';
import { pollUntilFinal } from './poll-lookup.ts';
import { storeLookup } from './store-lookup-results.ts';

export interface PersonLookupAnswer extends Record<string, unknown> {
  readonly lookup_id: string;
  readonly status: PersonProfile['status'];
  readonly person: Record<string, unknown>;
  readonly company?: Record<string, unknown>;
  readonly stored: Record<string, string>;
  readonly credits: number;
}

/** A lookup the provider could not finish charges nothing; a running one is charged when started. */
const creditsFor = (person: PersonProfile): number => (person.status === 'failed' ? 0 : 1);

const storeContext = (deps: LookupDeps, caller: Caller) => ({
  workspaceId: caller.workspaceId,
  provider: deps.provider.name,
  fetchedAt: new Date(deps.clock.now()).toISOString(),
  ...(caller.jobId ? { jobId: caller.jobId } : {}),
});

export async function lookupPerson(deps: LookupDeps, caller: Caller, params: PersonLookupParams): Promise<{ answer: PersonLookupAnswer; cached: boolean }> {
  const key = cacheKeyFor(deps.provider.name, 'person_lookup', { ...params });
  const result = await cachedCall(
    deps,
    caller,
    key,
    deps.ttl.lookupSeconds,
    async (): Promise<PersonLookupAnswer> => {
      const call = await providerCallFor(deps, caller);
      const first = await withRateLimitWaits(deps, () => deps.provider.lookupPerson(params, call));
      await deps.registry.remember(caller.workspaceId, first.id);
      const person = await pollUntilFinal(deps.provider, first, call, deps.pollBudgetMs, deps.clock);
      const credits = creditsFor(person);
      await recordCredits(deps, caller, 'person_lookup', { credits, ...(person.employer ? { employer: person.employer } : {}) });
      const stored = await storeLookup(deps.store, storeContext(deps, caller), person, undefined);
      if (credits > 0) await afterCharge(deps, caller);
      return { lookup_id: person.id, status: person.status, person: personView(person), stored: storedView(stored), credits };
    },
    (answer) => answer.status === 'complete',
  );
  return { answer: result.cached ? { ...result.value, credits: 0 } : result.value, cached: result.cached };
}

export async function lookupProfileCompany(deps: LookupDeps, caller: Caller, params: PersonLookupParams): Promise<{ answer: PersonLookupAnswer; cached: boolean }> {
  const key = cacheKeyFor(deps.provider.name, 'profile_company_lookup', { ...params });
  const result = await cachedCall(
    deps,
    caller,
    key,
    deps.ttl.lookupSeconds,
    async (): Promise<PersonLookupAnswer> => {
      const call = await providerCallFor(deps, caller);
      const first = await withRateLimitWaits(deps, () => deps.provider.lookupProfileCompany(params, call));
      await deps.registry.remember(caller.workspaceId, first.person.id);
      const person = await pollUntilFinal(deps.provider, first.person, call, deps.pollBudgetMs, deps.clock);
      const credits = creditsFor(person);
      await recordCredits(deps, caller, 'profile_company_lookup', { credits, ...(person.employer ? { employer: person.employer } : {}), ...(first.company?.industry ? { industry: first.company.industry } : {}) });
      const stored = await storeLookup(deps.store, storeContext(deps, caller), person, first.company);
      if (credits > 0) await afterCharge(deps, caller);
      return {
        lookup_id: person.id,
        status: person.status,
        person: personView(person),
        ...(first.company ? { company: companyView(first.company) } : {}),
        stored: storedView(stored),
        credits,
      };
    },
    (answer) => answer.status === 'complete',
  );
  return { answer: result.cached ? { ...result.value, credits: 0 } : result.value, cached: result.cached };
}

/** The provider's checkStatus for a lookup this workspace started; another workspace's id is a 404. */
export async function lookupStatus(deps: LookupDeps, caller: Caller, id: string): Promise<PersonLookupAnswer> {
  if (!(await deps.registry.owns(caller.workspaceId, id))) throw new AppError('ERR_NOT_FOUND', 'No lookup with this id', [{ path: 'id', message: 'not found' }]);
  const call = await providerCallFor(deps, caller);
  const [person] = await withRateLimitWaits(deps, () => deps.provider.checkStatus([id], call));
  if (!person) throw new AppError('ERR_NOT_FOUND', 'The provider no longer knows this lookup', [{ path: 'id', message: 'not found' }]);
  const stored = await storeLookup(deps.store, storeContext(deps, caller), person, undefined);
  return { lookup_id: person.id, status: person.status, person: personView(person), stored: storedView(stored), credits: 0 };
}
