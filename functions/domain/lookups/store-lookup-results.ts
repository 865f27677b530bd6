/**
 * Every lookup result is stored: a person becomes a contact and a company a company, merged
 * through the normal upsert path (deterministic UUIDs from name + LinkedIn URL), then stamped
 * with per-field provenance. Emails and phones keep the provider's type and grade in `extra`.
 */
import type { CompanyProfile, PersonProfile, ProfileEmail } from '../../ports/people-data.port.ts';
import type { RecordCrudStore, RecordStore, StoredItem } from '../../ports/records.port.ts';
import { prepareCompany, prepareContact } from '../records/prepare.ts';
import type { FieldProvenance, Provenance } from '../records/provenance.ts';
import { emailConfidence } from './confidence.ts';

export interface LookupStoreDeps {
  readonly records: RecordStore;
  readonly crud: RecordCrudStore;
}

export interface StoreContext {
  readonly workspaceId: string;
  readonly provider: string;
  readonly fetchedAt: string;
  readonly jobId?: string;
}

export interface StoredRefs {
  readonly contactUuid?: string;
  readonly companyUuid?: string;
}

/** Optimistic provenance writes retried this often when another writer changed the record in between. */
const MAX_PROVENANCE_ATTEMPTS = 4;

const defined = (value: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== ''));

/** The best address first: highest grade, then professional before personal. */
export function bestEmail(emails: readonly ProfileEmail[]): ProfileEmail | undefined {
  return [...emails].sort((a, b) => emailConfidence(b.grade) - emailConfidence(a.grade) || Number(b.type === 'professional') - Number(a.type === 'professional'))[0];
}

const provenanceOf = (item: StoredItem | undefined): Provenance => {
  const raw = item?.provenance;
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Provenance) : {};
};

async function stampProvenance(deps: LookupStoreDeps, ctx: StoreContext, entity: 'contact' | 'company', uuid: string, fields: readonly string[], url: string): Promise<void> {
  const entry: FieldProvenance = { source: ctx.provider, url, fetched_at: ctx.fetchedAt, ...(ctx.jobId ? { job_id: ctx.jobId } : {}) };
  for (let attempt = 1; attempt <= MAX_PROVENANCE_ATTEMPTS; attempt += 1) {
    const existing = await deps.crud.get(ctx.workspaceId, entity, uuid);
    if (!existing) return;
    const provenance = { ...provenanceOf(existing), ...Object.fromEntries(fields.map((field) => [field, entry])) };
    const outcome = await deps.crud.patch(ctx.workspaceId, entity, uuid, { set: {}, remove: [], provenance }, Number(existing.version));
    if (outcome.ok || outcome.reason === 'not_found') return;
  }
}

async function upsertOne(deps: LookupStoreDeps, ctx: StoreContext, prepared: ReturnType<typeof prepareContact>, extra: Record<string, string>, url: string): Promise<string | undefined> {
  if (!prepared.ok) return undefined;
  const record = { ...prepared.record, extra };
  const [outcome] = await deps.records.upsertMany(ctx.workspaceId, [record]);
  if (!outcome?.ok) return undefined;
  await stampProvenance(deps, ctx, record.entity as 'contact' | 'company', outcome.uuid, [...Object.keys(record.fields), ...Object.keys(extra)], url);
  return outcome.uuid;
}

export async function storeCompany(deps: LookupStoreDeps, ctx: StoreContext, company: CompanyProfile): Promise<string | undefined> {
  const row = defined({
    name: company.name,
    domain: company.domain,
    linkedin_url: company.linkedinUrl,
    industries: company.industry ? [company.industry] : undefined,
    employees_count: company.employees,
    annual_revenue: company.revenue,
    founded_year: company.foundedYear,
    city: company.city,
    state: company.region,
    country: company.country,
    description: company.description,
    phone: company.phone,
    technologies: company.techStack.length > 0 ? company.techStack : undefined,
  });
  return upsertOne(deps, ctx, prepareCompany(row), { rocketreach_company_id: company.id }, `${ctx.provider}:company/${company.id}`);
}

export async function storePerson(deps: LookupStoreDeps, ctx: StoreContext, person: PersonProfile, company?: { uuid: string; name?: string }): Promise<string | undefined> {
  const email = bestEmail(person.emails);
  const mobile = person.phones.find((phone) => phone.type === 'mobile') ?? person.phones.find((phone) => phone.recommended) ?? person.phones[0];
  const row = defined({
    first_name: person.firstName,
    last_name: person.lastName,
    title: person.title,
    email: email?.email,
    email_status: email?.grade,
    mobile_phone: mobile?.number,
    linkedin_url: person.linkedinUrl,
    city: person.city,
    state: person.region,
    country: person.country,
    company_id: company?.uuid,
    company_name: company?.name ?? person.employer,
  });
  const extra = {
    rocketreach_id: person.id,
    ...(person.emails.length > 0 ? { emails: JSON.stringify(person.emails) } : {}),
    ...(person.phones.length > 0 ? { phones: JSON.stringify(person.phones) } : {}),
  };
  return upsertOne(deps, ctx, prepareContact(row), extra, `${ctx.provider}:person/${person.id}`);
}

/** A person and their employer, linked: the company first, so the contact can point at it. */
export async function storeLookup(deps: LookupStoreDeps, ctx: StoreContext, person: PersonProfile | undefined, company: CompanyProfile | undefined): Promise<StoredRefs> {
  const companyUuid = company ? await storeCompany(deps, ctx, company) : undefined;
  const employer = companyUuid ? { uuid: companyUuid, ...(company?.name ? { name: company.name } : {}) } : undefined;
  const contactUuid = person && person.status === 'complete' ? await storePerson(deps, ctx, person, employer) : undefined;
  return { ...(contactUuid ? { contactUuid } : {}), ...(companyUuid ? { companyUuid } : {}) };
}
