import type { RecordSearch } from '../../ports/search.port.ts';
import { searchRecords } from '../records/search-records.ts';
import type { VqlQuery, VqlWhere } from '../vql/vql-schema.ts';
import type { CompanyByDomain } from './write-enrichment.ts';
import type { CompanyTargetPage, CompanyTargets } from './enrich-websites-deps.ts';

const TARGET_COLUMNS = ['uuid', 'domain', 'website', 'country'];
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Companies a job's `where` selects, paged through VQL in uuid order (stable across runs). */
export function companyTargetsFrom(search: RecordSearch): CompanyTargets {
  return {
    async page(workspaceId: string, where: VqlWhere | undefined, size: number, after?: unknown[]): Promise<CompanyTargetPage> {
      const query: VqlQuery = {
        ...(where ? { where } : {}),
        order_by: [{ order_by: 'uuid', order_direction: 'asc' }],
        select_columns: TARGET_COLUMNS,
        limit: size,
        ...(after ? { cursor: after as NonNullable<VqlQuery['cursor']> } : {}),
      };
      const page = await searchRecords(search, 'company', workspaceId, query);
      const items = page.data.map((row) => ({
        uuid: String(row.uuid),
        ...(str(row.domain) ? { domain: str(row.domain) } : {}),
        ...(str(row.website) ? { website: str(row.website) } : {}),
        ...(str(row.country) ? { country: str(row.country) } : {}),
      }));
      return { items, ...(page.next_cursor ? { next: page.next_cursor } : {}) };
    },
  };
}

/** The workspace's company with this domain, through the index (the newest when several share it). */
export function companyByDomainFrom(search: RecordSearch): CompanyByDomain {
  return {
    async find(workspaceId: string, domain: string): Promise<string | undefined> {
      const query: VqlQuery = {
        where: { keyword_match: { must: { domain } } },
        order_by: [{ order_by: 'updated_at', order_direction: 'desc' }],
        select_columns: ['uuid'],
        limit: 1,
      };
      const page = await searchRecords(search, 'company', workspaceId, query);
      const uuid = page.data[0]?.uuid;
      return typeof uuid === 'string' ? uuid : undefined;
    },
  };
}
