import { parsingError, searchPhaseFailure, unsupported } from '../errors.ts';
import { parseDateValue } from '../mappings/dates.ts';
import type { IndexMapping } from '../mappings/mapping.ts';
import type { LeafField } from '../mappings/types.ts';
import { isObject } from '../query/common.ts';
import { KeywordFieldIndex, lowerBound } from '../storage/keyword-field.ts';
import { NumericFieldIndex } from '../storage/numeric-field.ts';
import type { Segment } from '../storage/segment.ts';
import { docValuesField } from './fielddata.ts';

export interface SortSpec {
  readonly kind: 'score' | 'doc' | 'field';
  readonly name: string;
  readonly field: LeafField | undefined;
  readonly asc: boolean;
  readonly missingFirst: boolean;
  /** Which of a multi-valued doc's values it sorts by: OpenSearch defaults to min ascending, max descending. */
  readonly useMax: boolean;
}

/**
 * A sort field compiled against one snapshot: every doc maps to a number where smaller sorts
 * first, so comparing docs never touches strings or `_source`.
 */
export interface SortKey {
  key(doc: number, score: number): number;
  /** The value reported in a hit's `sort` array. */
  value(doc: number, score: number): unknown;
  /** The key a `search_after` value stands for. */
  afterKey(value: unknown): number;
}

const SORT_PARAMS = ['order', 'missing', 'mode', 'unmapped_type', 'numeric_type', 'format'];

function parseOrder(name: string, value: unknown, fallbackAsc: boolean): boolean {
  if (value === undefined) return fallbackAsc;
  if (value === 'asc' || value === 'ASC') return true;
  if (value === 'desc' || value === 'DESC') return false;
  throw parsingError(`[${name}] sort order [${String(value)}] must be one of [asc, desc]`);
}

function parseOneSort(entry: unknown, mapping: IndexMapping, index: string): SortSpec {
  let name: string;
  let params: Record<string, unknown>;
  if (typeof entry === 'string') {
    const colon = entry.lastIndexOf(':');
    [name, params] = colon > 0 ? [entry.slice(0, colon), { order: entry.slice(colon + 1) }] : [entry, {}];
  } else if (isObject(entry) && Object.keys(entry).length === 1) {
    name = Object.keys(entry)[0]!;
    const inner = entry[name];
    params = isObject(inner) ? inner : { order: inner };
  } else {
    throw parsingError('[sort] malformed: expected a field name or an object with one field');
  }
  if (name === '_script' || name === '_geo_distance') throw unsupported(`sort [${name}]`);
  for (const key of Object.keys(params)) if (!SORT_PARAMS.includes(key)) throw unsupported(`sort option [${key}] (on [${name}])`);
  if (params.numeric_type !== undefined || params.format !== undefined) throw unsupported(`sort option [${params.numeric_type !== undefined ? 'numeric_type' : 'format'}] (on [${name}])`);
  const missing = params.missing ?? '_last';
  if (missing !== '_last' && missing !== '_first') throw unsupported(`sort missing value [${String(missing)}] (only _first and _last)`);
  if (name === '_score' || name === '_doc') {
    const asc = parseOrder(name, params.order, name === '_doc');
    return { kind: name === '_score' ? 'score' : 'doc', name, field: undefined, asc, missingFirst: false, useMax: false };
  }
  if (name === '_id') throw unsupported('sort on [_id]');
  const asc = parseOrder(name, params.order, true);
  const mode = params.mode ?? (asc ? 'min' : 'max');
  if (mode !== 'min' && mode !== 'max') throw unsupported(`sort mode [${String(mode)}] (only min and max)`);
  const leaf = mapping.leaf(name);
  if (leaf === undefined && params.unmapped_type === undefined) {
    throw searchPhaseFailure(index, { type: 'query_shard_exception', reason: `No mapping found for [${name}] in order to sort on`, index });
  }
  return { kind: 'field', name, field: docValuesField(leaf, index, name), asc, missingFirst: missing === '_first', useMax: mode === 'max' };
}

/** Parses `sort` (body array/object/string, or the URL form "a:asc,b"); undefined means by score. */
export function parseSort(json: unknown, mapping: IndexMapping, index: string): SortSpec[] | undefined {
  if (json === undefined) return undefined;
  const list = Array.isArray(json) ? json : typeof json === 'string' ? json.split(',') : [json];
  if (list.length === 0) return undefined;
  return list.map((entry) => parseOneSort(entry, mapping, index));
}

function numericKey(spec: SortSpec, index: NumericFieldIndex | undefined): SortKey {
  const missing = spec.missingFirst ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  const column = index === undefined ? null : spec.useMax ? index.max : index.min;
  const sign = spec.asc ? 1 : -1;
  const raw = (doc: number): number => (column === null ? Number.NaN : column.get(doc));
  return {
    key: (doc) => {
      const v = raw(doc);
      return Number.isNaN(v) ? missing : sign * v;
    },
    value: (doc) => {
      const v = raw(doc);
      return Number.isNaN(v) ? null : v;
    },
    afterKey: (value) => {
      if (value === null) return missing;
      const n = typeof value === 'number' ? value : spec.field?.type === 'date' ? parseDateValue(value) : Number(value);
      if (n === undefined || !Number.isFinite(n)) throw parsingError(`Failed to parse search_after value [${String(value)}] for field [${spec.name}]`);
      return sign * n;
    },
  };
}

function keywordKey(spec: SortSpec, index: KeywordFieldIndex, maxDoc: number): SortKey {
  const ords = index.ordinalsFor(maxDoc);
  const column = spec.useMax ? ords.max : ords.min;
  const missing = spec.missingFirst ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  const sign = spec.asc ? 1 : -1;
  return {
    key: (doc) => (column[doc]! < 0 ? missing : sign * column[doc]!),
    value: (doc) => (column[doc]! < 0 ? null : ords.terms[column[doc]!]),
    afterKey: (value) => {
      if (value === null) return missing;
      const term = String(value);
      const pos = lowerBound(ords.terms, term);
      // A term absent from the dictionary sorts between its neighbours.
      return sign * (ords.terms[pos] === term ? pos : pos - 0.5);
    },
  };
}

export function compileSortKey(spec: SortSpec, segment: Segment): SortKey {
  const sign = spec.asc ? 1 : -1;
  if (spec.kind === 'score') return { key: (_doc, score) => sign * score, value: (_doc, score) => score, afterKey: (v) => sign * Number(v) };
  if (spec.kind === 'doc') return { key: (doc) => sign * doc, value: (doc) => doc, afterKey: (v) => sign * Number(v) };
  const index = spec.field === undefined ? undefined : segment.field(spec.field.path);
  if (index instanceof KeywordFieldIndex) return keywordKey(spec, index, segment.visibleMaxDoc);
  return numericKey(spec, index instanceof NumericFieldIndex ? index : undefined);
}
