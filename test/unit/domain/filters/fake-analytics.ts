import type { Entity } from '../../../../functions/domain/records/fields.ts';
import type { AnalyticsResult, RecordAnalytics } from '../../../../functions/ports/record-analytics.port.ts';

/** Records every body it is sent and answers with the result queued for that entity. */
export class FakeAnalytics implements RecordAnalytics {
  readonly calls: { entity: Entity; body: Record<string, unknown> }[] = [];
  constructor(private readonly answers: Partial<Record<Entity, Partial<AnalyticsResult>>> = {}) {}

  async analyze(entity: Entity, body: Record<string, unknown>): Promise<AnalyticsResult> {
    this.calls.push({ entity, body });
    const answer = this.answers[entity] ?? {};
    return { total: answer.total ?? 0, aggregations: answer.aggregations ?? {}, hits: answer.hits ?? [] };
  }
}

/** A terms aggregation answer: [key, count, sampled source value?] per bucket. */
export const bucketsOf = (field: string, rows: readonly (readonly [string, number, unknown?])[]) => ({
  buckets: rows.map(([key, doc_count, sample]) => ({
    key,
    doc_count,
    ...(sample === undefined ? {} : { sample: { hits: { hits: [{ _source: { [field]: sample } }] } } }),
  })),
});
