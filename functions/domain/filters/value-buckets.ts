import { displayValue } from './display-value.ts';
import type { ValueSource } from './filter-catalog.ts';

type Dsl = Record<string, unknown>;

/** One distinct value of a field, as filter lists, autocomplete and statistics show it. */
export interface ValueBucket {
  /** The indexed (normalised) value: what keyword_match compares with. */
  readonly value: string;
  /** The value as stored, for showing. */
  readonly display_value: string;
  /** How many records hold it. */
  readonly count: number;
}

const SAMPLE = 'sample';

/**
 * A terms aggregation over a field's values, most frequent first and alphabetical among ties
 * (so pages are stable). Unless the field is stored lowercase, each bucket carries the most
 * recently updated record's value, to give back the original spelling of a normalised key.
 */
export function valuesAggregation(source: ValueSource, size: number, include?: string): Dsl {
  const terms: Dsl = { field: source.target, size, order: [{ _count: 'desc' }, { _key: 'asc' }] };
  if (include !== undefined) terms.include = include;
  if (source.spec.lowercase) return { terms };
  const sample = { top_hits: { size: 1, _source: { includes: [source.field] }, sort: [{ updated_at: { order: 'desc' } }] } };
  return { terms, aggs: { [SAMPLE]: sample } };
}

interface RawBucket {
  key?: unknown;
  doc_count?: unknown;
  [SAMPLE]?: { hits?: { hits?: { _source?: Record<string, unknown> }[] } };
}

/** The buckets of a {@link valuesAggregation} result. */
export function readValueBuckets(source: ValueSource, aggregation: unknown): ValueBucket[] {
  const buckets = ((aggregation as { buckets?: RawBucket[] } | undefined)?.buckets ?? []);
  return buckets.map((bucket) => {
    const value = String(bucket.key);
    const sample = bucket[SAMPLE]?.hits?.hits?.[0]?._source?.[source.field];
    return { value, display_value: displayValue(source.spec, value, sample), count: Number(bucket.doc_count ?? 0) };
  });
}
