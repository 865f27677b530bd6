import { parsingError, unsupported } from '../errors.ts';
import { checkDateFormat, formatDate, resolveDateMath } from '../mappings/dates.ts';
import type { LeafField } from '../mappings/types.ts';
import { isObject } from '../query/common.ts';
import type { SearchContext } from '../query/types.ts';
import { NumericFieldIndex } from '../storage/numeric-field.ts';
import { Bitset } from '../structures/bitset.ts';
import type { Aggregation, NamedAggregations } from './types.ts';
import { runAll } from './types.ts';

/** One bucket: `from` inclusive, `to` exclusive, either open. */
interface RangeSpec {
  readonly key: string | undefined;
  readonly from: number | undefined;
  readonly to: number | undefined;
}

/** Java's Double.toString, which OpenSearch uses for range keys: "100.0", "1.0E7". */
export function javaDouble(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : n < 0 ? '-Infinity' : 'NaN';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e7 || abs < 1e-3)) {
    const [mantissa, exponent] = n.toExponential().split('e') as [string, string];
    return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
  }
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

/** `range` and `date_range`: buckets of docs with a value in [from, to). */
export class RangeAggregation implements Aggregation {
  constructor(
    private readonly field: LeafField | undefined,
    private readonly ranges: readonly RangeSpec[],
    private readonly keyed: boolean,
    private readonly dates: boolean,
    private readonly subAggs: NamedAggregations,
  ) {}

  run(ctx: SearchContext, docs: Bitset): Record<string, unknown> {
    const index = this.field === undefined ? undefined : ctx.segment.field(this.field.path);
    const buckets = this.ranges.map((range) => {
      const bits = new Bitset(ctx.maxDoc);
      if (index instanceof NumericFieldIndex) {
        const min = range.from ?? Number.NEGATIVE_INFINITY;
        const to = range.to ?? Number.POSITIVE_INFINITY;
        docs.forEach((doc) => {
          let hit = false;
          index.forEachValue(doc, (v) => {
            hit ||= v >= min && v < to;
          });
          if (hit) bits.add(doc);
        });
      }
      return this.bucket(range, bits, ctx);
    });
    if (!this.keyed) return { buckets };
    const out: Record<string, unknown> = Object.create(null);
    for (const bucket of buckets) {
      const { key, ...rest } = bucket;
      out[key as string] = rest;
    }
    return { buckets: out };
  }

  private format(n: number): string {
    return this.dates ? formatDate(n) : javaDouble(n);
  }

  private bucket(range: RangeSpec, bits: Bitset, ctx: SearchContext): Record<string, unknown> {
    const out: Record<string, unknown> = {
      key: range.key ?? `${range.from === undefined ? '*' : this.format(range.from)}-${range.to === undefined ? '*' : this.format(range.to)}`,
    };
    if (range.from !== undefined) {
      out.from = range.from;
      if (this.dates) out.from_as_string = formatDate(range.from);
    }
    if (range.to !== undefined) {
      out.to = range.to;
      if (this.dates) out.to_as_string = formatDate(range.to);
    }
    out.doc_count = bits.count();
    return Object.assign(out, runAll(this.subAggs, ctx, bits));
  }
}

function bound(value: unknown, dates: boolean, now: number, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (dates && typeof value === 'string') return resolveDateMath(value, now, false);
  if (!dates && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  throw parsingError(`[${name}] range bound [${String(value)}] is not a ${dates ? 'date' : 'number'}`);
}

/** Parses a `range` or `date_range` body; ranges come back sorted by from, then to, as OpenSearch orders buckets. */
export function parseRanges(type: 'range' | 'date_range', body: Record<string, unknown>, now: number): { field: string; ranges: RangeSpec[]; keyed: boolean } {
  for (const key of Object.keys(body)) {
    if (!['field', 'ranges', 'keyed', 'format', 'time_zone'].includes(key)) throw unsupported(`parameter [${key}] of aggregation [${type}]`);
  }
  if (typeof body.field !== 'string') throw parsingError(`[${type}] aggregation requires a [field]`);
  if (!Array.isArray(body.ranges) || body.ranges.length === 0) throw parsingError(`No [ranges] specified for the [${type}] aggregation`);
  if (type === 'date_range') checkDateFormat(body.format);
  else if (body.format !== undefined) throw unsupported(`parameter [format] of aggregation [range]`);
  if (body.time_zone !== undefined && !['UTC', 'Z', '+00:00'].includes(String(body.time_zone))) throw unsupported(`[${type}] time_zone [${String(body.time_zone)}] (only UTC)`);
  const dates = type === 'date_range';
  const ranges = body.ranges.map((r: unknown): RangeSpec => {
    if (!isObject(r)) throw parsingError(`[${type}] each range must be an object`);
    for (const key of Object.keys(r)) if (!['key', 'from', 'to'].includes(key)) throw parsingError(`[${type}] unknown range key [${key}]`);
    return { key: r.key === undefined ? undefined : String(r.key), from: bound(r.from, dates, now, type), to: bound(r.to, dates, now, type) };
  });
  ranges.sort((a, b) => (a.from ?? Number.NEGATIVE_INFINITY) - (b.from ?? Number.NEGATIVE_INFINITY) || (a.to ?? Number.POSITIVE_INFINITY) - (b.to ?? Number.POSITIVE_INFINITY));
  return { field: body.field, ranges, keyed: body.keyed === true };
}
