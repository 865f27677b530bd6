import { parsingError } from '../errors.ts';
import { Bitset } from '../structures/bitset.ts';
import { boostOf, checkParams, constantResult, expectObject, MatchAllQuery } from './common.ts';
import type { ParseContext, Query, QueryResult, SearchContext } from './types.ts';

/** Docs with at least one indexed value in any of `paths` (an object field stands for all its leaves). */
class ExistsQuery implements Query {
  constructor(
    private readonly paths: readonly string[],
    private readonly boost: number,
  ) {}

  execute(ctx: SearchContext, scoring: boolean): QueryResult {
    const bits = new Bitset(ctx.maxDoc);
    for (const path of this.paths) {
      const index = ctx.segment.field(path);
      if (index === undefined) continue;
      const exists = index.exists;
      for (let i = 0; i < exists.count; i++) bits.add(exists.docAt(i));
    }
    return constantResult(bits, scoring, this.boost);
  }
}

export function parseExists(body: unknown, pc: ParseContext): Query {
  const obj = expectObject('exists', body);
  checkParams('exists', obj, ['field', 'boost', '_name']);
  if (typeof obj.field !== 'string') throw parsingError('[exists] must be provided with a [field]');
  const boost = boostOf('exists', obj);
  if (obj.field === '_id') return new MatchAllQuery(boost);
  const leaf = pc.mapping.leaf(obj.field);
  if (leaf !== undefined) return new ExistsQuery([leaf.path], boost);
  const prefix = `${obj.field}.`;
  const paths = [...pc.mapping.allLeaves()].filter((l) => l.path.startsWith(prefix)).map((l) => l.path);
  return new ExistsQuery(paths, boost);
}
