import { parsingError, unsupported } from '../errors.ts';
import { checkDateFormat, formatDate } from '../mappings/dates.ts';
import type { LeafField } from '../mappings/types.ts';
import type { SearchContext } from '../query/types.ts';
import { NumericFieldIndex } from '../storage/numeric-field.ts';
import { Bitset } from '../structures/bitset.ts';
import type { Aggregation, NamedAggregations } from './types.ts';
import { runAll } from './types.ts';

const DAY = 86_400_000;
const FIXED_UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: DAY };
const CALENDAR: Readonly<Record<string, string>> = {
  minute: 'm', '1m': 'm', hour: 'h', '1h': 'h', day: 'd', '1d': 'd', week: 'w', '1w': 'w', month: 'M', '1M': 'M', quarter: 'q', '1q': 'q', year: 'y', '1y': 'y',
};
/** More buckets than this is refused, like OpenSearch's `search.max_buckets`. */
const MAX_BUCKETS = 65_535;

interface Interval {
  floor(ms: number): number;
  next(ms: number): number;
}

function calendarInterval(unit: string): Interval {
  const monthly = (months: number): Interval => ({
    floor: (ms) => {
      const d = new Date(ms);
      return Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / months) * months, 1);
    },
    next: (ms) => {
      const d = new Date(ms);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
    },
  });
  if (unit === 'M') return monthly(1);
  if (unit === 'q') return monthly(3);
  if (unit === 'y') return monthly(12);
  if (unit === 'w') {
    // Weeks start on Monday; 1970-01-01 was a Thursday.
    return { floor: (ms) => (Math.floor(ms / DAY) - ((Math.floor(ms / DAY) + 3) % 7 + 7) % 7) * DAY, next: (ms) => ms + 7 * DAY };
  }
  return fixedInterval(FIXED_UNITS[unit]!);
}

function fixedInterval(size: number): Interval {
  return { floor: (ms) => Math.floor(ms / size) * size, next: (ms) => ms + size };
}

function parseInterval(body: Record<string, unknown>): Interval {
  if (body.interval !== undefined) throw unsupported('[date_histogram] [interval] (use calendar_interval or fixed_interval)');
  if (typeof body.calendar_interval === 'string') {
    const unit = CALENDAR[body.calendar_interval];
    if (unit === undefined) throw parsingError(`The supplied interval [${body.calendar_interval}] could not be parsed as a calendar interval.`);
    return calendarInterval(unit);
  }
  if (typeof body.fixed_interval === 'string') {
    const m = /^(\d+)(ms|s|m|h|d)$/.exec(body.fixed_interval);
    if (m === null || Number(m[1]) === 0) throw parsingError(`failed to parse setting [date_histogram.fixedInterval] with value [${body.fixed_interval}] as a time value`);
    return fixedInterval(Number(m[1]) * FIXED_UNITS[m[2]!]!);
  }
  throw parsingError('Required one of fields [interval, calendar_interval, fixed_interval], but none were specified.');
}

/** `date_histogram` in UTC: buckets in key order, the empty ones between the first and last included (min_doc_count 0). */
export class DateHistogramAggregation implements Aggregation {
  constructor(
    private readonly field: LeafField | undefined,
    private readonly interval: Interval,
    private readonly minDocCount: number,
    private readonly subAggs: NamedAggregations,
  ) {}

  run(ctx: SearchContext, docs: Bitset): Record<string, unknown> {
    const index = this.field === undefined ? undefined : ctx.segment.field(this.field.path);
    const members = new Map<number, Bitset>();
    if (index instanceof NumericFieldIndex) {
      docs.forEach((doc) => {
        index.forEachValue(doc, (v) => {
          const key = this.interval.floor(v);
          let bits = members.get(key);
          if (bits === undefined) {
            if (members.size >= MAX_BUCKETS) throw parsingError(`Trying to create too many buckets. Must be less than or equal to: [${MAX_BUCKETS}].`);
            members.set(key, (bits = new Bitset(ctx.maxDoc)));
          }
          bits.add(doc);
        });
      });
    }
    const keys = [...members.keys()].sort((a, b) => a - b);
    const buckets: Record<string, unknown>[] = [];
    const empty = new Bitset(ctx.maxDoc);
    const emit = (key: number, bits: Bitset): void => {
      const count = bits.count();
      if (count < this.minDocCount) return;
      buckets.push({ key_as_string: formatDate(key), key, doc_count: count, ...runAll(this.subAggs, ctx, bits) });
    };
    if (keys.length > 0 && this.minDocCount === 0) {
      const last = keys[keys.length - 1]!;
      for (let key = keys[0]!; key <= last; key = this.interval.next(key)) {
        if (buckets.length >= MAX_BUCKETS) throw parsingError(`Trying to create too many buckets. Must be less than or equal to: [${MAX_BUCKETS}].`);
        emit(key, members.get(key) ?? empty);
      }
    } else {
      for (const key of keys) emit(key, members.get(key)!);
    }
    return { buckets };
  }
}

export function parseDateHistogram(body: Record<string, unknown>): { field: string; interval: Interval; minDocCount: number } {
  for (const key of Object.keys(body)) {
    if (!['field', 'calendar_interval', 'fixed_interval', 'interval', 'min_doc_count', 'format', 'time_zone'].includes(key)) throw unsupported(`parameter [${key}] of aggregation [date_histogram]`);
  }
  if (typeof body.field !== 'string') throw parsingError('[date_histogram] aggregation requires a [field]');
  checkDateFormat(body.format);
  if (body.time_zone !== undefined && !['UTC', 'Z', '+00:00'].includes(String(body.time_zone))) throw unsupported(`[date_histogram] time_zone [${String(body.time_zone)}] (only UTC)`);
  const minDocCount = body.min_doc_count ?? 0;
  if (typeof minDocCount !== 'number' || !Number.isInteger(minDocCount) || minDocCount < 0) throw parsingError('[date_histogram] [min_doc_count] must be a non-negative integer');
  return { field: body.field, interval: parseInterval(body), minDocCount };
}
