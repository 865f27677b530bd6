import { parsingError, unsupported } from '../errors.ts';
import { BoolQuery } from './bool.ts';
import { boostOf, checkParams, constantResult, expectObject, isObject, MatchAllQuery, MatchNoneQuery } from './common.ts';
import { parseExists } from './exists.ts';
import { parseIds } from './ids.ts';
import { parseMatch } from './match.ts';
import { parseMatchPhrase, parseMatchPhrasePrefix } from './match-phrase.ts';
import { parsePrefix } from './prefix.ts';
import { parseRange } from './range.ts';
import { parseTerm, parseTerms } from './term.ts';
import type { ParseContext, Query, QueryParser, QueryResult, SearchContext } from './types.ts';

/** Bool nesting deeper than this is rejected, like OpenSearch's `indices.query.bool.max_nested_depth`. */
const MAX_NESTED_DEPTH = 20;
/** Lucene's `indices.query.bool.max_clause_count`. */
const MAX_CLAUSE_COUNT = 1_024;

class ConstantScoreQuery implements Query {
  constructor(
    private readonly inner: Query,
    private readonly boost: number,
  ) {}

  execute(ctx: SearchContext, scoring: boolean): QueryResult {
    return constantResult(this.inner.execute(ctx, false).bits, scoring, this.boost);
  }
}

function clauseList(value: unknown, pc: ParseContext, depth: number): Query[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  if (list.length > MAX_CLAUSE_COUNT) throw parsingError(`too many clauses, the maximum allowed is ${MAX_CLAUSE_COUNT}`);
  return list.map((clause) => parseQueryAt(clause, pc, depth + 1));
}

function parseBool(body: unknown, pc: ParseContext, depth: number): Query {
  const obj = expectObject('bool', body);
  checkParams('bool', obj, ['must', 'filter', 'should', 'must_not', 'minimum_should_match', 'boost', '_name', 'adjust_pure_negative']);
  if (obj.adjust_pure_negative === false) throw unsupported('[bool] adjust_pure_negative [false]');
  return new BoolQuery({
    must: clauseList(obj.must, pc, depth),
    filter: clauseList(obj.filter, pc, depth),
    should: clauseList(obj.should, pc, depth),
    mustNot: clauseList(obj.must_not, pc, depth),
    minimumShouldMatch: obj.minimum_should_match,
    boost: boostOf('bool', obj),
  });
}

function parseConstantScore(body: unknown, pc: ParseContext, depth: number): Query {
  const obj = expectObject('constant_score', body);
  checkParams('constant_score', obj, ['filter', 'boost', '_name']);
  if (obj.filter === undefined) throw parsingError('[constant_score] requires a \'filter\' element');
  return new ConstantScoreQuery(parseQueryAt(obj.filter, pc, depth + 1), boostOf('constant_score', obj));
}

function parseMatchAll(body: unknown): Query {
  const obj = expectObject('match_all', body);
  checkParams('match_all', obj, ['boost', '_name']);
  return new MatchAllQuery(boostOf('match_all', obj));
}

const LEAF_PARSERS: ReadonlyMap<string, QueryParser> = new Map<string, QueryParser>([
  ['term', parseTerm],
  ['terms', parseTerms],
  ['range', parseRange],
  ['exists', parseExists],
  ['match', parseMatch],
  ['match_phrase', parseMatchPhrase],
  ['match_phrase_prefix', parseMatchPhrasePrefix],
  ['prefix', parsePrefix],
  ['ids', (body) => parseIds(body)],
  ['match_all', (body) => parseMatchAll(body)],
  ['match_none', () => new MatchNoneQuery()],
]);

function parseQueryAt(json: unknown, pc: ParseContext, depth: number): Query {
  if (depth > MAX_NESTED_DEPTH) throw parsingError(`The nested depth of the query exceeds the maximum nested depth for queries set in [indices.query.bool.max_nested_depth]`);
  if (!isObject(json)) throw parsingError('query malformed, must start with start_object');
  const keys = Object.keys(json);
  if (keys.length !== 1) throw parsingError(keys.length === 0 ? 'query malformed, empty clause found' : `[${keys[0]}] malformed query, expected [END_OBJECT] but found [FIELD_NAME]`);
  const type = keys[0]!;
  const body = json[type];
  if (type === 'bool') return parseBool(body, pc, depth);
  if (type === 'constant_score') return parseConstantScore(body, pc, depth);
  const parser = LEAF_PARSERS.get(type);
  if (parser === undefined) throw unsupported(`query [${type}]`);
  return parser(body, pc);
}

/** Parses the query DSL; anything outside the supported subset is a 400 naming it. */
export function parseQuery(json: unknown, pc: ParseContext): Query {
  return json === undefined ? new MatchAllQuery() : parseQueryAt(json, pc, 0);
}
