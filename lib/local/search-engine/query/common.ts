import { parsingError, unsupported } from '../errors.ts';
import { Bitset } from '../structures/bitset.ts';
import type { Query, QueryResult, SearchContext } from './types.ts';

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function expectObject(query: string, body: unknown): Record<string, unknown> {
  if (!isObject(body)) throw parsingError(`[${query}] query malformed, no start_object after query name`);
  return body;
}

/** Rejects any parameter outside `allowed`, naming it, rather than ignoring what it would change. */
export function checkParams(query: string, body: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) throw unsupported(`parameter [${key}] of query [${query}]`);
  }
}

/** Unpacks `{field: value}` or `{field: {<valueKey>: value, ...params}}`, the shape of single-field queries. */
export function singleField(query: string, body: unknown, valueKey: string): { field: string; params: Record<string, unknown> } {
  const obj = expectObject(query, body);
  const fields = Object.keys(obj).filter((k) => k !== 'boost' && k !== '_name');
  if (fields.length !== 1) {
    throw parsingError(fields.length === 0 ? `[${query}] query doesn't have a field` : `[${query}] query doesn't support multiple fields, found [${fields[0]}] and [${fields[1]}]`);
  }
  const field = fields[0]!;
  const inner = obj[field];
  const params = isObject(inner) ? { ...inner } : { [valueKey]: inner };
  if (obj.boost !== undefined && params.boost === undefined) params.boost = obj.boost;
  return { field, params };
}

export function boostOf(query: string, params: Record<string, unknown>): number {
  const boost = params.boost ?? 1;
  if (typeof boost !== 'number' || !Number.isFinite(boost) || boost < 0) throw parsingError(`[${query}] query does not support negative or non-numeric [boost]`);
  return boost;
}

export function emptyResult(ctx: SearchContext): QueryResult {
  return { bits: new Bitset(ctx.maxDoc), scores: null, constant: 0 };
}

export function constantResult(bits: Bitset, scoring: boolean, boost: number): QueryResult {
  return { bits, scores: null, constant: scoring ? boost : 0 };
}

export class MatchNoneQuery implements Query {
  execute(ctx: SearchContext): QueryResult {
    return emptyResult(ctx);
  }
}

export class MatchAllQuery implements Query {
  constructor(private readonly boost = 1) {}

  execute(ctx: SearchContext, scoring: boolean): QueryResult {
    return constantResult(Bitset.full(ctx.maxDoc), scoring, this.boost);
  }
}
