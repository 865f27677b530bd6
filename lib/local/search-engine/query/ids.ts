import { parsingError } from '../errors.ts';
import { Bitset } from '../structures/bitset.ts';
import { boostOf, checkParams, constantResult, expectObject } from './common.ts';
import type { Query, QueryResult, SearchContext } from './types.ts';

export class IdsQuery implements Query {
  constructor(
    private readonly ids: readonly string[],
    private readonly boost: number,
  ) {}

  execute(ctx: SearchContext, scoring: boolean): QueryResult {
    const bits = new Bitset(ctx.maxDoc);
    for (const id of this.ids) {
      const doc = ctx.segment.docOf(id);
      if (doc !== undefined && doc < ctx.maxDoc) bits.add(doc);
    }
    return constantResult(bits, scoring, this.boost);
  }
}

export function parseIds(body: unknown): IdsQuery {
  const obj = expectObject('ids', body);
  checkParams('ids', obj, ['values', 'boost', '_name']);
  if (!Array.isArray(obj.values)) throw parsingError('[ids] query requires a [values] array');
  return new IdsQuery(obj.values.map(String), boostOf('ids', obj));
}
