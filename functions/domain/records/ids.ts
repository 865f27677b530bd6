import { v5 as uuidv5 } from 'uuid';
import { cleanText, urlIdentity } from './normalise.ts';

/** Fixed forever: changing it would give every existing record a new identity. */
const LEADSTACK_NAMESPACE = '6f1c9a52-3b0e-5d4f-9a7e-2c8b1d0e4f31';

const nameKey = (value: string | undefined): string => cleanText(value ?? '').toLowerCase();
const urlKey = (value: string | undefined): string => (value ? urlIdentity(value) : '');

/** Company identity (Connectra rule): name + linkedin_url, normalised, as a UUIDv5. */
export function companyUuid(name: string | undefined, linkedinUrl: string | undefined): string {
  return uuidv5(`company\u0000${nameKey(name)}\u0000${urlKey(linkedinUrl)}`, LEADSTACK_NAMESPACE);
}

/** Contact identity (Connectra rule): first_name + last_name + linkedin_url, normalised, as a UUIDv5. */
export function contactUuid(
  firstName: string | undefined,
  lastName: string | undefined,
  linkedinUrl: string | undefined,
): string {
  return uuidv5(
    `contact\u0000${nameKey(firstName)}\u0000${nameKey(lastName)}\u0000${urlKey(linkedinUrl)}`,
    LEADSTACK_NAMESPACE,
  );
}
