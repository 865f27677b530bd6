import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** CloudWatch metrics in embedded metric format; off locally (POWERTOOLS_DEV / POWERTOOLS_METRICS_DISABLED). */
export const metrics = new Metrics({ namespace: 'leadstack', serviceName: 'leadstack' });

export const countMetric = (name: string, value: number): void => {
  if (value > 0) metrics.addMetric(name, MetricUnit.Count, value);
};
