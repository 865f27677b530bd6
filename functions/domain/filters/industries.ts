import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { RecordAnalytics } from '../../ports/record-analytics.port.ts';
import { listFilterValues } from './filter-values.ts';
import { MAX_FILTER_VALUES_LIMIT } from './limits.ts';

/**
 * Appointment360's industries, read from the data: the distinct industries of the workspace's
 * companies, most frequent first, each with its number of companies. An industry's id is its
 * stored (lowercase) value, so it needs no table of its own and never goes stale.
 */

/** Industries listed at most: the most frequent ones. */
export const MAX_INDUSTRIES = MAX_FILTER_VALUES_LIMIT;

export const industrySchema = z.object({
  id: z.string().describe('The stored value, URL-encoded in GET /v1/industries/{id}'),
  name: z.string(),
  count: z.int().describe('Companies of this workspace in the industry'),
  is_active: z.literal(true),
});
export type Industry = z.output<typeof industrySchema>;

export const industryParamsSchema = z.strictObject({ id: z.string().min(1).max(256) });

export async function listIndustries(analytics: RecordAnalytics, workspaceId: string): Promise<{ data: Industry[]; has_more: boolean }> {
  const page = await listFilterValues(analytics, 'company', workspaceId, { filter_key: 'industries', page: 1, limit: MAX_INDUSTRIES });
  return { data: page.data.map((b) => ({ id: b.value, name: b.display_value, count: b.count, is_active: true as const })), has_more: page.has_more };
}

export async function getIndustry(analytics: RecordAnalytics, workspaceId: string, id: string): Promise<Industry> {
  const wanted = id.toLowerCase();
  const page = await listFilterValues(analytics, 'company', workspaceId, { filter_key: 'industries', search_text: wanted, page: 1, limit: MAX_INDUSTRIES });
  const bucket = page.data.find((b) => b.value === wanted);
  if (!bucket) throw new AppError('ERR_NOT_FOUND', 'No such industry in this workspace', [{ path: 'id', message: 'Unknown industry' }]);
  return { id: bucket.value, name: bucket.display_value, count: bucket.count, is_active: true };
}
