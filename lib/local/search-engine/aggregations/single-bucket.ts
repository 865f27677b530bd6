import { parsingError } from '../errors.ts';
import type { LeafField } from '../mappings/types.ts';
import { isObject } from '../query/common.ts';
import type { Query, SearchContext } from '../query/types.ts';
import { Bitset } from '../structures/bitset.ts';
import type { Aggregation, NamedAggregations } from './types.ts';
import { runAll } from './types.ts';

/** `filter`: one bucket holding the matched docs that also match a query. */
export class FilterAggregation implements Aggregation {
  constructor(
    private readonly query: Query,
    private readonly subAggs: NamedAggregations,
  ) {}

  run(ctx: SearchContext, docs: Bitset): Record<string, unknown> {
    const bits = this.query.execute(ctx, false).bits.and(docs);
    return { doc_count: bits.count(), ...runAll(this.subAggs, ctx, bits) };
  }
}

/** `filters`: one bucket per named (or listed) query, plus an optional bucket for docs matching none. */
export class FiltersAggregation implements Aggregation {
  constructor(
    private readonly filters: ReadonlyArray<readonly [name: string | undefined, query: Query]>,
    private readonly otherBucketKey: string | undefined,
    private readonly subAggs: NamedAggregations,
  ) {}

  run(ctx: SearchContext, docs: Bitset): Record<string, unknown> {
    const keyed = this.filters.length > 0 && this.filters[0]![0] !== undefined;
    const matchedAny = new Bitset(ctx.maxDoc);
    const buckets: Array<[string | undefined, Record<string, unknown>]> = this.filters.map(([name, query]) => {
      const bits = query.execute(ctx, false).bits.and(docs);
      matchedAny.or(bits);
      return [name, { doc_count: bits.count(), ...runAll(this.subAggs, ctx, bits) }];
    });
    if (this.otherBucketKey !== undefined) {
      const rest = docs.clone().andNot(matchedAny);
      buckets.push([this.otherBucketKey, { doc_count: rest.count(), ...runAll(this.subAggs, ctx, rest) }]);
    }
    if (!keyed) return { buckets: buckets.map(([, b]) => b) };
    const out: Record<string, unknown> = Object.create(null);
    for (const [name, bucket] of buckets) out[name!] = bucket;
    return { buckets: out };
  }
}

/** Parses the `filters` body: `{filters: {name: query}}` (keyed) or `{filters: [query]}`. */
export function parseFiltersDefinition(body: Record<string, unknown>, parse: (json: unknown) => Query): { filters: Array<[string | undefined, Query]>; otherBucketKey: string | undefined } {
  for (const key of Object.keys(body)) {
    if (!['filters', 'other_bucket', 'other_bucket_key'].includes(key)) throw parsingError(`Unknown key for a START_OBJECT in [filters]: [${key}]`);
  }
  const defs = body.filters;
  let filters: Array<[string | undefined, Query]>;
  if (Array.isArray(defs)) filters = defs.map((q) => [undefined, parse(q)]);
  else if (isObject(defs)) filters = Object.keys(defs).sort().map((name) => [name, parse(defs[name])]);
  else throw parsingError('[filters] requires a [filters] object or array');
  const otherKey = typeof body.other_bucket_key === 'string' ? body.other_bucket_key : body.other_bucket === true ? '_other_' : undefined;
  return { filters, otherBucketKey: otherKey };
}

/** `missing`: the matched docs holding no value in a field. */
export class MissingAggregation implements Aggregation {
  constructor(
    private readonly field: LeafField | undefined,
    private readonly subAggs: NamedAggregations,
  ) {}

  run(ctx: SearchContext, docs: Bitset): Record<string, unknown> {
    const withValue = new Bitset(ctx.maxDoc);
    const index = this.field === undefined ? undefined : ctx.segment.field(this.field.path);
    if (index !== undefined) index.exists.addTo(withValue);
    const bits = docs.clone().andNot(withValue);
    return { doc_count: bits.count(), ...runAll(this.subAggs, ctx, bits) };
  }
}
