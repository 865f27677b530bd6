import { badRequest } from '../errors.ts';
import { resolveDateMath } from '../mappings/dates.ts';
import type { LeafField, NumericType } from '../mappings/types.ts';
import { coerceBoolean, coerceNumber } from '../mappings/values.ts';
import { KeywordFieldIndex } from '../storage/keyword-field.ts';
import { NumericFieldIndex } from '../storage/numeric-field.ts';
import { TextFieldIndex } from '../storage/text-field.ts';
import { Bitset } from '../structures/bitset.ts';
import type { SearchContext } from './types.ts';

export function queryShardError(reason: string): Error {
  return badRequest('query_shard_exception', reason);
}

/** The exact term a term-level query looks up: normalised for keyword fields, verbatim for text. */
export function termFor(field: LeafField, value: unknown): string {
  if (value === null || typeof value === 'object') throw queryShardError(`failed to create query: [${field.path}] term value must be a scalar`);
  const text = String(value);
  return field.type === 'keyword' && field.normalizer !== null ? field.normalizer(text) : text;
}

/**
 * The number a numeric/date/boolean query value stands for; undefined when no doc can hold it
 * (a decimal on an integer field), which OpenSearch answers with no match.
 */
export function numberFor(field: LeafField, value: unknown, now: number, roundUp = false): number | undefined {
  if (field.type === 'date') {
    if (typeof value === 'number') return Math.trunc(value);
    if (typeof value !== 'string') throw queryShardError(`failed to create query: [${field.path}] date value must be a string or number`);
    return resolveDateMath(value, now, roundUp);
  }
  if (field.type === 'boolean') {
    const b = coerceBoolean(value);
    if (b === undefined) throw queryShardError(`failed to create query: Can't parse boolean value [${String(value)}], expected [true] or [false]`);
    return b;
  }
  const asNumber = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof asNumber !== 'number' || !Number.isFinite(asNumber)) throw queryShardError(`failed to create query: For input string: "${String(value)}"`);
  if (field.type === 'float') return Math.fround(asNumber);
  if (field.type === 'double') return asNumber;
  if (!Number.isInteger(asNumber)) return undefined;
  return coerceNumber(field.type as NumericType, asNumber);
}

export type ResolvedValue =
  | { readonly kind: 'term'; readonly term: string }
  | { readonly kind: 'number'; readonly min: number; readonly max: number }
  | { readonly kind: 'none' };

/**
 * Converts a query value at parse time, so a malformed value is a 400 even on an empty index.
 * A date term is the range its text covers ("2024-05-01" is that whole day), as in OpenSearch.
 */
export function resolveValue(field: LeafField, value: unknown, now: number): ResolvedValue {
  if (field.indexKind !== 'numeric') return { kind: 'term', term: termFor(field, value) };
  const min = numberFor(field, value, now, false);
  if (min === undefined) return { kind: 'none' };
  return { kind: 'number', min, max: field.type === 'date' ? numberFor(field, value, now, true)! : min };
}

/** Docs holding exactly `value` in `field`, without scores. */
export function docsWithValue(ctx: SearchContext, field: LeafField, value: ResolvedValue): Bitset {
  const index = ctx.segment.field(field.path);
  if (value.kind === 'term' && (index instanceof KeywordFieldIndex || index instanceof TextFieldIndex)) {
    const bits = new Bitset(ctx.maxDoc);
    index.addTermDocs(value.term, bits);
    return bits;
  }
  if (value.kind === 'number' && index instanceof NumericFieldIndex) return index.rangeDocs(value, ctx.maxDoc);
  return new Bitset(ctx.maxDoc);
}
