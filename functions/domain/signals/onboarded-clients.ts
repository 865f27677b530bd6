/**
 * The customers of an onboarded SaaS client, read from what onboarding research writes: company
 * records whose provenance names the `research` collector, updated within the age window. Kept
 * simple on purpose: onboarding's own store of tiers and personas is not read yet, so briefs use
 * the default persona and values the assumed seat price.
 */
import type { RecordCrudStore } from '../../ports/records.port.ts';
import type { RecordSearch } from '../../ports/search.port.ts';
import { searchRecords } from '../records/search-records.ts';
import type { CustomerRef, OnboardedClients } from './monitor-deps.ts';
import { MAX_MONITORED_COMPANIES } from './monitor-job-data.ts';

export const RESEARCH_SOURCE = 'research';

const hasResearchProvenance = (item: Readonly<Record<string, unknown>>): boolean => {
  const provenance = item.provenance;
  if (typeof provenance !== 'object' || provenance === null) return false;
  return Object.values(provenance as Record<string, { source?: unknown }>).some((entry) => entry?.source === RESEARCH_SOURCE);
};

export function onboardedClientsFrom(search: RecordSearch, records: Pick<RecordCrudStore, 'get'>): OnboardedClients {
  return {
    async find(workspaceId, client, seenSince) {
      let name = client.name;
      if (client.companyId) {
        const company = await records.get(workspaceId, 'company', client.companyId);
        if (!company || company.deleted_at) return undefined;
        name ??= typeof company.name === 'string' ? company.name : undefined;
      }
      const page = await searchRecords(search, 'company', workspaceId, {
        where: { range_query: { must: { updated_at: { gte: seenSince } } } },
        order_by: [{ order_by: 'uuid', order_direction: 'asc' }],
        select_columns: ['uuid', 'name', 'employees_count'],
        limit: MAX_MONITORED_COMPANIES,
      });
      const customers: CustomerRef[] = [];
      for (const row of page.data) {
        const uuid = String(row.uuid);
        if (uuid === client.companyId || typeof row.name !== 'string') continue;
        const item = await records.get(workspaceId, 'company', uuid);
        if (!item || !hasResearchProvenance(item)) continue;
        customers.push({ name: row.name, companyId: uuid, ...(typeof row.employees_count === 'number' ? { employees: row.employees_count } : {}) });
      }
      return { ...(name ? { name } : {}), customers, tiers: [], personas: [] };
    },
  };
}
