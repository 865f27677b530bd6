import { validationError, type ErrorDetail } from '../../platform/errors.ts';
import type { RecordStore } from '../../ports/records.port.ts';
import { prepareCompany, type PreparedRecord } from './prepare.ts';

/**
 * Appointment360's contact form writes the contact and its company in one body: `company` (the
 * company's name), its `industry`, `employees`, `annual_revenue` and `website`, and the
 * person's LinkedIn URL as `person_linkedin_url`. leadstack keeps those on two records, so a
 * body in those names is split: the contact's own fields under leadstack's names, and the
 * company's fields upserted on the company (by its name, the same identity imports use) that
 * the contact is then linked to. Both spellings of a field are accepted; both given with
 * different values is an error naming the alias.
 */
const CONTACT_ALIASES = { company: 'company_name', person_linkedin_url: 'linkedin_url' } as const;

/** The form's company fields → the company record's fields. */
const COMPANY_FIELDS_OF_FORM = { industry: 'industries', employees: 'employees_count', annual_revenue: 'annual_revenue', website: 'website' } as const;

export interface ContactWithCompany {
  /** The contact's fields in leadstack's names (aliases resolved), ready for the contact schema. */
  readonly contact: Record<string, unknown>;
  /** The company's fields when the body carried any (its name included), else undefined. */
  readonly company?: Record<string, unknown>;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function resolveAliases(body: Record<string, unknown>, errors: ErrorDetail[]): Record<string, unknown> {
  const contact: Record<string, unknown> = { ...body };
  for (const [alias, canonical] of Object.entries(CONTACT_ALIASES)) {
    if (!Object.hasOwn(contact, alias)) continue;
    const value = contact[alias];
    delete contact[alias];
    if (Object.hasOwn(contact, canonical) && !sameValue(contact[canonical], value)) {
      errors.push({ path: alias, message: `Both ${alias} and ${canonical} given with different values; give one` });
    } else {
      contact[canonical] = value;
    }
  }
  return contact;
}

/** Splits a contact body into the contact's fields and its company's, or throws naming the field. */
export function splitContactBody(body: unknown): ContactWithCompany {
  if (!isPlainObject(body)) throw validationError('Expected a JSON object of fields', [{ path: 'body', message: 'Expected an object' }]);
  const errors: ErrorDetail[] = [];
  const contact = resolveAliases(body, errors);
  const company: Record<string, unknown> = {};
  for (const [formField, companyField] of Object.entries(COMPANY_FIELDS_OF_FORM)) {
    if (!Object.hasOwn(contact, formField)) continue;
    const value = contact[formField];
    delete contact[formField];
    if (value === null || value === undefined || value === '') continue;
    company[companyField] = companyField === 'industries' && !Array.isArray(value) ? [value] : value;
  }
  if (Object.keys(company).length > 0) {
    const name = contact.company_name;
    if (typeof name !== 'string' || name.trim() === '') {
      const first = Object.keys(COMPANY_FIELDS_OF_FORM).find((field) => Object.hasOwn(body, field)) ?? 'company';
      errors.push({ path: 'company', message: `The company's name is required with its ${first}` });
    } else {
      company.name = name;
    }
  }
  if (errors.length > 0) throw validationError(`Invalid contact: ${errors.map((e) => e.path).join(', ')}`, errors);
  return Object.keys(company).length > 0 ? { contact, company } : { contact };
}

/** The company a contact body names, validated as a company upsert row (errors keep the form's names). */
export function prepareCompanyOfContact(company: Record<string, unknown>): PreparedRecord {
  const prepared = prepareCompany(company);
  if (prepared.ok) return prepared.record;
  const formName = Object.fromEntries(Object.entries(COMPANY_FIELDS_OF_FORM).map(([form, field]) => [field, form]));
  const errors = prepared.errors.map((e) => ({ ...e, path: formName[e.path] ?? (e.path === 'name' ? 'company' : e.path) }));
  throw validationError(`Invalid contact: ${errors.map((e) => e.path).join(', ')}`, errors);
}

/** Merges the company into storage (created when new) and answers its uuid for the contact's `company_id`. */
export async function upsertCompanyOfContact(store: RecordStore, workspaceId: string, company: PreparedRecord): Promise<string> {
  const [outcome] = await store.upsertMany(workspaceId, [company]);
  if (!outcome?.ok) throw new Error(`The contact's company was not stored: ${outcome?.reason ?? 'no outcome'}`);
  return outcome.uuid;
}

/** What Appointment360's frontends read back beside leadstack's own names. */
export function formFieldsOf(contact: Readonly<Record<string, unknown>>, company: PreparedRecord | undefined): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  if (typeof contact.company_name === 'string') view.company = contact.company_name;
  const industries = company?.fields.industries;
  if (Array.isArray(industries) && industries.length > 0) view.industry = industries[0];
  if (company?.fields.employees_count !== undefined) view.employees = company.fields.employees_count;
  return view;
}
