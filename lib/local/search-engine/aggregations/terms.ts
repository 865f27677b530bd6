import { parsingError, unsupported } from '../errors.ts';
import { formatDate } from '../mappings/dates.ts';
import type { LeafField } from '../mappings/types.ts';
import type { SearchContext } from '../query/types.ts';
import { keywordTermsOf } from '../search/fielddata.ts';
import { KeywordFieldIndex } from '../storage/keyword-field.ts';
import { NumericFieldIndex } from '../storage/numeric-field.ts';
import { Bitset } from '../structures/bitset.ts';
import type { Aggregation, NamedAggregations } from './types.ts';
import { runAll } from './types.ts';

const DEFAULT_SIZE = 10;
/** Below this share of the dictionary, counting from the matched docs beats scanning every term. */
const PER_DOC_COUNTING_RATIO = 0.25;

export interface BucketOrder {
  readonly by: '_count' | '_key';
  readonly asc: boolean;
}

interface Bucket {
  readonly key: string | number;
  readonly count: number;
}

function countKeywordTerms(ctx: SearchContext, field: LeafField, index: KeywordFieldIndex, docs: Bitset): Map<string | number, number> {
  const counts = new Map<string | number, number>();
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

function compareBuckets(orders: readonly BucketOrder[]): (a: Bucket, b: Bucket) => number {
  return (a, b) => {
    for (const order of orders) {
      const d = order.by === '_count' ? a.count - b.count : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
      if (d !== 0) return order.asc ? d : -d;
    }
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  };
}

export class TermsAggregation implements Aggregation {
  constructor(
    private readonly field: LeafField | undefined,
    private readonly size: number,
    private readonly orders: readonly BucketOrder[],
    private readonly subAggs: NamedAggregations,
  ) {}

  run(ctx: SearchContext, docs: Bitset): Record<string, unknown> {
    const field = this.field;
    const index = field === undefined ? undefined : ctx.segment.field(field.path);
    let counts = new Map<string | number, number>();
    if (field !== undefined && index instanceof KeywordFieldIndex) counts = countKeywordTerms(ctx, field, index, docs);
    else if (index instanceof NumericFieldIndex) counts = countNumericValues(index, docs);
    const all = [...counts].map(([key, count]) => ({ key, count }));
    all.sort(compareBuckets(this.orders));
    const top = all.slice(0, this.size);
    const other = all.slice(this.size).reduce((n, b) => n + b.count, 0);
    return { doc_count_error_upper_bound: 0, sum_other_doc_count: other, buckets: top.map((b) => this.bucket(ctx, docs, b)) };
  }

  private bucket(ctx: SearchContext, docs: Bitset, bucket: Bucket): Record<string, unknown> {
    const out: Record<string, unknown> = { key: bucket.key };
    if (this.field?.type === 'date') out.key_as_string = formatDate(bucket.key as number);
    if (this.field?.type === 'boolean') out.key_as_string = bucket.key === 1 ? 'true' : 'false';
    out.doc_count = bucket.count;
    if (this.subAggs.size > 0) Object.assign(out, runAll(this.subAggs, ctx, this.bucketDocs(ctx, docs, bucket.key)));
    return out;
  }

  private bucketDocs(ctx: SearchContext, docs: Bitset, key: string | number): Bitset {
    const index = ctx.segment.field(this.field!.path);
    const bits = new Bitset(ctx.maxDoc);
    if (index instanceof KeywordFieldIndex) index.addTermDocs(key as string, bits);
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
    if (by !== '_count' && by !== '_key') throw unsupported(`[terms] aggregation order by [${by}] (only _count and _key)`);
    return { by, asc: dir === 'asc' };
  });
}

export interface TermsParams {
  readonly field: string;
  readonly size: number;
  readonly orders: BucketOrder[];
}

export function parseTermsParams(body: Record<string, unknown>): TermsParams {
  for (const key of Object.keys(body)) {
    if (!['field', 'size', 'order', 'min_doc_count', 'shard_size', 'execution_hint', 'collect_mode'].includes(key)) throw unsupported(`parameter [${key}] of aggregation [terms]`);
  }
  if (typeof body.field !== 'string') throw parsingError('[terms] aggregation requires a [field]');
  const size = body.size ?? DEFAULT_SIZE;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) throw parsingError(`[size] must be greater than 0. Found [${String(size)}] in [terms]`);
  if (body.min_doc_count !== undefined && body.min_doc_count !== 1) throw unsupported(`[terms] min_doc_count [${String(body.min_doc_count)}] (only 1)`);
  return { field: body.field, size, orders: parseOrder(body.order) };
}
