import { z } from 'zod';
import { COMPANY_COLUMNS, CONTACT_COLUMNS } from '../records/csv-like-row.ts';
import { FIELDS, type Entity, type FieldSpec } from '../records/fields.ts';
import {
  MAX_EMAIL_LENGTH,
  MAX_LIST_ITEMS,
  MAX_LIST_TEXT_LENGTH,
  MAX_NUMBER_TEXT_LENGTH,
  MAX_VALUE_LENGTH,
  storedNumber,
  storedText,
  type RecordFields,
} from '../records/input-schemas.ts';
import { cleanText, toList } from '../records/normalise.ts';
import { identify, type PreparedRecord } from '../records/prepare.ts';

/**
 * The CSV import's hot path. The records domain validates rows with zod (csv-like-row.ts,
 * input-schemas.ts), which costs several times what parsing the row does. Import cells are
 * always strings, so each field compiles here to a plain function built from the same catalog,
 * limits and normalisers (`storedText`, `storedNumber`, `toList`, zod's own email pattern).
 * Whenever a value is not certainly valid, the row goes back to the zod path, which decides
 * and words the error exactly as the HTTP API does: this path only ever accepts, never refuses.
 * test/unit/domain/imports/fast-prepare.test.ts checks both paths agree.
 */

/** A normalised value, or undefined when zod must decide. */
type CellNormaliser = (value: string) => RecordFields[string] | undefined;

const EMAIL_PATTERN = z.regexes.email;
/** Bounds of each list field's memo: distinct texts kept, and the longest text worth keeping. */
const MAX_MEMO_ENTRIES = 1_000;
const MAX_MEMO_TEXT_LENGTH = 256;
const PERSON_FIELDS = ['first_name', 'last_name', 'linkedin_url', 'email'];

function normaliserFor(name: string, spec: FieldSpec): CellNormaliser {
  if (name === 'email') {
    return (v) => {
      if (v.length > MAX_EMAIL_LENGTH) return undefined;
      const email = cleanText(v).toLowerCase();
      return EMAIL_PATTERN.test(email) ? email : undefined;
    };
  }
  if (spec.array) {
    // Lists repeat ("Engineering, Sales"): each distinct text is split once per process. The
    // lists are frozen, as rows share them.
    const seen = new Map<string, readonly string[] | undefined>();
    return (v) => {
      if (seen.has(v)) return seen.get(v) as string[] | undefined;
      const list = v.length > MAX_LIST_TEXT_LENGTH ? undefined : toList(v);
      const kept = list && list.length <= MAX_LIST_ITEMS ? Object.freeze(list) : undefined;
      if (v.length <= MAX_MEMO_TEXT_LENGTH) {
        if (seen.size >= MAX_MEMO_ENTRIES) seen.clear();
        seen.set(v, kept);
      }
      return kept as string[] | undefined;
    };
  }
  if (spec.type === 'keyword' || spec.type === 'text') return (v) => (v.length > MAX_VALUE_LENGTH ? undefined : storedText(spec, name, v));
  if (spec.type === 'boolean' || spec.type === 'date') return () => undefined;
  return (v) => {
    if (v.length > MAX_NUMBER_TEXT_LENGTH) return undefined;
    const stored = storedNumber(spec, name, v);
    return stored.ok ? stored.value : undefined;
  };
}

type ColumnNormalisers = readonly (readonly [column: string, field: string, normalise: CellNormaliser])[];

const compile = (entity: Entity, columns: Readonly<Record<string, string>>): ColumnNormalisers =>
  Object.entries(columns).map(([column, field]) => [column, field, normaliserFor(field, FIELDS[entity][field] as FieldSpec)] as const);

const COMPANY = compile('company', COMPANY_COLUMNS);
const CONTACT = compile('contact', CONTACT_COLUMNS);
const companyNameOfContact = normaliserFor('company_name', FIELDS.contact.company_name as FieldSpec);

/** Fields of one entity from a CSV-like row; undefined when a value needs zod, {} when the row has none. */
function fieldsOf(row: Readonly<Record<string, string>>, normalisers: ColumnNormalisers): RecordFields | undefined {
  const fields: RecordFields = {};
  for (const [column, field, normalise] of normalisers) {
    const cell = row[column];
    if (cell === undefined) continue;
    const value = normalise(cell);
    if (value === undefined) return undefined;
    fields[field] = value;
  }
  return fields;
}

/** Only the company part of a row, for the per-import company cache: identical columns, identical company. */
export function fastPrepareCompany(row: Readonly<Record<string, string>>): PreparedRecord | null | undefined {
  const fields = fieldsOf(row, COMPANY);
  if (fields === undefined) return undefined;
  if (Object.keys(fields).length === 0) return null;
  const prepared = identify('company', { fields });
  return prepared.ok ? prepared.record : undefined;
}

/** The key the company part of a row is cached under. */
export function companyKeyOf(row: Readonly<Record<string, string>>): string {
  let key = '';
  for (const [column] of COMPANY) key += `${row[column] ?? ''}\u0001`;
  return key;
}

export interface FastPrepared {
  readonly company?: PreparedRecord;
  readonly contact?: PreparedRecord;
}

/**
 * A CSV-like row (non-blank string cells) → its company and contact, exactly as
 * `prepareCsvLikeRow` would make them, or undefined when that function must decide (an error,
 * or a value this path is not certain of). `company` comes from `fastPrepareCompany` (cached).
 */
export function fastPrepareCsvLikeRow(row: Readonly<Record<string, string>>, company: PreparedRecord | null | undefined): FastPrepared | undefined {
  if (company === undefined) return undefined;
  const fields = fieldsOf(row, CONTACT);
  if (fields === undefined) return undefined;
  // No person: a company-only row, or a row naming nothing (zod's path words that problem).
  if (!PERSON_FIELDS.some((f) => fields[f] !== undefined)) return company ? { company } : undefined;
  if (company) {
    fields.company_id = company.uuid;
    if (typeof company.fields.name === 'string') {
      const name = companyNameOfContact(company.fields.name);
      if (name === undefined) return undefined;
      fields.company_name = name;
    }
  }
  const contact = identify('contact', { fields });
  if (!contact.ok) return undefined;
  return company ? { company, contact: contact.record } : { contact: contact.record };
}
