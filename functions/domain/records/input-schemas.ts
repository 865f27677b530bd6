import { z } from 'zod';
import { COMPANY_FIELDS, CONTACT_FIELDS, type FieldSpec } from './fields.ts';
import { cleanText, normaliseUrl, parseLenientNumber, toList } from './normalise.ts';

/** Longest single value we keep; longer values are refused, not truncated. */
export const MAX_VALUE_LENGTH = 4096;
/** Most entries a list field (industries, departments...) may hold. */
export const MAX_LIST_ITEMS = 200;
/** Longest comma-separated list text, a number's text, and an email address. */
export const MAX_LIST_TEXT_LENGTH = MAX_VALUE_LENGTH * 4;
export const MAX_NUMBER_TEXT_LENGTH = 64;
export const MAX_EMAIL_LENGTH = 320;

/** Fields the server owns: never accepted from a client. */
const SYSTEM_FIELDS = new Set(['uuid', 'workspace_id', 'created_at', 'updated_at', 'version']);

export const INTEGER_BOUNDS: Readonly<Record<string, readonly [number, number]>> = {
  founded_year: [1000, 2100],
};

// A blank cell or a null means "not provided": an upsert never wipes a value with nothing.
const blankToUndefined = (value: unknown): unknown =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;

/** The stored form of a text or keyword value (shared with the CSV import's fast path). */
export function storedText(spec: FieldSpec, name: string, value: string): string {
  if (name.endsWith('linkedin_url') || name === 'website') return normaliseUrl(value);
  const cleaned = cleanText(value);
  return spec.lowercase ? cleaned.toLowerCase() : cleaned;
}

function textField(spec: FieldSpec, name: string) {
  return z.string().max(MAX_VALUE_LENGTH).transform((value) => storedText(spec, name, value));
}

function listField() {
  return z
    .union([z.string().max(MAX_LIST_TEXT_LENGTH), z.array(z.string().max(MAX_VALUE_LENGTH)).max(MAX_LIST_ITEMS)])
    .transform((value, ctx) => {
      const list = toList(value);
      if (list.length > MAX_LIST_ITEMS) ctx.addIssue({ code: 'custom', message: `At most ${MAX_LIST_ITEMS} values` });
      return list;
    });
}

/** A number field's value from a number or lenient text, within its bounds (shared with the CSV import's fast path). */
export function storedNumber(spec: FieldSpec, name: string, value: number | string): { ok: true; value: number } | { ok: false; reason: string } {
  const integer = spec.type === 'integer' || spec.type === 'long';
  const [min, max] = INTEGER_BOUNDS[name] ?? [0, Number.MAX_SAFE_INTEGER];
  const parsed = parseLenientNumber(value);
  if (!parsed.ok) return parsed;
  if (integer && !Number.isInteger(parsed.value)) return { ok: false, reason: `Expected a whole number, got ${parsed.value}` };
  if (parsed.value < min || parsed.value > max) return { ok: false, reason: `Expected a number between ${min} and ${max}` };
  return parsed;
}

function numberField(spec: FieldSpec, name: string) {
  return z.union([z.number(), z.string().max(MAX_NUMBER_TEXT_LENGTH)]).transform((value, ctx) => {
    const stored = storedNumber(spec, name, value);
    if (stored.ok) return stored.value;
    ctx.addIssue({ code: 'custom', message: stored.reason });
    return z.NEVER;
  });
}

function inputField(name: string, spec: FieldSpec): z.ZodType {
  let schema: z.ZodType;
  if (spec.array) schema = listField();
  else if (spec.type === 'keyword' || spec.type === 'text') schema = textField(spec, name);
  else if (spec.type === 'boolean') schema = z.boolean();
  else schema = numberField(spec, name);
  return z.preprocess(blankToUndefined, schema.optional());
}

const EMAIL = z
  .string()
  .max(MAX_EMAIL_LENGTH)
  .transform((v) => cleanText(v).toLowerCase())
  .pipe(z.email({ message: 'Not an email address' }));

function schemaFor(fields: Readonly<Record<string, FieldSpec>>, overrides: Record<string, z.ZodType>) {
  const shape: Record<string, z.ZodType> = {
    uuid: z.preprocess(blankToUndefined, z.uuid({ message: 'Not a UUID' }).transform((v) => v.toLowerCase()).optional()),
  };
  for (const [name, spec] of Object.entries(fields)) {
    if (SYSTEM_FIELDS.has(name)) continue;
    shape[name] = overrides[name] ?? inputField(name, spec);
  }
  // Unknown fields are refused by name, so a typo never silently drops data.
  return z.strictObject(shape);
}

export const companyInputSchema = schemaFor(COMPANY_FIELDS, {});

export const contactInputSchema = schemaFor(CONTACT_FIELDS, {
  email: z.preprocess(blankToUndefined, EMAIL.optional()),
  company_id: z.preprocess(blankToUndefined, z.uuid({ message: 'Not a UUID' }).transform((v) => v.toLowerCase()).optional()),
});

/** Field values after normalisation; absent means "leave as stored". */
export type RecordFields = Record<string, string | number | boolean | string[]>;

export interface RecordInput {
  readonly uuid?: string;
  readonly fields: RecordFields;
}

/** Splits a parsed input into its explicit uuid and its defined field values. */
export function toRecordInput(parsed: Record<string, unknown>): RecordInput {
  const fields: RecordFields = {};
  let uuid: string | undefined;
  for (const [key, value] of Object.entries(parsed)) {
    if (value === undefined) continue;
    if (key === 'uuid') uuid = value as string;
    else fields[key] = value as RecordFields[string];
  }
  return uuid === undefined ? { fields } : { uuid, fields };
}
