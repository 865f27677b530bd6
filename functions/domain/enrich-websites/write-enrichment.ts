import type { RecordCrudStore, StoredItem } from '../../ports/records.port.ts';
import { FIELDS } from '../records/fields.ts';
import { companyUuid, contactUuid } from '../records/ids.ts';
import { storedText } from '../records/input-schemas.ts';
import { companyUpdateFrom, valueDigest, WEBSITE_SOURCE, type CompanyUpdate, type FieldProvenance, type Provenance } from './company-update.ts';
import type { FoundPerson, SiteFindings } from './site-findings.ts';

/** Finds a live company of the workspace by its domain (the search index). */
export interface CompanyByDomain {
  find(workspaceId: string, domain: string): Promise<string | undefined>;
}

export interface EnrichmentWriterDeps {
  readonly records: RecordCrudStore;
  readonly byDomain: CompanyByDomain;
}

export interface EnrichmentInput {
  readonly companyUuid?: string;
  readonly domain: string;
  readonly homeUrl: string;
  readonly findings: SiteFindings;
  readonly fetchedAt: string;
  readonly jobId?: string;
}

export interface EnrichmentWritten {
  readonly uuid: string;
  readonly created: boolean;
  readonly contacts: number;
}

/** Optimistic writes retried this often when another writer changed the record in between. */
const MAX_WRITE_ATTEMPTS = 4;

const provenanceOf = (item: StoredItem | undefined): Provenance => {
  const raw = item?.provenance;
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Provenance) : {};
};

/** Values as the records store keeps them (lowercased keywords, normalised URLs), so digests compare like with like. */
function normalised(update: CompanyUpdate): CompanyUpdate {
  const set: CompanyUpdate['set'] = {};
  for (const [field, value] of Object.entries(update.set)) {
    const spec = FIELDS.company[field];
    if (!spec) continue;
    if (typeof value === 'string' && (spec.type === 'keyword' || spec.type === 'text')) set[field] = storedText(spec, field, value);
    else if (Array.isArray(value)) set[field] = [...new Set(value.map((v) => (spec.lowercase ? v.toLowerCase() : v)))];
    else set[field] = value;
  }
  const provenance: Record<string, FieldProvenance> = {};
  for (const [field, entry] of Object.entries(update.provenance)) {
    if (field in set) provenance[field] = { ...entry, digest: valueDigest(set[field]) };
  }
  return { set, provenance };
}

async function locate(deps: EnrichmentWriterDeps, workspaceId: string, input: EnrichmentInput): Promise<StoredItem | undefined> {
  const uuid = input.companyUuid ?? (await deps.byDomain.find(workspaceId, input.domain));
  return uuid ? deps.records.get(workspaceId, 'company', uuid) : undefined;
}

async function writeCompany(deps: EnrichmentWriterDeps, workspaceId: string, input: EnrichmentInput): Promise<{ uuid: string; created: boolean; name: string }> {
  for (let attempt = 1; ; attempt += 1) {
    const existing = await locate(deps, workspaceId, input);
    const ctx = { existing: existing ?? {}, provenance: provenanceOf(existing), fetchedAt: input.fetchedAt, ...(input.jobId ? { jobId: input.jobId } : {}) };
    const update = normalised(companyUpdateFrom(input.findings, input, ctx));
    if (existing) {
      const provenance = { ...provenanceOf(existing), ...update.provenance };
      const outcome = await deps.records.patch(workspaceId, 'company', String(existing.uuid), { set: update.set, remove: [], provenance }, Number(existing.version));
      if (outcome.ok) return { uuid: String(existing.uuid), created: false, name: String(existing.name ?? update.set.name ?? input.domain) };
      if (outcome.reason === 'not_found' && input.companyUuid) throw new Error(`Company ${input.companyUuid} was deleted during its enrichment`);
    } else {
      const name = typeof update.set.name === 'string' ? update.set.name : input.domain;
      const uuid = companyUuid(name, typeof update.set.linkedin_url === 'string' ? update.set.linkedin_url : undefined);
      const outcome = await deps.records.create(workspaceId, { entity: 'company', uuid, fields: { ...update.set, name }, provenance: update.provenance });
      if (outcome.ok) return { uuid, created: true, name };
    }
    if (attempt >= MAX_WRITE_ATTEMPTS) throw new Error(`Company of ${input.domain} kept changing during its enrichment`);
  }
}

function contactFields(person: FoundPerson, company: { uuid: string; name: string }): Record<string, string> {
  return {
    first_name: person.firstName,
    last_name: person.lastName,
    ...(person.title ? { title: person.title } : {}),
    ...(person.email ? { email: person.email.toLowerCase() } : {}),
    ...(person.linkedinUrl ? { linkedin_url: storedText(FIELDS.contact.linkedin_url!, 'linkedin_url', person.linkedinUrl) } : {}),
    company_id: company.uuid,
    company_name: company.name,
  };
}

/** People a team page names become contacts of the company; a re-run updates them, never duplicates. */
async function writeContacts(deps: EnrichmentWriterDeps, workspaceId: string, input: EnrichmentInput, company: { uuid: string; name: string }): Promise<number> {
  let written = 0;
  for (const person of input.findings.people) {
    const fields = contactFields(person, company);
    const uuid = contactUuid(fields.first_name, fields.last_name, fields.linkedin_url);
    const provenance = Object.fromEntries(
      Object.keys(fields).map((field) => [field, { source: WEBSITE_SOURCE, url: person.url, fetched_at: input.fetchedAt, ...(input.jobId ? { job_id: input.jobId } : {}) }]),
    );
    const existing = await deps.records.get(workspaceId, 'contact', uuid);
    const outcome = existing
      ? await deps.records.patch(workspaceId, 'contact', uuid, { set: fields, remove: [], provenance: { ...provenanceOf(existing), ...provenance } })
      : await deps.records.create(workspaceId, { entity: 'contact', uuid, fields, provenance });
    if (outcome.ok) written += 1;
  }
  return written;
}

/**
 * Writes a crawl's findings: into the company the job selected, else the workspace's company with
 * that domain, else a new company named by the site. Each field keeps its provenance.
 */
export async function writeEnrichment(deps: EnrichmentWriterDeps, workspaceId: string, input: EnrichmentInput): Promise<EnrichmentWritten> {
  const company = await writeCompany(deps, workspaceId, input);
  const contacts = await writeContacts(deps, workspaceId, input, company);
  return { uuid: company.uuid, created: company.created, contacts };
}
