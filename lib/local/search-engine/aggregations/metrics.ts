import { illegalArgument, parsingError } from '../errors.ts';
import { formatDate } from '../mappings/dates.ts';
import type { LeafField } from '../mappings/types.ts';
import type { SearchContext } from '../query/types.ts';
import { KeywordFieldIndex } from '../storage/keyword-field.ts';
import { NumericFieldIndex } from '../storage/numeric-field.ts';
import type { Bitset } from '../structures/bitset.ts';
import type { Aggregation } from './types.ts';

export type MetricType = 'avg' | 'sum' | 'min' | 'max' | 'value_count' | 'cardinality';

interface Stats {
  count: number;
  sum: number;
  min: number;
  max: number;
}

function numericStats(ctx: SearchContext, field: LeafField, docs: Bitset): Stats {
  const stats: Stats = { count: 0, sum: 0, min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY };
  const index = ctx.segment.field(field.path);
  if (!(index instanceof NumericFieldIndex)) return stats;
  const visit = (v: number): void => {
    stats.count++;
    stats.sum += v;
    if (v < stats.min) stats.min = v;
    if (v > stats.max) stats.max = v;
  };
  docs.forEach((doc) => index.forEachValue(doc, visit));
  return stats;
}

function withDateString(field: LeafField, value: number | null): Record<string, unknown> {
  if (field.type !== 'date' || value === null) return { value };
  return { value, value_as_string: formatDate(value) };
}

function distinctCount(ctx: SearchContext, field: LeafField, docs: Bitset): number {
  const index = ctx.segment.field(field.path);
  if (index instanceof KeywordFieldIndex) {
    let n = 0;
    index.countByTerm(docs, () => n++);
    return n;
  }
  if (!(index instanceof NumericFieldIndex)) return 0;
  const seen = new Set<number>();
  docs.forEach((doc) => index.forEachValue(doc, (v) => seen.add(v)));
  return seen.size;
}

function valueCount(ctx: SearchContext, field: LeafField, docs: Bitset): number {
  const index = ctx.segment.field(field.path);
  if (index instanceof KeywordFieldIndex) {
    let n = 0;
    index.countByTerm(docs, (_term, count) => (n += count));
    return n;
  }
  return numericStats(ctx, field, docs).count;
}

/** avg/sum/min/max/value_count/cardinality over one field, with OpenSearch's empty-set answers. */
export class MetricAggregation implements Aggregation {
  constructor(
    private readonly type: MetricType,
    private readonly field: LeafField | undefined,
  ) {}

  run(ctx: SearchContext, docs: Bitset): Record<string, unknown> {
    const field = this.field;
    if (this.type === 'value_count') return { value: field === undefined ? 0 : valueCount(ctx, field, docs) };
    if (this.type === 'cardinality') return { value: field === undefined ? 0 : distinctCount(ctx, field, docs) };
    if (field === undefined) return { value: this.type === 'sum' ? 0 : null };
    const stats = numericStats(ctx, field, docs);
    switch (this.type) {
      case 'sum':
        return withDateString(field, stats.sum);
      case 'avg':
        return withDateString(field, stats.count === 0 ? null : stats.sum / stats.count);
      case 'min':
        return withDateString(field, stats.count === 0 ? null : stats.min);
      default:
        return withDateString(field, stats.count === 0 ? null : stats.max);
    }
  }
}

export function checkMetricField(type: MetricType, field: LeafField | undefined, name: string): void {
  if (field === undefined || type === 'value_count' || type === 'cardinality') return;
  if (field.indexKind !== 'numeric') throw illegalArgument(`Field [${name}] of type [${field.type}] is not supported for aggregation [${type}]`);
}

export function parseMetricParams(type: MetricType, body: Record<string, unknown>): string {
  if (typeof body.field !== 'string') throw parsingError(`[${type}] aggregation requires a [field]`);
  return body.field;
}
