/** Company lookups and the two searches: cached, stored, and charged in the ledger like person lookups. */
import type { CompanyLookupParams, CompanySearchParams, PersonSearchParams } from '../../ports/people-data.port.ts';
import { afterCharge } from './credit-balance.ts';
import { cacheKeyFor, cachedCall, providerCallFor, recordCredits, withRateLimitWaits, type Caller, type LookupDeps } from './lookup-deps.ts';
import { companyView, personView, storedView } from './lookup-views.ts';
import { storeCompany, storePerson } from './store-lookup-results.ts';

const storeContext = (deps: LookupDeps, caller: Caller) => ({
  workspaceId: caller.workspaceId,
  provider: deps.provider.name,
  fetchedAt: new Date(deps.clock.now()).toISOString(),
  ...(caller.jobId ? { jobId: caller.jobId } : {}),
});

const COMPANY_LOOKUP_CREDITS = 1;

export async function lookupCompany(deps: LookupDeps, caller: Caller, params: CompanyLookupParams): Promise<{ answer: Record<string, unknown>; cached: boolean }> {
  const key = cacheKeyFor(deps.provider.name, 'company_lookup', { ...params });
  const result = await cachedCall(deps, caller, key, deps.ttl.lookupSeconds, async () => {
    const call = await providerCallFor(deps, caller);
    const company = await withRateLimitWaits(deps, () => deps.provider.lookupCompany(params, call));
    await recordCredits(deps, caller, 'company_lookup', { credits: COMPANY_LOOKUP_CREDITS, ...(company.industry ? { industry: company.industry } : {}) });
    const companyUuid = await storeCompany(deps.store, storeContext(deps, caller), company);
    await afterCharge(deps, caller);
    return { company: companyView(company), stored: storedView(companyUuid ? { companyUuid } : {}), credits: COMPANY_LOOKUP_CREDITS };
  });
  return { answer: result.cached ? { ...result.value, credits: 0 } : result.value, cached: result.cached };
}

export async function searchPeople(deps: LookupDeps, caller: Caller, params: PersonSearchParams): Promise<{ answer: Record<string, unknown>; cached: boolean }> {
  const key = cacheKeyFor(deps.provider.name, 'person_search', { ...params });
  const result = await cachedCall(deps, caller, key, deps.ttl.searchSeconds, async () => {
    const call = await providerCallFor(deps, caller);
    const page = await withRateLimitWaits(deps, () => deps.provider.searchPeople(params, call));
    await recordCredits(deps, caller, 'person_search', { credits: 0 });
    const ctx = storeContext(deps, caller);
    const stored: string[] = [];
    for (const person of page.items) {
      const uuid = await storePerson(deps.store, ctx, person);
      if (uuid) stored.push(uuid);
    }
    return { people: page.items.map(personView), start: page.start, size: params.size, total: page.total, stored: { contact_uuids: stored } };
  });
  return { answer: result.value, cached: result.cached };
}

export async function searchCompanies(deps: LookupDeps, caller: Caller, params: CompanySearchParams): Promise<{ answer: Record<string, unknown>; cached: boolean }> {
  const key = cacheKeyFor(deps.provider.name, 'company_search', { ...params });
  const result = await cachedCall(deps, caller, key, deps.ttl.searchSeconds, async () => {
    const call = await providerCallFor(deps, caller);
    const page = await withRateLimitWaits(deps, () => deps.provider.searchCompanies(params, call));
    await recordCredits(deps, caller, 'company_search', { credits: 0 });
    const ctx = storeContext(deps, caller);
    const stored: string[] = [];
    for (const company of page.items) {
      const uuid = await storeCompany(deps.store, ctx, company);
      if (uuid) stored.push(uuid);
    }
    return { companies: page.items.map(companyView), start: page.start, size: params.size, total: page.total, stored: { company_uuids: stored } };
  });
  return { answer: result.value, cached: result.cached };
}
