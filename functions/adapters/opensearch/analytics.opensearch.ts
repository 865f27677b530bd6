import type { Client } from '@opensearch-project/opensearch';
import type { Entity } from '../../domain/records/fields.ts';
import type { AnalyticsResult, RecordAnalytics } from '../../ports/record-analytics.port.ts';
import { INDEX_ALIAS } from './records.opensearch.ts';

interface RawSearchBody {
  hits?: { total?: number | { value?: number }; hits?: { _source?: Record<string, unknown> }[] };
  aggregations?: Record<string, unknown>;
}

const totalOf = (total: number | { value?: number } | undefined): number => (typeof total === 'number' ? total : Number(total?.value ?? 0));

export class OpenSearchRecordAnalytics implements RecordAnalytics {
  constructor(private readonly client: Client) {}

  async analyze(entity: Entity, body: Record<string, unknown>): Promise<AnalyticsResult> {
    // An exact total: the default stops counting at 10,000, and statistics report real totals.
    const response = await this.client.search({ index: INDEX_ALIAS[entity], body: { track_total_hits: true, ...body } });
    const raw = response.body as RawSearchBody;
    return {
      total: totalOf(raw.hits?.total),
      aggregations: raw.aggregations ?? {},
      hits: (raw.hits?.hits ?? []).map((hit) => hit._source ?? {}),
    };
  }
}
