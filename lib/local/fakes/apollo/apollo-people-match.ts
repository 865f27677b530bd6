/**
 * People Enrichment (`POST /api/v1/people/match`): finds one person from what the caller knows,
 * by Apollo id, LinkedIn URL, email, or name plus the employer's domain or name, and answers
 * `{ person }` with the employer's full record embedded, or `{ person: null }` when nobody fits.
 */
import { personOf, type ApolloDataset } from './apollo-dataset.ts';
import { organizationRecord, type Json } from './apollo-organization.record.ts';
import { emailOf, linkedinUrlOf, peopleOf, personCore, personFromLinkedinUrl, personRecord, type PersonCore } from './apollo-people.ts';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

const employerRow = (dataset: ApolloDataset, params: Record<string, unknown>): number | undefined => {
  const domain = text(params.domain)?.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/.*$/, '');
  if (domain !== undefined) return dataset.byDomain.get(domain);
  const name = text(params.organization_name)?.toLowerCase();
  return name === undefined ? undefined : dataset.byName.get(name);
};

const byName = (dataset: ApolloDataset, params: Record<string, unknown>): PersonCore | undefined => {
  const full = text(params.name)?.split(/\s+/);
  const first = (text(params.first_name) ?? full?.[0])?.toLowerCase();
  const last = (text(params.last_name) ?? full?.slice(1).join(' '))?.toLowerCase();
  const row = employerRow(dataset, params);
  if (first === undefined || last === undefined || row === undefined) return undefined;
  return peopleOf(dataset, row).find((core) => core.firstName.toLowerCase() === first && core.lastName.toLowerCase() === last);
};

const findPerson = (dataset: ApolloDataset, params: Record<string, unknown>): PersonCore | undefined => {
  const id = text(params.id);
  if (id !== undefined) {
    const found = personOf(dataset, id);
    return found ? personCore(dataset, found.row, found.person) : undefined;
  }
  const linkedin = text(params.linkedin_url);
  if (linkedin !== undefined) {
    const found = personFromLinkedinUrl(linkedin);
    if (!found || found.row >= dataset.count || found.person >= (dataset.staff[found.row] ?? 0)) return undefined;
    const core = personCore(dataset, found.row, found.person);
    return linkedinUrlOf(core) === linkedin.toLowerCase().replace(/^https:/, 'http:').replace(/\/$/, '') ? core : undefined;
  }
  const email = text(params.email)?.toLowerCase();
  if (email !== undefined) {
    const row = dataset.byDomain.get(email.slice(email.indexOf('@') + 1));
    return row === undefined ? undefined : peopleOf(dataset, row).find((core) => emailOf(dataset, core) === email && core.emailStatus !== 'unavailable');
  }
  return byName(dataset, params);
};

export const matchPerson = (dataset: ApolloDataset, params: Record<string, unknown>): Json => {
  const core = findPerson(dataset, params);
  if (!core) return { person: null };
  return { person: { ...personRecord(dataset, core), organization: organizationRecord(dataset, core.row) } };
};
