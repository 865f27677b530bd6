/**
 * The benchmark's query suites, written as VQL (what API clients send) and compiled to the
 * DSL by the one compiler, compileSearch. Values are picked from the corpus' distributions so
 * suites mix common values (large result sets) with rare ones (small result sets).
 */
import type { Entity } from '../../functions/domain/records/fields.ts';

export type Suite = 'filter' | 'text';

export interface BenchQuery {
  readonly name: string;
  readonly suite: Suite;
  readonly entity: Entity;
  /** A VQL query as a client would POST it (before schema defaults). */
  readonly vql: Record<string, unknown>;
  /** Set when the query pages with a cursor taken from the engine's previous page: page 1 is run first to get it. */
  readonly cursorFromPage?: number;
}

const newest = [{ order_by: 'created_at', order_direction: 'desc' }];
const byName = [{ order_by: 'last_name', order_direction: 'asc' }, { order_by: 'first_name', order_direction: 'asc' }];

export const QUERIES: readonly BenchQuery[] = [
  // ---- filter-heavy ----
  {
    name: 'keyword any-of (3 countries), newest first',
    suite: 'filter', entity: 'contact',
    vql: { where: { keyword_match: { must: { country: ['us', 'gb', 'de'] } } }, order_by: newest },
  },
  {
    name: 'keyword any-of x2 (12 cities, 3 seniorities)',
    suite: 'filter', entity: 'contact',
    vql: {
      where: { keyword_match: { must: { city: ['london', 'paris', 'berlin', 'austin', 'boston', 'denver', 'seattle', 'toronto', 'madrid', 'munich', 'dublin', 'zurich'], seniority: ['director', 'vp', 'c_suite'] } } },
      order_by: newest,
    },
  },
  {
    name: 'date range + keyword, sort by name (2 keys)',
    suite: 'filter', entity: 'contact',
    vql: { where: { keyword_match: { must: { email_status: 'verified' } }, range_query: { must: { created_at: { gte: '2023-01-01T00:00:00Z', lt: '2024-01-01T00:00:00Z' } } } }, order_by: byName },
  },
  {
    name: 'must_not keyword + array any-of',
    suite: 'filter', entity: 'contact',
    vql: { where: { keyword_match: { must: { departments: ['engineering', 'data'] }, must_not: { email_status: ['bounced', 'unknown'] } } }, order_by: newest },
  },
  {
    name: 'exists + must_not exists',
    suite: 'filter', entity: 'contact',
    vql: { where: { exists: { must: ['linkedin_url'], must_not: ['mobile_phone'] }, keyword_match: { must: { country: 'us' } } }, order_by: newest },
  },
  {
    name: 'combo: 3 any-of + date range + must_not',
    suite: 'filter', entity: 'contact',
    vql: {
      where: {
        keyword_match: { must: { country: ['us', 'ca'], seniority: ['manager', 'director', 'vp'], departments: ['sales', 'marketing'] }, must_not: { email_status: 'bounced' } },
        range_query: { must: { created_at: { gte: '2022-01-01T00:00:00Z' } } },
      },
      order_by: byName,
    },
  },
  {
    name: 'cursor (search_after) page 5, sort by name',
    suite: 'filter', entity: 'contact',
    vql: { where: { keyword_match: { must: { country: 'us' } } }, order_by: byName, limit: 25 },
    cursorFromPage: 5,
  },
  {
    name: 'companies: numeric ranges + any-of, by revenue',
    suite: 'filter', entity: 'company',
    vql: {
      where: {
        keyword_match: { must: { industries: ['computer software', 'internet', 'information technology and services'], country: ['us', 'gb'] } },
        range_query: { must: { employees_count: { gte: 51, lte: 200 }, founded_year: { gte: 2005 } } },
      },
      order_by: [{ order_by: 'annual_revenue', order_direction: 'desc' }],
    },
  },
  {
    name: 'companies: technologies any-of + must_not range',
    suite: 'filter', entity: 'company',
    vql: {
      where: { keyword_match: { must: { technologies: ['salesforce', 'hubspot', 'marketo'] } }, range_query: { must_not: { annual_revenue: { lt: 10_000_000 } } } },
      order_by: [{ order_by: 'employees_count', order_direction: 'desc' }],
    },
  },
  // ---- text-heavy ----
  {
    name: 'match 1 common word (title)',
    suite: 'text', entity: 'contact',
    vql: { where: { text_matches: { must: [{ filter_key: 'title', text_value: 'engineer', search_type: 'match' }] } }, order_by: newest },
  },
  {
    name: 'match 2 words OR (title)',
    suite: 'text', entity: 'contact',
    vql: { where: { text_matches: { must: [{ filter_key: 'title', text_value: 'sales manager', search_type: 'match' }] } }, order_by: newest },
  },
  {
    name: 'match 3 words AND (title) + keyword',
    suite: 'text', entity: 'contact',
    vql: { where: { text_matches: { must: [{ filter_key: 'title', text_value: 'senior software engineer', search_type: 'match', operator: 'and' }] }, keyword_match: { must: { country: 'us' } } }, order_by: newest },
  },
  {
    name: 'match_phrase (title)',
    suite: 'text', entity: 'contact',
    vql: { where: { text_matches: { must: [{ filter_key: 'title', text_value: 'head of sales', search_type: 'match_phrase' }] } }, order_by: newest },
  },
  {
    name: 'match_phrase_prefix 1 word (title)',
    suite: 'text', entity: 'contact',
    vql: { where: { text_matches: { must: [{ filter_key: 'title', text_value: 'engin', search_type: 'match_phrase_prefix' }] } }, order_by: newest },
  },
  {
    name: 'match_phrase_prefix 2 words (title)',
    suite: 'text', entity: 'contact',
    vql: { where: { text_matches: { must: [{ filter_key: 'title', text_value: 'vice pres', search_type: 'match_phrase_prefix' }] } }, order_by: newest },
  },
  {
    name: 'match + must_not match (title)',
    suite: 'text', entity: 'contact',
    vql: { where: { text_matches: { must: [{ filter_key: 'title', text_value: 'manager', search_type: 'match' }], must_not: [{ filter_key: 'title', text_value: 'intern', search_type: 'match' }] }, keyword_match: { must: { country: ['us', 'gb'] } } }, order_by: byName },
  },
  {
    name: 'companies: match AND (description) + keyword',
    suite: 'text', entity: 'company',
    vql: { where: { text_matches: { must: [{ filter_key: 'description', text_value: 'cloud security software', search_type: 'match', operator: 'and' }] }, keyword_match: { must: { country: ['us', 'gb', 'de'] } } }, order_by: [{ order_by: 'employees_count', order_direction: 'desc' }] },
  },
  {
    name: 'companies: match_phrase (description)',
    suite: 'text', entity: 'company',
    vql: { where: { text_matches: { must: [{ filter_key: 'description', text_value: 'data analytics platform for hospitals', search_type: 'match_phrase' }] } }, order_by: [{ order_by: 'employees_count', order_direction: 'desc' }] },
  },
  {
    name: 'companies: match_phrase_prefix (name)',
    suite: 'text', entity: 'company',
    vql: { where: { text_matches: { must: [{ filter_key: 'name', text_value: 'blue harb', search_type: 'match_phrase_prefix' }] } }, order_by: [{ order_by: 'name', order_direction: 'asc' }] },
  },
  {
    name: 'companies: match (keywords array)',
    suite: 'text', entity: 'company',
    vql: { where: { text_matches: { must: [{ filter_key: 'keywords', text_value: 'machine learning', search_type: 'match', operator: 'and' }] }, range_query: { must: { employees_count: { gte: 11 } } } }, order_by: [{ order_by: 'founded_year', order_direction: 'desc' }] },
  },
];
