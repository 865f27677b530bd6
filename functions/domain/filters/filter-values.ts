import { AppError, validationError } from '../../platform/errors.ts';
import type { RecordAnalytics } from '../../ports/record-analytics.port.ts';
import type { Entity } from '../records/fields.ts';
import { valueSourceOf } from './filter-catalog.ts';
import type { FilterValuesRequest } from './filter-schemas.ts';
import { MAX_FILTER_VALUES_WINDOW } from './limits.ts';
import { wordPrefixPattern } from './lucene-pattern.ts';
import { readValueBuckets, valuesAggregation, type ValueBucket } from './value-buckets.ts';
import { scopedQuery } from '../vql/workspace-scope.ts';

const VALUES = 'values';

export interface FilterValuesPage {
  readonly data: ValueBucket[];
  readonly page: number;
  readonly limit: number;
  readonly has_more: boolean;
}

/**
 * The search body listing a filter's values in one workspace. Buckets cannot be skipped, so it
 * asks for every bucket up to the end of the page, plus one to tell whether another page exists.
 */
export function compileFilterValues(entity: Entity, workspaceId: string, request: FilterValuesRequest): Record<string, unknown> {
  const source = valueSourceOf(entity, request.filter_key);
  if (!source) {
    throw validationError(`Unknown ${entity} value filter: ${request.filter_key}`, [
      { path: 'filter_key', message: `${request.filter_key} is not a keyword or text filter of ${entity} records` },
    ]);
  }
  const end = request.page * request.limit;
  if (end > MAX_FILTER_VALUES_WINDOW) {
    throw new AppError('ERR_PAGE_SIZE_EXCEEDED', `page × limit may reach at most value ${MAX_FILTER_VALUES_WINDOW}; narrow with search_text`, [
      { path: 'page', message: `Beyond value ${MAX_FILTER_VALUES_WINDOW}` },
    ]);
  }
  const include = request.search_text ? wordPrefixPattern(request.search_text) : undefined;
  return { size: 0, query: scopedQuery(workspaceId), aggs: { [VALUES]: valuesAggregation(source, end + 1, include) } };
}

export async function listFilterValues(analytics: RecordAnalytics, entity: Entity, workspaceId: string, request: FilterValuesRequest): Promise<FilterValuesPage> {
  const body = compileFilterValues(entity, workspaceId, request);
  const source = valueSourceOf(entity, request.filter_key)!;
  const { aggregations } = await analytics.analyze(entity, body);
  const all = readValueBuckets(source, aggregations[VALUES]);
  const start = (request.page - 1) * request.limit;
  return {
    data: all.slice(start, start + request.limit),
    page: request.page,
    limit: request.limit,
    has_more: all.length > start + request.limit,
  };
}
