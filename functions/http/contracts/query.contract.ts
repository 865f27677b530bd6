import { z } from 'zod';
import { FIELDS, type Entity } from '../../domain/records/fields.ts';
import {
  DEFAULT_LIST_PAGE_SIZE,
  DEFAULT_PAGE_SIZE,
  MAX_FILTER_VALUES,
  MAX_JOINED_COMPANIES,
  MAX_PAGE_SIZE,
  MAX_RESULT_WINDOW,
} from '../../domain/vql/limits.ts';
import { companyListQuerySchema, contactListQuerySchema } from '../../domain/vql/list-filters.ts';
import { cursorValue, vqlCountSchema, vqlQuerySchema } from '../../domain/vql/vql-schema.ts';
import { defineContracts, successBody, type RouteContract } from '../../platform/http/route-contract.ts';

const TAG = 'query';

const record = z.record(z.string(), z.unknown()).describe('The record\'s fields (select_columns narrows them; uuid is always there)');
const hit = record.and(z.object({ cursor: z.array(cursorValue).describe('Pass back as `cursor` to get the rows after this one') }));

const searchResponse = successBody({
  data: z.array(hit),
  next_cursor: z.array(cursorValue).nullable().describe('The last row\'s cursor; null on the last page'),
});
const countResponse = successBody({ count: z.number().int() });
const listResponse = successBody({
  count: z.number().int().describe('Every record the filters match'),
  next: z.string().nullable().describe('URL of the next page; null on the last one'),
  previous: z.string().nullable().describe('URL of the previous page; null on the first one'),
  results: z.array(record),
});

const VQL_ERRORS = {
  400: {
    description:
      'ERR_VALIDATION naming the path (unknown field, operator on the wrong field type, too many clauses or values), ' +
      `ERR_PAGE_SIZE_EXCEEDED (limit over ${MAX_PAGE_SIZE}, or page × limit beyond row ${MAX_RESULT_WINDOW}), ` +
      `ERR_QUERY_TOO_BROAD (contacts: company.* filters matching more than ${MAX_JOINED_COMPANIES} companies)`,
  },
  401: { description: 'No valid API key' },
} as const;

const VQL_DESCRIPTION =
  '`where.keyword_match` (exact, case-insensitive; a list means any of), `where.range_query` (gte, gt, lte, lt on numbers and dates), ' +
  '`where.text_matches` (match, match_phrase, match_phrase_prefix on text fields; `filter_key` and `text_value` may be lists: any of them), ' +
  'and `where.exists` (fields that have a value), each with `must` and `must_not`. Contact queries may filter on their company with ' +
  '`company.<field>` keys (e.g. `company.industries`). Rows come sorted by `order_by`, then uuid, so paging never skips or repeats a row.';

/**
 * The fields a query on `entity` may name in keyword_match, range_query and exists (by type), so
 * the docs list them instead of showing only "object". Field names are checked against the same
 * catalog when a query is compiled.
 */
const fieldsDescription = (entity: Entity): string => {
  const named = Object.entries(FIELDS[entity]).filter(([name]) => name !== 'workspace_id');
  const list = (names: string[]) => names.map((name) => `\`${name}\``).join(', ');
  const ranged = named.filter(([, spec]) => ['integer', 'long', 'double', 'date'].includes(spec.type)).map(([name]) => name);
  const texts = named.filter(([, spec]) => spec.type === 'text').map(([name]) => name);
  return (
    ` Fields of a ${entity}: ${list(named.map(([name]) => name))} (keyword_match and exists take any of them; range_query ${list(ranged)}; ` +
    `text_matches ${list(texts)}).`
  );
};

const searchRoute = (entity: Entity, plural: string): RouteContract => ({
  method: 'POST',
  path: `/v1/${plural}/search`,
  summary: `Search ${plural} with VQL`,
  description:
    `${VQL_DESCRIPTION}${fieldsDescription(entity)} Page with \`cursor\` (the last row's, any depth) or \`page\`/\`limit\` (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}, ` +
    `down to row ${MAX_RESULT_WINDOW}).` +
    (entity === 'contact' ? ' `company_config: { populate: true, select_columns }` attaches each contact\'s company as `company`.' : ''),
  tag: TAG,
  body: vqlQuerySchema,
  responses: { 200: { description: 'One page of rows', body: searchResponse }, ...VQL_ERRORS },
});

const countRoute = (entity: Entity, plural: string): RouteContract => ({
  method: 'POST',
  path: `/v1/${plural}/count`,
  summary: `Count ${plural} matching a VQL where`,
  description: `${VQL_DESCRIPTION}${fieldsDescription(entity)}`,
  tag: TAG,
  body: vqlCountSchema,
  responses: { 200: { description: 'How many match', body: countResponse }, ...VQL_ERRORS },
});

const listRoute = (plural: string, query: z.ZodObject, notes: string): RouteContract => ({
  method: 'GET',
  path: `/v1/${plural}`,
  summary: `List ${plural} with query-string filters`,
  description:
    `${notes} Blank parameters are ignored; comma-separated or repeated values mean any of them (at most ${MAX_FILTER_VALUES}). ` +
    `Unknown parameters are refused. \`page_size\` defaults to ${DEFAULT_LIST_PAGE_SIZE} (at most ${MAX_PAGE_SIZE}); page × page_size may reach row ${MAX_RESULT_WINDOW}.`,
  tag: TAG,
  query,
  responses: { 200: { description: 'One page', body: listResponse }, ...VQL_ERRORS },
});

export const queryContracts = defineContracts([
  searchRoute('company', 'companies'),
  searchRoute('contact', 'contacts'),
  countRoute('company', 'companies'),
  countRoute('contact', 'contacts'),
  listRoute('companies', companyListQuerySchema, 'OutersaleBackend\'s organisation filters, sorted by name.'),
  listRoute(
    'contacts',
    contactListQuerySchema,
    'OutersaleBackend\'s people and Appointment360\'s contact filters, sorted by last and first name. Company filters ' +
      `(company_industries, industry, min/max_employees, min/max_revenue, technologies) select contacts whose company matches; they may match at most ${MAX_JOINED_COMPANIES} companies.`,
  ),
]);
