import { z } from 'zod';
import type { ErrorDetail } from '../../platform/errors.ts';
import { issuesToDetails } from '../../platform/validation.ts';
import { prepareCompany, prepareContact, type PreparedRecord } from './prepare.ts';

/**
 * A flat, spreadsheet-like row (Connectra's common batch upsert): company columns are prefixed
 * `company_` where they would clash with the person's own, and the person's LinkedIn is
 * `person_linkedin_url`. Each target field is named once here.
 */
export const COMPANY_COLUMNS = {
  company: 'name',
  company_linkedin_url: 'linkedin_url',
  company_website: 'website',
  company_domain: 'domain',
  employees: 'employees_count',
  industry: 'industries',
  industries: 'industries',
  keywords: 'keywords',
  technologies: 'technologies',
  company_description: 'description',
  company_phone: 'phone',
  company_address: 'address',
  company_city: 'city',
  company_state: 'state',
  company_country: 'country',
  annual_revenue: 'annual_revenue',
  total_funding: 'total_funding',
  founded_year: 'founded_year',
} as const;

export const CONTACT_COLUMNS = {
  first_name: 'first_name',
  last_name: 'last_name',
  email: 'email',
  email_status: 'email_status',
  title: 'title',
  seniority: 'seniority',
  departments: 'departments',
  mobile_phone: 'mobile_phone',
  person_linkedin_url: 'linkedin_url',
  city: 'city',
  state: 'state',
  country: 'country',
} as const;

const cell = z.union([z.string(), z.number(), z.array(z.string()), z.null()]).optional();
const columns = [...Object.keys(COMPANY_COLUMNS), ...Object.keys(CONTACT_COLUMNS)];
export const csvLikeRowSchema = z.strictObject(Object.fromEntries(columns.map((c) => [c, cell])));

function pick(row: Record<string, unknown>, map: Readonly<Record<string, string>>): { input: Record<string, unknown>; sources: Map<string, string> } {
  const input: Record<string, unknown> = {};
  const sources = new Map<string, string>();
  for (const [column, field] of Object.entries(map)) {
    const value = row[column];
    if (value === undefined || value === null || value === '') continue;
    input[field] = value;
    sources.set(field, column);
  }
  return { input, sources };
}

/** Reports errors on the client's own column names, not on our field names. */
function renamePaths(errors: readonly ErrorDetail[], sources: Map<string, string>): ErrorDetail[] {
  return errors.map((e) => {
    const field = e.path.split(/[.[]/)[0] ?? e.path;
    const column = sources.get(field);
    return column ? { ...e, path: column + e.path.slice(field.length) } : e;
  });
}

export interface CsvLikeResult {
  readonly company?: PreparedRecord;
  readonly contact?: PreparedRecord;
  readonly errors: ErrorDetail[];
}

/** One row → a company, a contact linked to it, or both. */
export function prepareCsvLikeRow(row: unknown): CsvLikeResult {
  const shape = csvLikeRowSchema.safeParse(row);
  if (!shape.success) return { errors: issuesToDetails(shape.error.issues) };
  const data = shape.data as Record<string, unknown>;
  const company = pick(data, COMPANY_COLUMNS);
  const contact = pick(data, CONTACT_COLUMNS);
  if (company.sources.size === 0 && contact.sources.size === 0) {
    return { errors: [{ path: '(root)', message: 'The row has no company or contact column' }] };
  }
  const errors: ErrorDetail[] = [];
  let preparedCompany: PreparedRecord | undefined;
  if (company.sources.size > 0) {
    const result = prepareCompany(company.input);
    if (result.ok) preparedCompany = result.record;
    else errors.push(...renamePaths(result.errors, company.sources));
  }
  let preparedContact: PreparedRecord | undefined;
  const hasPerson = ['first_name', 'last_name', 'linkedin_url', 'email'].some((f) => contact.sources.has(f));
  if (hasPerson) {
    if (preparedCompany) {
      contact.input.company_id = preparedCompany.uuid;
      const name = preparedCompany.fields.name;
      if (typeof name === 'string') contact.input.company_name = name;
    }
    const result = prepareContact(contact.input);
    if (result.ok) preparedContact = result.record;
    else errors.push(...renamePaths(result.errors, contact.sources));
  }
  if (errors.length > 0) return { errors };
  return { company: preparedCompany, contact: preparedContact, errors };
}
