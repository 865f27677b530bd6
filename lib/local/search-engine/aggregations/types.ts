import type { Bitset } from '../structures/bitset.ts';
import type { SearchContext } from '../query/types.ts';

/** A parsed aggregation, ready to run over the docs a query matched. */
export interface Aggregation {
  run(ctx: SearchContext, docs: Bitset): Record<string, unknown>;
}

export type NamedAggregations = ReadonlyMap<string, Aggregation>;

export function runAll(aggs: NamedAggregations, ctx: SearchContext, docs: Bitset): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const [name, agg] of aggs) out[name] = agg.run(ctx, docs);
  return out;
}
