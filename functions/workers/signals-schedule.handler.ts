import type { ScheduledEvent } from 'aws-lambda';
import { DEFAULT_JOB_RETRY_COUNT } from '../domain/jobs/job.ts';
import { createJob } from '../domain/jobs/job-commands.ts';
import { runMonitoringSchedule } from '../domain/signals/schedule-monitoring.ts';
import { logger } from '../platform/logger.ts';
import { jobQueue, jobStore } from '../platform/services/jobs.services.ts';
import { monitoringSettings } from '../platform/services/signal-monitoring.services.ts';

/** The daily schedule: a `monitor_signals` job for every workspace that enabled monitoring (functions/domain/signals/schedule-monitoring.ts). */
export const handler = async (_event: ScheduledEvent): Promise<{ started: number; failed: number }> => {
  const outcome = await runMonitoringSchedule({
    settings: monitoringSettings(),
    startJob: (workspaceId, data) => createJob({ jobs: jobStore(), queue: jobQueue() }, workspaceId, { job_type: 'monitor_signals', job_data: data, retry_count: DEFAULT_JOB_RETRY_COUNT }),
    now: () => new Date(),
    onError: (workspaceId, error) => logger.error('scheduled monitoring could not start', { workspaceId, error }),
  });
  logger.info('scheduled monitoring', { started: outcome.started.length, failed: outcome.failed });
  return { started: outcome.started.length, failed: outcome.failed };
};
