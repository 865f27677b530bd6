import { validationError } from '../../platform/errors.ts';
import type { RecordAnalytics } from '../../ports/record-analytics.port.ts';
import type { Entity } from '../records/fields.ts';
import { valueSourceOf, type ValueSource } from './filter-catalog.ts';
import type { AutocompleteQuery } from './filter-schemas.ts';
import { HITS_PER_SUGGESTION } from './limits.ts';
import { wordPrefixPattern } from './lucene-pattern.ts';
import { readValueBuckets, valuesAggregation } from './value-buckets.ts';
import { scopedQuery } from '../vql/workspace-scope.ts';

type Dsl = Record<string, unknown>;

/** A contact's name spans first_name and last_name, so its suggestions come from hits, not buckets. */
const CONTACT_NAME = '(contact name)';

/** The autocomplete fields clients name, and the catalog field each reads, per record type. */
export const AUTOCOMPLETE_FIELDS: Record<Entity, Readonly<Record<string, string>>> = {
  company: { name: 'name', industry: 'industries', technologies: 'technologies', keywords: 'keywords' },
  // technologies and keywords are the contact's company's (Appointment360 suggests them on contacts).
  contact: { name: CONTACT_NAME, email: 'email', company: 'company_name', title: 'title', technologies: 'company.technologies', keywords: 'company.keywords' },
  signal: { company: 'company_name', ticker: 'ticker' },
};

const COMPANY_PREFIX = 'company.';

/** The record type and field a suggestion reads: `company.*` targets read the companies. */
function sourceRecord(entity: Entity, field: string): { on: Entity; target: string } | undefined {
  const target = Object.hasOwn(AUTOCOMPLETE_FIELDS[entity], field) ? AUTOCOMPLETE_FIELDS[entity][field] : undefined;
  if (target === undefined) return undefined;
  return target.startsWith(COMPANY_PREFIX) ? { on: 'company', target: target.slice(COMPANY_PREFIX.length) } : { on: entity, target };
}

export interface Suggestion {
  readonly value: string;
}

const SUGGESTIONS = 'suggestions';

function unknownField(entity: Entity, field: string): never {
  const known = Object.keys(AUTOCOMPLETE_FIELDS[entity]).join(', ');
  throw validationError(`Unknown ${entity} autocomplete field: ${field}`, [{ path: 'field', message: `Expected one of: ${known}` }]);
}

/** Distinct values of one field with a word starting with `q`, most frequent first. */
function valuesBody(source: ValueSource, workspaceId: string, query: AutocompleteQuery): Dsl {
  return { size: 0, query: scopedQuery(workspaceId), aggs: { [SUGGESTIONS]: valuesAggregation(source, query.limit, wordPrefixPattern(query.q)) } };
}

/** Contacts whose first or last name starts with `q`, or whose full name does ("john d"). */
function contactNameBody(workspaceId: string, query: AutocompleteQuery): Dsl {
  const words = query.q.split(/\s+/);
  const should: Dsl[] = [
    { match_phrase_prefix: { first_name: { query: query.q } } },
    { match_phrase_prefix: { last_name: { query: query.q } } },
  ];
  if (words.length > 1) {
    const head = words.slice(0, -1).join(' ');
    should.push({ bool: { filter: [{ match_phrase: { first_name: { query: head } } }, { match_phrase_prefix: { last_name: { query: words.at(-1) } } }] } });
  }
  return {
    size: query.limit * HITS_PER_SUGGESTION,
    query: scopedQuery(workspaceId, { bool: { should, minimum_should_match: 1 } }),
    sort: [{ 'first_name.keyword': { order: 'asc' } }, { 'last_name.keyword': { order: 'asc' } }, { uuid: { order: 'asc' } }],
    _source: { includes: ['first_name', 'last_name'] },
  };
}

export function compileAutocomplete(entity: Entity, workspaceId: string, query: AutocompleteQuery): Dsl {
  const source = sourceRecord(entity, query.field);
  if (source === undefined) return unknownField(entity, query.field);
  if (source.target === CONTACT_NAME) return contactNameBody(workspaceId, query);
  return valuesBody(valueSourceOf(source.on, source.target)!, workspaceId, query);
}

function distinctNames(hits: readonly Record<string, unknown>[], limit: number): Suggestion[] {
  const seen = new Map<string, Suggestion>();
  for (const hit of hits) {
    const name = [hit.first_name, hit.last_name].filter((part) => typeof part === 'string' && part !== '').join(' ');
    const key = name.toLowerCase();
    if (name !== '' && !seen.has(key)) seen.set(key, { value: name });
    if (seen.size === limit) break;
  }
  return [...seen.values()];
}

export async function autocomplete(analytics: RecordAnalytics, entity: Entity, workspaceId: string, query: AutocompleteQuery): Promise<Suggestion[]> {
  const body = compileAutocomplete(entity, workspaceId, query);
  const { on, target } = sourceRecord(entity, query.field)!;
  const result = await analytics.analyze(on, body);
  if (target === CONTACT_NAME) return distinctNames(result.hits, query.limit);
  return readValueBuckets(valueSourceOf(on, target)!, result.aggregations[SUGGESTIONS]).map((b) => ({ value: b.display_value }));
}
