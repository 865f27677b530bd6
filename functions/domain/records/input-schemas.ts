import { z } from 'zod';
import { COMPANY_FIELDS, CONTACT_FIELDS, type FieldSpec } from './fields.ts';
import { cleanText, normaliseUrl, parseLenientNumber, toList } from './normalise.ts';

/** Longest single value we keep; longer values are refused, not truncated. */
export const MAX_VALUE_LENGTH = 4096;
/** Most entries a list field (industries, departments...) may hold. */
export const MAX_LIST_ITEMS = 200;

/** Fields the server owns: never accepted from a client. */
const SYSTEM_FIELDS = new Set(['uuid', 'workspace_id', 'created_at', 'updated_at', 'version']);

const INTEGER_BOUNDS: Record<string, readonly [number, number]> = {
  founded_year: [1000, 2100],
};

// A blank cell or a null means "not provided": an upsert never wipes a value with nothing.
const blankToUndefined = (value: unknown): unknown =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;

function textField(spec: FieldSpec, name: string) {
  const toStored = (value: string): string => {
    if (name.endsWith('linkedin_url') || name === 'website') return normaliseUrl(value);
    const cleaned = cleanText(value);
    return spec.lowercase ? cleaned.toLowerCase() : cleaned;
  };
  return z.string().max(MAX_VALUE_LENGTH).transform(toStored);
}

function listField() {
  return z
    .union([z.string().max(MAX_VALUE_LENGTH * 4), z.array(z.string().max(MAX_VALUE_LENGTH)).max(MAX_LIST_ITEMS)])
    .transform((value, ctx) => {
      const list = toList(value);
      if (list.length > MAX_LIST_ITEMS) ctx.addIssue({ code: 'custom', message: `At most ${MAX_LIST_ITEMS} values` });
      return list;
    });
}

function numberField(spec: FieldSpec, name: string) {
  const integer = spec.type === 'integer' || spec.type === 'long';
  const [min, max] = INTEGER_BOUNDS[name] ?? [0, Number.MAX_SAFE_INTEGER];
  return z.union([z.number(), z.string().max(64)]).transform((value, ctx) => {
    const parsed = parseLenientNumber(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.reason });
      return z.NEVER;
    }
    if (integer && !Number.isInteger(parsed.value)) {
      ctx.addIssue({ code: 'custom', message: `Expected a whole number, got ${parsed.value}` });
      return z.NEVER;
    }
    if (parsed.value < min || parsed.value > max) {
      ctx.addIssue({ code: 'custom', message: `Expected a number between ${min} and ${max}` });
      return z.NEVER;
    }
    return parsed.value;
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
  .max(320)
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
