/**
 * The lookups use case as a waterfall step: RocketReach (through the cache, the ledger and the
 * user limit, so a repeat within the TTL is never paid twice) behind the provider-neutral
 * {@link ContactEnrichmentProvider} port.
 */
import type { ContactEnrichmentProvider, ContactMatch, EnrichmentCallContext, PersonQuery } from '../../ports/contact-enrichment.port.ts';
import { ProviderError, type PersonLookupParams } from '../../ports/people-data.port.ts';
import type { LookupDeps } from './lookup-deps.ts';
import { lookupPerson } from './person-lookups.ts';

interface ViewPoint {
  readonly email?: string;
  readonly number?: string;
  readonly type?: string;
  readonly grade?: string;
  readonly confidence: number;
}

const paramsOf = (query: PersonQuery): PersonLookupParams =>
  Object.fromEntries(
    Object.entries({ name: query.name, firstName: query.firstName, lastName: query.lastName, employer: query.employer, title: query.title, linkedinUrl: query.linkedinUrl, email: query.email }).filter(([, v]) => v !== undefined),
  ) as PersonLookupParams;

const pointOf = (value: string, point: ViewPoint) => ({ value, confidence: point.confidence, ...(point.type ? { type: point.type } : {}), ...(point.grade ? { grade: point.grade } : {}) });

export function peopleDataContactFinder(deps: LookupDeps): ContactEnrichmentProvider {
  return {
    name: deps.provider.name,
    async findContact(query: PersonQuery, context: EnrichmentCallContext): Promise<ContactMatch | undefined> {
      let found;
      try {
        found = await lookupPerson(deps, context, paramsOf(query));
      } catch (error) {
        // "Nobody matches" is an answer for a waterfall: the next provider is tried.
        if (error instanceof ProviderError && error.failure === 'not_found') return undefined;
        throw error;
      }
      const { answer } = found;
      if (answer.status !== 'complete') return undefined;
      const person = answer.person as { emails?: ViewPoint[]; phones?: ViewPoint[] };
      const emails = (person.emails ?? []).flatMap((p) => (p.email ? [pointOf(p.email, p)] : []));
      const phones = (person.phones ?? []).flatMap((p) => (p.number ? [pointOf(p.number, p)] : []));
      if (emails.length === 0 && phones.length === 0) return undefined;
      return { provider: deps.provider.name, emails, phones, credits: answer.credits };
    },
  };
}
