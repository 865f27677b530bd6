import { illegalArgument, parsingError, unsupported } from '../errors.ts';
import { formatDate } from '../mappings/dates.ts';
import type { LeafField } from '../mappings/types.ts';
import type { SearchContext } from '../query/types.ts';
import { keywordTermsOf } from '../search/fielddata.ts';
import { KeywordFieldIndex } from '../storage/keyword-field.ts';
import { NumericFieldIndex } from '../storage/numeric-field.ts';
import { Bitset } from '../structures/bitset.ts';
import { parseIncludeExclude } from './include-exclude.ts';
import type { TermFilter } from './include-exclude.ts';
import type { Aggregation, NamedAggregations } from './types.ts';
import { runAll } from './types.ts';

const DEFAULT_SIZE = 10;
/** Below this share of the dictionary, counting from the matched docs beats scanning every term. */
const PER_DOC_COUNTING_RATIO = 0.25;

export interface BucketOrder {
  /** `_count`, `_key`, or the name of a single-value metric sub-aggregation. */
  readonly by: string;
  readonly asc: boolean;
}

interface Bucket {
  readonly key: string | number;
  readonly count: number;
}

function countKeywordTerms(ctx: SearchContext, field: LeafField, index: KeywordFieldIndex, docs: Bitset, filter: TermFilter | undefined): Map<string | number, number> {
  const counts = new Map<string | number, number>();
  if (filter !== undefined) {
    // Filter the dictionary first: an include pattern usually keeps few terms, and each is counted from its postings.
    for (const term of index.sortedTerms()) {
      if (!filter(term)) continue;
      const n = index.countTermIn(term, docs);
      if (n > 0) counts.set(term, n);
    }
    return counts;
  }
  const matched = docs.count();
  if (matched < index.termCount * PER_DOC_COUNTING_RATIO) {
    docs.forEach((doc) => {
      for (const term of keywordTermsOf(ctx.segment, field, doc)) counts.set(term, (counts.get(term) ?? 0) + 1);
    });
    return counts;
  }
  index.countByTerm(docs, (term, n) => counts.set(term, n));
  return counts;
}

function countNumericValues(index: NumericFieldIndex, docs: Bitset): Map<string | number, number> {
  const counts = new Map<string | number, number>();
  const seen = new Set<number>();
  docs.forEach((doc) => {
    seen.clear();
    // A doc holding the same value twice still counts once in that bucket.
    index.forEachValue(doc, (v) => seen.add(v));
    for (const v of seen) counts.set(v, (counts.get(v) ?? 0) + 1);
  });
  return counts;
}

/** Sorts buckets by the orders, then by key; a sub-aggregation order reads that metric's value per bucket. */
function compareBuckets(orders: readonly BucketOrder[], metric: (bucket: Bucket, name: string) => number): (a: Bucket, b: Bucket) => number {
  return (a, b) => {
    for (const order of orders) {
      let d: number;
      if (order.by === '_count') d = a.count - b.count;
      else if (order.by === '_key') d = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
      else d = compareMetric(metric(a, order.by), metric(b, order.by));
      if (d !== 0) return order.asc ? d : -d;
    }
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  };
}

/** Nulls (a metric over no values) sort as the smallest value. */
function compareMetric(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  if (Number.isNaN(b)) return 1;
  return a - b;
}

export interface TermsOptions {
  readonly size: number;
  readonly orders: readonly BucketOrder[];
  readonly minDocCount: number;
  readonly filter: TermFilter | undefined;
  readonly missing: string | number | undefined;
}

export class TermsAggregation implements Aggregation {
  constructor(
    private readonly field: LeafField | undefined,
    private readonly options: TermsOptions,
    private readonly subAggs: NamedAggregations,
  ) {
    for (const order of options.orders) {
      if (order.by !== '_count' && order.by !== '_key' && !subAggs.has(order.by)) {
        throw illegalArgument(`Invalid aggregator order path [${order.by}]. The provided aggregation [${order.by}] either does not exist, or is a pipeline aggregation and cannot be used to sort the buckets.`);
      }
    }
  }

  run(ctx: SearchContext, docs: Bitset): Record<string, unknown> {
    const { size, orders, minDocCount, filter } = this.options;
    const field = this.field;
    const index = field === undefined ? undefined : ctx.segment.field(field.path);
    let counts = new Map<string | number, number>();
    if (field !== undefined && index instanceof KeywordFieldIndex) counts = countKeywordTerms(ctx, field, index, docs, filter);
    else if (index instanceof NumericFieldIndex) counts = countNumericValues(index, docs);
    if (filter !== undefined && !(index instanceof KeywordFieldIndex)) for (const key of counts.keys()) if (!filter(String(key))) counts.delete(key);
    if (this.options.missing !== undefined) this.countMissing(ctx, docs, counts);
    if (minDocCount === 0) this.addEmptyTerms(ctx, counts);
    const all = [...counts].filter(([, count]) => count >= minDocCount).map(([key, count]) => ({ key, count }));
    const metrics = new Map<Bucket, Record<string, unknown>>();
    const subResults = (b: Bucket): Record<string, unknown> => {
      let r = metrics.get(b);
      if (r === undefined) metrics.set(b, (r = runAll(this.subAggs, ctx, this.bucketDocs(ctx, docs, b.key))));
      return r;
    };
    const metric = (b: Bucket, name: string): number => {
      const value = (subResults(b)[name] as { value?: unknown } | undefined)?.value;
      return typeof value === 'number' ? value : Number.NaN;
    };
    all.sort(compareBuckets(orders, metric));
    const top = all.slice(0, size);
    const other = all.slice(size).reduce((n, b) => n + b.count, 0);
    return { doc_count_error_upper_bound: 0, sum_other_doc_count: other, buckets: top.map((b) => this.bucket(b, this.subAggs.size > 0 ? subResults(b) : undefined)) };
  }

  private bucket(bucket: Bucket, sub: Record<string, unknown> | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = { key: bucket.key };
    if (this.field?.type === 'date' && typeof bucket.key === 'number') out.key_as_string = formatDate(bucket.key);
    if (this.field?.type === 'boolean' && typeof bucket.key === 'number') out.key_as_string = bucket.key === 1 ? 'true' : 'false';
    out.doc_count = bucket.count;
    if (sub !== undefined) Object.assign(out, sub);
    return out;
  }

  /** Docs without a value join the `missing` key's bucket, as if they held it. */
  private countMissing(ctx: SearchContext, docs: Bitset, counts: Map<string | number, number>): void {
    const n = docs.count() - this.docsWithValue(ctx, docs).count();
    const key = this.options.missing!;
    if (n > 0) counts.set(key, (counts.get(key) ?? 0) + n);
  }

  private docsWithValue(ctx: SearchContext, docs: Bitset): Bitset {
    const bits = new Bitset(ctx.maxDoc);
    const index = this.field === undefined ? undefined : ctx.segment.field(this.field.path);
    if (index !== undefined) index.exists.addTo(bits);
    return bits.and(docs);
  }

  /** min_doc_count 0: every term of the field (passing include/exclude) gets a bucket, matched or not. */
  private addEmptyTerms(ctx: SearchContext, counts: Map<string | number, number>): void {
    const index = this.field === undefined ? undefined : ctx.segment.field(this.field.path);
    const filter = this.options.filter;
    const add = (key: string | number): void => {
      if (!counts.has(key) && (filter === undefined || filter(String(key)))) counts.set(key, 0);
    };
    if (index instanceof KeywordFieldIndex) for (const term of index.sortedTerms()) add(term);
    else if (index instanceof NumericFieldIndex) {
      const live = ctx.segment.liveDocs();
      for (let i = 0; i < index.exists.count; i++) {
        const doc = index.exists.docAt(i);
        if (doc < ctx.maxDoc && live.has(doc)) index.forEachValue(doc, add);
      }
    }
  }

  private bucketDocs(ctx: SearchContext, docs: Bitset, key: string | number): Bitset {
    const index = this.field === undefined ? undefined : ctx.segment.field(this.field.path);
    const bits = new Bitset(ctx.maxDoc);
    if (this.options.missing !== undefined && key === this.options.missing) bits.or(docs).andNot(this.docsWithValue(ctx, docs));
    if (index instanceof KeywordFieldIndex && typeof key === 'string') index.addTermDocs(key, bits);
    else if (index instanceof NumericFieldIndex) {
      docs.forEach((doc) => index.forEachValue(doc, (v) => v === key && bits.add(doc)));
    }
    return bits.and(docs);
  }
}

function parseOrder(order: unknown): BucketOrder[] {
  if (order === undefined) return [{ by: '_count', asc: false }];
  const list = Array.isArray(order) ? order : [order];
  return list.map((entry) => {
    const keys = entry !== null && typeof entry === 'object' ? Object.keys(entry) : [];
    if (keys.length !== 1) throw parsingError('[terms] order must be an object with one key');
    const by = keys[0]!;
    const dir = (entry as Record<string, unknown>)[by];
    if (dir !== 'asc' && dir !== 'desc') throw parsingError(`Unknown terms order direction [${String(dir)}] in terms aggregation`);
    if (by === '_term') return { by: '_key', asc: dir === 'asc' };
    if (by.includes('>') || by.includes('[')) throw unsupported(`[terms] aggregation order by path [${by}] (order by _count, _key or a direct metric sub-aggregation)`);
    // `avg_price.value` names the single value of a metric sub-aggregation.
    return { by: by.endsWith('.value') ? by.slice(0, -'.value'.length) : by, asc: dir === 'asc' };
  });
}

const TERMS_PARAMS = ['field', 'size', 'order', 'min_doc_count', 'shard_size', 'execution_hint', 'collect_mode', 'include', 'exclude', 'missing', 'show_term_doc_count_error', 'shard_min_doc_count'];

export interface TermsParams {
  readonly field: string;
  readonly size: number;
  readonly orders: BucketOrder[];
  readonly minDocCount: number;
  readonly include: unknown;
  readonly exclude: unknown;
  readonly missing: string | number | undefined;
}

export function parseTermsParams(body: Record<string, unknown>): TermsParams {
  for (const key of Object.keys(body)) if (!TERMS_PARAMS.includes(key)) throw unsupported(`parameter [${key}] of aggregation [terms]`);
  if (typeof body.field !== 'string') throw parsingError('[terms] aggregation requires a [field]');
  const size = body.size ?? DEFAULT_SIZE;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) throw parsingError(`[size] must be greater than 0. Found [${String(size)}] in [terms]`);
  const minDocCount = body.min_doc_count ?? 1;
  if (typeof minDocCount !== 'number' || !Number.isInteger(minDocCount) || minDocCount < 0) throw parsingError(`[min_doc_count] must be greater than or equal to 0. Found [${String(minDocCount)}] in [terms]`);
  const missing = body.missing;
  if (missing !== undefined && typeof missing !== 'string' && typeof missing !== 'number') throw parsingError('[terms] missing must be a string or a number');
  return { field: body.field, size, orders: parseOrder(body.order), minDocCount, include: body.include, exclude: body.exclude, missing };
}

/** The terms aggregation for a parsed field: include/exclude patterns only apply to keyword fields. */
export function termsOptions(params: TermsParams, field: LeafField | undefined): TermsOptions {
  const keyword = field === undefined || field.indexKind === 'keyword';
  return {
    size: params.size,
    orders: params.orders,
    minDocCount: params.minDocCount,
    filter: parseIncludeExclude(params.include, params.exclude, keyword),
    missing: params.missing,
  };
}
