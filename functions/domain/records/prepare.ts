import type { z } from 'zod';
import type { ErrorDetail } from '../../platform/errors.ts';
import { issuesToDetails } from '../../platform/validation.ts';
import type { Entity } from './fields.ts';
import type { Provenance } from './provenance.ts';
import { companyUuid, contactUuid } from './ids.ts';
import { companyInputSchema, contactInputSchema, toRecordInput, type RecordFields, type RecordInput } from './input-schemas.ts';
import { domainOf } from './normalise.ts';

/** A record ready to be merged into storage: its identity and its normalised fields. */
export interface PreparedRecord {
  readonly entity: Entity;
  readonly uuid: string;
  readonly fields: RecordFields;
  /** Values of columns outside the catalog (CSV imports): stored and merged key by key, never indexed. */
  readonly extra?: Readonly<Record<string, string>>;
  /** Where each collected field came from (source, URL, when), kept beside the record and never indexed. */
  readonly provenance?: Provenance;
}

export interface RowError {
  readonly index: number;
  readonly errors: readonly ErrorDetail[];
}

export type Prepared = { ok: true; record: PreparedRecord } | { ok: false; errors: ErrorDetail[] };

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function identityError(entity: Entity): ErrorDetail[] {
  const needs = entity === 'company' ? 'name or linkedin_url' : 'first_name, last_name or linkedin_url';
  return [{ path: entity === 'company' ? 'name' : 'first_name', message: `A ${entity} needs a uuid or its ${needs}` }];
}

function prepareWith(entity: Entity, schema: z.ZodType, row: unknown, prefix: string): Prepared {
  const parsed = schema.safeParse(row);
  if (!parsed.success) return { ok: false, errors: issuesToDetails(parsed.error.issues, prefix) };
  return identify(entity, toRecordInput(parsed.data as Record<string, unknown>));
}

/** Normalised fields → a record with its identity (explicit uuid, or derived), or the identity error. */
export function identify(entity: Entity, { uuid, fields }: RecordInput): Prepared {
  if (entity === 'company' && fields.domain === undefined && typeof fields.website === 'string') {
    const domain = domainOf(fields.website);
    if (domain) fields.domain = domain;
  }
  if (uuid) return { ok: true, record: { entity, uuid, fields } };
  const linkedin = str(fields.linkedin_url);
  if (entity === 'company') {
    if (!fields.name && !linkedin) return { ok: false, errors: identityError(entity) };
    return { ok: true, record: { entity, uuid: companyUuid(str(fields.name), linkedin), fields } };
  }
  if (!fields.first_name && !fields.last_name && !linkedin) return { ok: false, errors: identityError(entity) };
  return {
    ok: true,
    record: { entity, uuid: contactUuid(str(fields.first_name), str(fields.last_name), linkedin), fields },
  };
}

export const prepareCompany = (row: unknown, prefix = ''): Prepared =>
  prepareWith('company', companyInputSchema, row, prefix);

export const prepareContact = (row: unknown, prefix = ''): Prepared =>
  prepareWith('contact', contactInputSchema, row, prefix);
