/**
 * Reads a person lookup's parameters (query string of `/person/lookup` and `/profile-company/lookup`,
 * or one entry of a bulk lookup's `queries`) the way RocketReach documents them: a lookup names
 * someone by `id`, `linkedin_url`, `email`, `phone`, `npi_number`, or `name` with `current_employer`.
 */
import type { PersonMatch } from './rocketreach-data.ts';

export const LOOKUP_TYPES = ['standard', 'premium', 'premium (feeds disabled)', 'bulk', 'phone', 'enrich'] as const;

export interface PersonLookupInput {
  readonly match: PersonMatch;
  /** NPI numbers identify US healthcare professionals; the fake's people have none, so they never match. */
  readonly npiNumber?: number;
  readonly returnCachedEmails: boolean;
  readonly webhookId?: number;
  readonly metadata?: unknown;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LINKEDIN = /^(https?:\/\/)?([a-z]{2,3}\.)?linkedin\.com\/(in|pub)\/[^/?#\s]+/i;

const text = (raw: unknown): string | undefined => (typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : typeof raw === 'number' ? String(raw) : undefined);

function integer(raw: unknown, field: string): Parsed<number | undefined> {
  const value = text(raw);
  if (value === undefined) return { ok: true, value: undefined };
  return /^\d+$/.test(value) ? { ok: true, value: Number(value) } : { ok: false, message: `${field}: A valid integer is required.` };
}

function booleanOf(raw: unknown, field: string): Parsed<boolean | undefined> {
  if (raw === undefined || raw === true || raw === false) return { ok: true, value: raw };
  const value = text(raw)?.toLowerCase();
  if (value === 'true' || value === '1') return { ok: true, value: true };
  if (value === 'false' || value === '0') return { ok: true, value: false };
  return { ok: false, message: `${field}: Must be a valid boolean.` };
}

function metadataOf(raw: unknown): Parsed<unknown> {
  if (raw === undefined || typeof raw === 'object') return { ok: true, value: raw ?? undefined };
  try {
    return { ok: true, value: JSON.parse(String(raw)) as unknown };
  } catch {
    return { ok: false, message: 'metadata: Value must be valid JSON.' };
  }
}

/** Validates and reads one lookup's parameters from a plain record (query string or JSON). */
export function parsePersonLookup(raw: Readonly<Record<string, unknown>>): Parsed<PersonLookupInput> {
  const id = integer(raw.id, 'id');
  if (!id.ok) return id;
  const npi = integer(raw.npi_number, 'npi_number');
  if (!npi.ok) return npi;
  const webhook = integer(raw.webhook_id, 'webhook_id');
  if (!webhook.ok) return webhook;
  const cached = booleanOf(raw.return_cached_emails, 'return_cached_emails');
  if (!cached.ok) return cached;
  const metadata = metadataOf(raw.metadata);
  if (!metadata.ok) return metadata;
  const email = text(raw.email);
  const linkedin = text(raw.linkedin_url) ?? text(raw.linkedin_ext_url);
  const name = text(raw.name);
  const employer = text(raw.current_employer);
  const lookupType = text(raw.lookup_type);
  if (email !== undefined && !EMAIL.test(email)) return { ok: false, message: 'email: Enter a valid email address.' };
  if (linkedin !== undefined && !LINKEDIN.test(linkedin)) return { ok: false, message: 'linkedin_url: Enter a valid LinkedIn profile URL.' };
  if (lookupType !== undefined && !(LOOKUP_TYPES as readonly string[]).includes(lookupType)) return { ok: false, message: `lookup_type: "${lookupType}" is not a valid choice.` };
  if ((name === undefined) !== (employer === undefined) && id.value === undefined && !email && !linkedin && !text(raw.phone) && npi.value === undefined) {
    return { ok: false, message: 'name and current_employer must be specified together.' };
  }
  const match: PersonMatch = {
    ...(id.value !== undefined ? { id: id.value } : {}),
    ...(linkedin ? { linkedin_url: linkedin } : {}),
    ...(email ? { email } : {}),
    ...(text(raw.phone) ? { phone: text(raw.phone)! } : {}),
    ...(name && employer ? { name, current_employer: employer } : {}),
  };
  if (Object.keys(match).length === 0 && npi.value === undefined) {
    return { ok: false, message: 'Must specify at least one of: id, linkedin_url, email, phone, npi_number, or name and current_employer.' };
  }
  return {
    ok: true,
    value: {
      match,
      ...(npi.value !== undefined ? { npiNumber: npi.value } : {}),
      returnCachedEmails: cached.value ?? false,
      ...(webhook.value !== undefined ? { webhookId: webhook.value } : {}),
      ...(metadata.value !== undefined ? { metadata: metadata.value } : {}),
    },
  };
}

/** A query string as a record: the last value of each parameter wins. */
export const queryRecord = (params: URLSearchParams): Record<string, string> => Object.fromEntries(params.entries());
