import { AppError } from '../../platform/errors.ts';
import type { RecordSearch } from '../../ports/search.port.ts';
import { countRecords } from '../records/search-records.ts';
import type { EnrichWebsitesData } from './job-data.ts';
import { MAX_SITES_PER_JOB } from './limits.ts';

/**
 * A query-driven job is sized before it is queued: one that selects no company, or more than a
 * job may carry, is refused at creation with a code, never accepted to fail later.
 */
export async function checkEnrichTargets(search: RecordSearch, workspaceId: string, data: EnrichWebsitesData): Promise<void> {
  if (!data.query) return;
  const selected = await countRecords(search, 'company', workspaceId, data.query);
  if (selected === 0) {
    throw new AppError('ERR_NO_SITES', 'The query selects no company to enrich', [{ path: 'job_data.query', message: 'Matches no company' }]);
  }
  if (selected > MAX_SITES_PER_JOB) {
    throw new AppError('ERR_JOB_TOO_LARGE', `The query selects ${selected} companies; one job enriches at most ${MAX_SITES_PER_JOB}`, [
      { path: 'job_data.query', message: `Matches ${selected} companies (at most ${MAX_SITES_PER_JOB})` },
    ]);
  }
}
