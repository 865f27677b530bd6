import { hash } from 'node:crypto';
import { parse as parseUuid } from 'uuid';
import { cleanText, urlIdentity } from './normalise.ts';

/** Fixed forever: changing it would give every existing record a new identity. */
const LEADSTACK_NAMESPACE = '6f1c9a52-3b0e-5d4f-9a7e-2c8b1d0e4f31';
const NAMESPACE_BYTES = Buffer.from(parseUuid(LEADSTACK_NAMESPACE));

/**
 * RFC 9562 UUIDv5: SHA-1 over namespace + name, version 5, variant 10. The same value as the
 * `uuid` package's v5 (test/unit/domain/ids.test.ts compares them), in a single one-shot hash:
 * imports derive two per row, and the package's general path costs four times as much.
 */
function v5Of(name: string): string {
  const input = Buffer.allocUnsafe(NAMESPACE_BYTES.length + Buffer.byteLength(name, 'utf8'));
  NAMESPACE_BYTES.copy(input, 0);
  input.write(name, NAMESPACE_BYTES.length, 'utf8');
  const hex = hash('sha1', input, 'hex');
  const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const nameKey = (value: string | undefined): string => cleanText(value ?? '').toLowerCase();
const urlKey = (value: string | undefined): string => (value ? urlIdentity(value) : '');

/** Company identity (Connectra rule): name + linkedin_url, normalised, as a UUIDv5. */
export function companyUuid(name: string | undefined, linkedinUrl: string | undefined): string {
  return v5Of(`company\u0000${nameKey(name)}\u0000${urlKey(linkedinUrl)}`);
}

/** Contact identity (Connectra rule): first_name + last_name + linkedin_url, normalised, as a UUIDv5. */
export function contactUuid(
  firstName: string | undefined,
  lastName: string | undefined,
  linkedinUrl: string | undefined,
): string {
  return v5Of(`contact\u0000${nameKey(firstName)}\u0000${nameKey(lastName)}\u0000${urlKey(linkedinUrl)}`);
}

/**
 * Identity of a record collected from Apollo: Apollo's own id, so collecting it again (by any
 * task, under any name it has meanwhile) updates the same record instead of adding one.
 */
export function apolloRecordUuid(entity: 'company' | 'contact', apolloId: string): string {
  return v5Of(`apollo\u0000${entity}\u0000${apolloId}`);
}

/** Signal identity: one per filing, item and signal type, so a repeated check finds it again instead of adding it twice. */
export function signalUuid(cik: string, accessionNumber: string, item: string, signalType: string): string {
  return v5Of(`signal\u0000${cik}\u0000${accessionNumber}\u0000${item}\u0000${signalType}`);
}
