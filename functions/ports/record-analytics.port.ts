import type { Entity } from '../domain/records/fields.ts';

/** What an aggregation request answered: the exact match count, the aggregations, and any hits. */
export interface AnalyticsResult {
  readonly total: number;
  readonly aggregations: Readonly<Record<string, unknown>>;
  /** `_source` of each hit, when the body asked for hits (`size` > 0). */
  readonly hits: readonly Record<string, unknown>[];
}

/**
 * Counts and aggregations over one record type's index. The domain writes the body (always
 * workspace-scoped); the adapter only sends it and reads the answer back.
 */
export interface RecordAnalytics {
  analyze(entity: Entity, body: Record<string, unknown>): Promise<AnalyticsResult>;
}
