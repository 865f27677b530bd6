import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** CloudWatch metrics in embedded metric format; off locally (POWERTOOLS_DEV / POWERTOOLS_METRICS_DISABLED). */
export const metrics = new Metrics({ namespace: 'leadstack', serviceName: 'leadstack' });

/** Emits the non-zero counts at once; an invocation with nothing to count emits nothing. */
export function publishCounts(counts: Record<string, number>): void {
  const nonZero = Object.entries(counts).filter(([, value]) => value > 0);
  if (nonZero.length === 0) return;
  for (const [name, value] of nonZero) metrics.addMetric(name, MetricUnit.Count, value);
  metrics.publishStoredMetrics();
}
