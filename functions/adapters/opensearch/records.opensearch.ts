import type { Client } from '@opensearch-project/opensearch';
import type { Entity } from '../../domain/records/fields.ts';
import type { IndexOperation, RecordSearch, SearchResult } from '../../ports/search.port.ts';

/** Aliases, never physical indexes: a reindex swaps what they point at without a deploy. */
export const INDEX_ALIAS: Record<Entity, string> = { company: 'companies', contact: 'contacts', signal: 'signals' };

interface BulkItem {
  status: number;
  error?: { type?: string };
}

export class OpenSearchRecordSearch implements RecordSearch {
  constructor(private readonly client: Client) {}

  async search(entity: Entity, body: Record<string, unknown>): Promise<SearchResult> {
    const response = await this.client.search({ index: INDEX_ALIAS[entity], body });
    const hits = (response.body.hits?.hits ?? []) as { _source?: Record<string, unknown>; sort?: unknown[] }[];
    // OpenSearch 2.x answers `{ value, relation }`; rest_total_hits_as_int (or 1.x) a bare number.
    const total = response.body.hits?.total as { value?: number } | number | undefined;
    return {
      hits: hits.map((hit) => ({ source: hit._source ?? {}, sort: hit.sort ?? [] })),
      total: typeof total === 'number' ? total : Number(total?.value ?? hits.length),
    };
  }

  async count(entity: Entity, body: Record<string, unknown>): Promise<number> {
    const response = await this.client.count({ index: INDEX_ALIAS[entity], body });
    return Number(response.body.count);
  }

  async apply(ops: readonly IndexOperation[]): Promise<number[]> {
    if (ops.length === 0) return [];
    const lines: Record<string, unknown>[] = [];
    for (const op of ops) {
      const meta = { _index: INDEX_ALIAS[op.entity], _id: op.id, version: op.version, version_type: 'external' };
      if (op.document) lines.push({ index: meta }, op.document);
      else lines.push({ delete: meta });
    }
    const response = await this.client.bulk({ body: lines });
    const items = (response.body.items ?? []) as Record<string, BulkItem>[];
    const failed: number[] = [];
    items.forEach((item, i) => {
      const result = Object.values(item)[0];
      if (!result) return failed.push(i);
      // 409: the index already holds this version or a newer one, so the write is already done.
      // 404 on delete: nothing to delete.
      const done = result.status < 300 || result.status === 409 || (result.status === 404 && !ops[i]?.document);
      if (!done) failed.push(i);
    });
    return failed;
  }
}
