import { parsingError, unsupported } from '../errors.ts';
import { checkDateFormat } from '../mappings/dates.ts';
import type { LeafField } from '../mappings/types.ts';
import { isIntegerType } from '../mappings/types.ts';
import { KeywordFieldIndex, lowerBound } from '../storage/keyword-field.ts';
import { NumericFieldIndex } from '../storage/numeric-field.ts';
import type { NumericRange } from '../storage/numeric-field.ts';
import { TextFieldIndex } from '../storage/text-field.ts';
import { Bitset } from '../structures/bitset.ts';
import { boostOf, checkParams, constantResult, MatchNoneQuery, singleField } from './common.ts';
import { numberFor, termFor } from './field-values.ts';
import type { ParseContext, Query, QueryResult, SearchContext } from './types.ts';

const UTC_ZONES = new Set(['UTC', 'Z', '+00:00', 'GMT', 'Etc/UTC']);

interface Bounds {
  readonly gt?: unknown;
  readonly gte?: unknown;
  readonly lt?: unknown;
  readonly lte?: unknown;
}

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

/** The next float32 after `x` towards +/-Infinity, for exclusive bounds on float fields. */
function nextFloat32(x: number, up: boolean): number {
  f32[0] = x;
  if (x === 0) return up ? 1.4e-45 : -1.4e-45;
  i32[0]! += (x > 0) === up ? 1 : -1;
  return f32[0]!;
}

function nextDouble(x: number, up: boolean): number {
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const buf = new Float64Array([x]);
  const bits = new BigInt64Array(buf.buffer);
  bits[0]! += (x > 0) === up ? 1n : -1n;
  return buf[0]!;
}

/** Turns gt/gte/lt/lte into an inclusive [min, max] over the values the field can hold. */
function numericRange(field: LeafField, bounds: Bounds, now: number): NumericRange | undefined {
  const lowIncl = bounds.gte !== undefined && bounds.gte !== null;
  const low = lowIncl ? bounds.gte : bounds.gt;
  const highIncl = bounds.lte !== undefined && bounds.lte !== null;
  const high = highIncl ? bounds.lte : bounds.lt;
  // Date math rounds `gt` and `lte` up to the end of the unit, `gte` and `lt` down to its start.
  let min = low === undefined || low === null ? Number.NEGATIVE_INFINITY : numberFor(field, low, now, !lowIncl) ?? asRaw(low);
  let max = high === undefined || high === null ? Number.POSITIVE_INFINITY : numberFor(field, high, now, highIncl) ?? asRaw(high);
  if (isIntegerType(field.type)) {
    min = lowIncl || !Number.isFinite(min) ? Math.ceil(min) : Math.floor(min) + 1;
    max = highIncl || !Number.isFinite(max) ? Math.floor(max) : Math.ceil(max) - 1;
  } else if (field.type === 'float') {
    min = !lowIncl && Number.isFinite(min) ? nextFloat32(Math.fround(min), true) : Math.fround(min);
    max = !highIncl && Number.isFinite(max) ? nextFloat32(Math.fround(max), false) : Math.fround(max);
  } else {
    if (!lowIncl && Number.isFinite(min)) min = nextDouble(min, true);
    if (!highIncl && Number.isFinite(max)) max = nextDouble(max, false);
  }
  return min > max ? undefined : { min, max };
}

/** numberFor drops decimals on integer fields (for term queries); a range bound keeps them and rounds. */
function asRaw(value: unknown): number {
  return Number(value);
}

class NumericRangeQuery implements Query {
  constructor(
    private readonly field: LeafField,
    private readonly range: NumericRange | undefined,
    private readonly boost: number,
  ) {}

  execute(ctx: SearchContext, scoring: boolean): QueryResult {
    const index = ctx.segment.field(this.field.path);
    const bits = this.range !== undefined && index instanceof NumericFieldIndex ? index.rangeDocs(this.range, ctx.maxDoc) : new Bitset(ctx.maxDoc);
    return constantResult(bits, scoring, this.boost);
  }
}

/** Lexicographic range over indexed terms (keyword fields compare normalised values). */
class TermRangeQuery implements Query {
  constructor(
    private readonly field: LeafField,
    private readonly bounds: Bounds,
    private readonly boost: number,
  ) {}

  execute(ctx: SearchContext, scoring: boolean): QueryResult {
    const index = ctx.segment.field(this.field.path);
    if (!(index instanceof KeywordFieldIndex || index instanceof TextFieldIndex)) return constantResult(new Bitset(ctx.maxDoc), scoring, this.boost);
    const terms = index.sortedTerms();
    const { gt, gte, lt, lte } = this.bounds;
    const from = gte != null ? lowerBound(terms, termFor(this.field, gte)) : gt != null ? lowerBound(terms, termFor(this.field, gt), true) : 0;
    const to = lte != null ? lowerBound(terms, termFor(this.field, lte), true) : lt != null ? lowerBound(terms, termFor(this.field, lt)) : terms.length;
    const bits = new Bitset(ctx.maxDoc);
    for (let i = from; i < to; i++) index.addTermDocs(terms[i]!, bits);
    return constantResult(bits, scoring, this.boost);
  }
}

function boundsOf(params: Record<string, unknown>): Bounds {
  const bounds: { gt?: unknown; gte?: unknown; lt?: unknown; lte?: unknown } = { gt: params.gt, gte: params.gte, lt: params.lt, lte: params.lte };
  // The legacy from/to form: inclusive unless include_lower/include_upper say otherwise.
  if (params.from !== undefined && params.from !== null) bounds[params.include_lower === false ? 'gt' : 'gte'] = params.from;
  if (params.to !== undefined && params.to !== null) bounds[params.include_upper === false ? 'lt' : 'lte'] = params.to;
  return bounds;
}

export function parseRange(body: unknown, pc: ParseContext): Query {
  const { field, params } = singleField('range', body, 'gte');
  checkParams('range', params, ['gt', 'gte', 'lt', 'lte', 'from', 'to', 'include_lower', 'include_upper', 'boost', '_name', 'format', 'time_zone', 'relation']);
  if (params.relation !== undefined && params.relation !== 'intersects' && params.relation !== 'INTERSECTS') throw unsupported(`[range] relation [${String(params.relation)}]`);
  if (params.time_zone !== undefined && !UTC_ZONES.has(String(params.time_zone))) throw unsupported(`[range] time_zone [${String(params.time_zone)}] (only UTC)`);
  const boost = boostOf('range', params);
  const leaf = pc.mapping.leaf(field);
  if (leaf === undefined) return new MatchNoneQuery();
  const bounds = boundsOf(params);
  if (leaf.type === 'date') checkDateFormat(params.format);
  else if (params.format !== undefined) throw parsingError(`[range] query on field [${field}] of type [${leaf.type}] does not support [format]`);
  if (leaf.indexKind !== 'numeric') return new TermRangeQuery(leaf, bounds, boost);
  return new NumericRangeQuery(leaf, numericRange(leaf, bounds, pc.now), boost);
}
