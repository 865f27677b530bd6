/** Person lookups: one person (polled while the provider searches), a person with their company, and the status of a running lookup. */
import type { CompanyProfile, PersonLookupParams, PersonProfile, ProviderCall } from '../../ports/people-data.port.ts';
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

/** What a lookup started at the provider: the person (maybe still running) and, for profile-company, the company. */
interface Started {
  readonly person: PersonProfile;
  readonly company?: CompanyProfile;
}

type LookupOperation = 'person_lookup' | 'profile_company_lookup';

/**
 * One person lookup, cached: start it, remember who owns it, poll it while the provider
 * searches, charge and store what came back. Only a complete answer is cached.
 */
async function lookupAndStore(
  deps: LookupDeps,
  caller: Caller,
  operation: LookupOperation,
  params: PersonLookupParams,
  start: (call: ProviderCall) => Promise<Started>,
): Promise<{ answer: PersonLookupAnswer; cached: boolean }> {
  const key = cacheKeyFor(deps.provider.name, operation, { ...params });
  const result = await cachedCall(
    deps,
    caller,
    key,
    deps.ttl.lookupSeconds,
    async (): Promise<PersonLookupAnswer> => {
      const call = await providerCallFor(deps, caller);
      const first = await withRateLimitWaits(deps, () => start(call));
      await deps.registry.remember(caller.workspaceId, first.person.id);
      const person = await pollUntilFinal(deps.provider, first.person, call, deps.pollBudgetMs, deps.clock);
      const credits = creditsFor(person);
      const facets = { ...(person.employer ? { employer: person.employer } : {}), ...(first.company?.industry ? { industry: first.company.industry } : {}) };
      await recordCredits(deps, caller, operation, { credits, ...facets });
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

export const lookupPerson = (deps: LookupDeps, caller: Caller, params: PersonLookupParams) =>
  lookupAndStore(deps, caller, 'person_lookup', params, async (call) => ({ person: await deps.provider.lookupPerson(params, call) }));

export const lookupProfileCompany = (deps: LookupDeps, caller: Caller, params: PersonLookupParams) =>
  lookupAndStore(deps, caller, 'profile_company_lookup', params, (call) => deps.provider.lookupProfileCompany(params, call));

/** The provider's checkStatus for a lookup this workspace started; another workspace's id is a 404. */
export async function lookupStatus(deps: LookupDeps, caller: Caller, id: string): Promise<PersonLookupAnswer> {
  if (!(await deps.registry.owns(caller.workspaceId, id))) throw new AppError('ERR_NOT_FOUND', 'No lookup with this id', [{ path: 'id', message: 'not found' }]);
  const call = await providerCallFor(deps, caller);
  const [person] = await withRateLimitWaits(deps, () => deps.provider.checkStatus([id], call));
  if (!person) throw new AppError('ERR_NOT_FOUND', 'The provider no longer knows this lookup', [{ path: 'id', message: 'not found' }]);
  const stored = await storeLookup(deps.store, storeContext(deps, caller), person, undefined);
  return { lookup_id: person.id, status: person.status, person: personView(person), stored: storedView(stored), credits: 0 };
}
