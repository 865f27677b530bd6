import { illegalArgument, mapperParsing } from '../errors.ts';
import { parseDateValue } from './dates.ts';
import type { LeafField, NumericType } from './types.ts';

/** Lucene refuses terms longer than this many UTF-8 bytes. */
const MAX_TERM_BYTES = 32_766;
const PREVIEW_CHARS = 50;

const INTEGER_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  byte: [-128, 127],
  short: [-32_768, 32_767],
  integer: [-2_147_483_648, 2_147_483_647],
  long: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

function preview(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}...` : text;
}

export function fieldParseError(field: LeafField, id: string, value: unknown, detail?: string): Error {
  return mapperParsing(
    `failed to parse field [${field.path}] of type [${field.type}] in document with id '${id}'. Preview of field's value: '${preview(value)}'${detail ? `; ${detail}` : ''}`,
  );
}

/** Parses a number the way OpenSearch's default `coerce: true` does: numeric strings accepted, integers truncated. */
export function coerceNumber(type: NumericType, value: unknown): number | undefined {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) n = Number(value);
  else return undefined;
  if (!Number.isFinite(n)) return undefined;
  const range = INTEGER_RANGES[type];
  if (range === undefined) return type === 'float' ? Math.fround(n) : n;
  const truncated = Math.trunc(n);
  if (truncated < range[0] || truncated > range[1]) return undefined;
  return truncated;
}

export function coerceBoolean(value: unknown): number | undefined {
  if (value === true || value === 'true') return 1;
  if (value === false || value === 'false' || value === '') return 0;
  return undefined;
}

/** A keyword value as indexed: stringified, length-checked, normalised. Undefined when ignore_above drops it. */
export function keywordTerm(field: LeafField, value: string): string | undefined {
  if (value.length > field.ignoreAbove) return undefined;
  const term = field.normalizer === null ? value : field.normalizer(value);
  if (term.length * 3 > MAX_TERM_BYTES && Buffer.byteLength(term) > MAX_TERM_BYTES) {
    throw illegalArgument(`Document contains at least one immense term in field="${field.path}" (whose UTF8 encoding is longer than the max length ${MAX_TERM_BYTES}), all of which were skipped.`);
  }
  return term;
}

/** Converts one scalar from `_source` into its indexed form, or throws the mapper error OpenSearch would. */
export function indexedValue(field: LeafField, id: string, value: unknown): string | number | undefined {
  if (typeof value === 'object') throw fieldParseError(field, id, value);
  switch (field.type) {
    case 'keyword':
      return keywordTerm(field, String(value));
    case 'text':
      return String(value);
    case 'date': {
      const millis = typeof value === 'boolean' ? undefined : parseDateValue(value);
      if (millis === undefined) throw fieldParseError(field, id, value, `failed to parse date field [${String(value)}] with format [strict_date_optional_time||epoch_millis]`);
      return millis;
    }
    case 'boolean': {
      const b = coerceBoolean(value);
      if (b === undefined) throw fieldParseError(field, id, value, `Failed to parse value [${String(value)}] as only [true] or [false] are allowed.`);
      return b;
    }
    default: {
      const n = typeof value === 'boolean' ? undefined : coerceNumber(field.type, value);
      if (n === undefined) throw fieldParseError(field, id, value);
      return n;
    }
  }
}
