import { illegalArgument, parsingError, unsupported } from '../errors.ts';
import type { IndexMapping } from '../mappings/mapping.ts';
import { isObject } from '../query/common.ts';
import { docValuesField } from '../search/fielddata.ts';
import { checkMetricField, MetricAggregation, parseMetricParams } from './metrics.ts';
import type { MetricType } from './metrics.ts';
import { parseQuery } from '../query/parse.ts';
import { DateHistogramAggregation, parseDateHistogram } from './date-histogram.ts';
import { parseRanges, RangeAggregation } from './ranges.ts';
import { FilterAggregation, FiltersAggregation, MissingAggregation, parseFiltersDefinition } from './single-bucket.ts';
import { parseTermsParams, TermsAggregation, termsOptions } from './terms.ts';
import { parseTopHits } from './top-hits.ts';
import type { Aggregation, NamedAggregations } from './types.ts';

const METRIC_TYPES: ReadonlySet<string> = new Set<MetricType>(['avg', 'sum', 'min', 'max', 'value_count', 'cardinality']);
const METRIC_PARAMS: Readonly<Record<string, readonly string[]>> = { cardinality: ['field', 'precision_threshold'] };
/** Aggregations nested deeper than this are refused; real clusters hit bucket limits long before. */
const MAX_AGG_DEPTH = 5;

interface AggParseContext {
  readonly mapping: IndexMapping;
  readonly index: string;
  /** `now` for date math in filters and date ranges, fixed once per request. */
  readonly now: number;
}

/** Bucket aggregations other than terms: they take sub-aggregations. */
function parseBucketAggregation(type: string, name: string, body: Record<string, unknown>, pc: AggParseContext, subAggs: () => NamedAggregations): Aggregation | undefined {
  const field = (fieldName: string) => docValuesField(pc.mapping.leaf(fieldName), pc.index, fieldName);
  const query = (json: unknown) => parseQuery(json, { mapping: pc.mapping, now: pc.now });
  switch (type) {
    case 'filter':
      return new FilterAggregation(query(body), subAggs());
    case 'filters': {
      const def = parseFiltersDefinition(body, query);
      return new FiltersAggregation(def.filters, def.otherBucketKey, subAggs());
    }
    case 'missing':
      if (typeof body.field !== 'string') throw parsingError(`[missing] aggregation [${name}] requires a [field]`);
      return new MissingAggregation(pc.mapping.leaf(body.field), subAggs());
    case 'range':
    case 'date_range': {
      const def = parseRanges(type, body, pc.now);
      const leaf = field(def.field);
      if (leaf !== undefined && leaf.indexKind !== 'numeric') throw illegalArgument(`Field [${def.field}] of type [${leaf.type}] is not supported for aggregation [${type}]`);
      return new RangeAggregation(leaf, def.ranges, def.keyed, type === 'date_range' || leaf?.type === 'date', subAggs());
    }
    case 'date_histogram': {
      const def = parseDateHistogram(body);
      const leaf = field(def.field);
      if (leaf !== undefined && leaf.type !== 'date') throw illegalArgument(`Field [${def.field}] of type [${leaf.type}] is not supported for aggregation [date_histogram]`);
      return new DateHistogramAggregation(leaf, def.interval, def.minDocCount, subAggs());
    }
    default:
      return undefined;
  }
}

function parseOne(name: string, def: unknown, pc: AggParseContext, depth: number): Aggregation {
  if (!isObject(def)) throw parsingError(`Expected [START_OBJECT] under [${name}], but got a different token`);
  const keys = Object.keys(def).filter((k) => k !== 'aggs' && k !== 'aggregations' && k !== 'meta');
  if (keys.length !== 1) throw parsingError(keys.length === 0 ? `Missing definition for aggregation [${name}]` : `Found two aggregation type definitions in [${name}]: [${keys[0]}] and [${keys[1]}]`);
  const type = keys[0]!;
  const body = def[type];
  if (def.meta !== undefined) throw unsupported(`aggregation [meta] (in [${name}])`);
  if (!isObject(body)) throw parsingError(`[${type}] aggregation [${name}] must be an object`);
  if (body.script !== undefined) throw unsupported(`scripts (in aggregation [${name}])`);
  const sub = def.aggs ?? def.aggregations;
  const subAggs = (): NamedAggregations => (sub === undefined ? new Map() : parseAggregationsAt(sub, pc, depth + 1));
  if (type === 'terms') {
    const params = parseTermsParams(body);
    const field = docValuesField(pc.mapping.leaf(params.field), pc.index, params.field);
    return new TermsAggregation(field, termsOptions(params, field), subAggs());
  }
  const bucket = parseBucketAggregation(type, name, body, pc, subAggs);
  if (bucket !== undefined) return bucket;
  if (type === 'top_hits') {
    if (sub !== undefined) throw parsingError(`Aggregator [${name}] of type [top_hits] cannot accept sub-aggregations`);
    return parseTopHits(name, body, pc.mapping, pc.index);
  }
  if (!METRIC_TYPES.has(type)) throw unsupported(`aggregation [${type}] (in [${name}])`);
  if (sub !== undefined) throw parsingError(`Aggregator [${name}] of type [${type}] cannot accept sub-aggregations`);
  const metric = type as MetricType;
  for (const key of Object.keys(body)) {
    if (!(METRIC_PARAMS[metric] ?? ['field']).includes(key)) throw unsupported(`parameter [${key}] of aggregation [${type}]`);
  }
  const fieldName = parseMetricParams(metric, body);
  const field = docValuesField(pc.mapping.leaf(fieldName), pc.index, fieldName);
  checkMetricField(metric, field, fieldName);
  return new MetricAggregation(metric, field);
}

function parseAggregationsAt(json: unknown, pc: AggParseContext, depth: number): NamedAggregations {
  if (depth > MAX_AGG_DEPTH) throw unsupported(`aggregations nested deeper than ${MAX_AGG_DEPTH} levels`);
  if (!isObject(json)) throw parsingError('[aggs] must be an object');
  const out = new Map<string, Aggregation>();
  for (const name of Object.keys(json)) {
    if (!/^[^[\]>]+$/.test(name)) throw parsingError(`Invalid aggregation name [${name}]. Aggregation names can contain any character except '[', ']', and '>'`);
    out.set(name, parseOne(name, json[name], pc, depth));
  }
  return out;
}

export function parseAggregations(json: unknown, mapping: IndexMapping, index: string, now = Date.now()): NamedAggregations {
  return parseAggregationsAt(json, { mapping, index, now }, 0);
}
