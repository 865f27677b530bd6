import { AUTOCOMPLETE_FIELDS } from '../../domain/filters/autocomplete.ts';
import {
  autocompleteQuerySchema,
  autocompleteResponseSchema,
  filtersResponseSchema,
  filterValuesRequestSchema,
  filterValuesResponseSchema,
} from '../../domain/filters/filter-schemas.ts';
import { MAX_FILTER_VALUES_WINDOW } from '../../domain/filters/limits.ts';
import type { Entity } from '../../domain/records/fields.ts';
import { RECENT_CONTACTS_DAYS } from '../../domain/stats/dashboard-stats.ts';
import { dashboardStatsResponseSchema } from '../../domain/stats/stats-schema.ts';
import { defineContracts, type RouteContract } from '../../platform/http/route-contract.ts';

const TAG = 'filters';

const filtersRoute = (entity: Entity): RouteContract => ({
  method: 'GET',
  path: `/v1/${entity}/filters`,
  summary: `List the ${entity} filters`,
  description: 'Every catalogued field with its filter type (the VQL clause it takes), display name, and whether filter screens should offer it.',
  tag: TAG,
  responses: { 200: { description: 'The filters', body: filtersResponseSchema } },
});

const filterValuesRoute = (entity: Entity): RouteContract => ({
  method: 'POST',
  path: `/v1/${entity}/filters/values`,
  summary: `List the values of one ${entity} filter, with counts`,
  description:
    'Distinct values of a keyword or text filter in your workspace, most frequent first. `search_text` keeps values that start with it ' +
    `or hold a word that does (case-insensitive). page × limit may reach at most ${MAX_FILTER_VALUES_WINDOW}.`,
  tag: TAG,
  body: filterValuesRequestSchema,
  responses: {
    200: { description: 'One page of values', body: filterValuesResponseSchema },
    400: { description: 'ERR_VALIDATION (unknown or non-value filter_key, bad page/limit) or ERR_PAGE_SIZE_EXCEEDED' },
  },
});

const autocompleteRoute = (entity: Entity, plural: string): RouteContract => ({
  method: 'GET',
  path: `/v1/${plural}/autocomplete`,
  summary: `Suggest ${entity} values as the user types`,
  description: `Distinct values starting with \`q\` (or with a word that does). Fields: ${Object.keys(AUTOCOMPLETE_FIELDS[entity]).join(', ')}.`,
  tag: TAG,
  query: autocompleteQuerySchema,
  responses: {
    200: { description: 'Suggestions', body: autocompleteResponseSchema },
    400: { description: 'ERR_VALIDATION: a field this record type has no suggestions for, an empty or overlong q' },
  },
});

export const filtersContracts = defineContracts([
  filtersRoute('company'),
  filtersRoute('contact'),
  filterValuesRoute('company'),
  filterValuesRoute('contact'),
  autocompleteRoute('company', 'companies'),
  autocompleteRoute('contact', 'contacts'),
  {
    method: 'GET',
    path: '/v1/dashboard/stats',
    summary: 'Workspace statistics for the dashboard',
    description: `Totals, email verification, top industries (companies) and countries (contacts), averages, LinkedIn coverage, and contacts created in the last ${RECENT_CONTACTS_DAYS} days; all computed by aggregations.`,
    tag: TAG,
    responses: { 200: { description: 'The statistics', body: dashboardStatsResponseSchema } },
  },
]);
