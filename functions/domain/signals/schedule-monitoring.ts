/**
 * The daily monitoring schedule: for each workspace that enabled monitoring and was not yet
 * checked today, a `monitor_signals` job over its target with `since` = its last check (the
 * configured look-back on a first check), and the marker moved to today before the job starts,
 * so a second tick the same day starts nothing.
 */
import type { MonitorSignalsData } from './monitor-job-data.ts';
import type { MonitoringSettings, MonitoringSettingsStore } from './monitoring-settings.ts';

export interface DueMonitor {
  readonly workspaceId: string;
  readonly from: string | undefined;
  readonly data: MonitorSignalsData;
}

const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

/** Which settings are due today, and each one's job data. Pure: the schedule's selection. */
export function selectDueMonitors(settings: readonly MonitoringSettings[], now: Date): DueMonitor[] {
  const today = dayOf(now);
  return settings
    .filter((s) => s.enabled && (s.lastCheck === undefined || s.lastCheck < today))
    .map((s) => ({ workspaceId: s.workspaceId, from: s.lastCheck, data: { ...s.target, ...(s.lastCheck ? { since: s.lastCheck } : {}) } }));
}

export interface ScheduleDeps {
  readonly settings: MonitoringSettingsStore;
  readonly startJob: (workspaceId: string, data: MonitorSignalsData) => Promise<{ readonly id: string }>;
  readonly now: () => Date;
  readonly onError: (workspaceId: string, error: unknown) => void;
}

export interface ScheduleOutcome {
  readonly started: { readonly workspaceId: string; readonly jobId: string }[];
  readonly failed: number;
}

/** One tick: one workspace's failure is reported and does not stop the others. */
export async function runMonitoringSchedule(deps: ScheduleDeps): Promise<ScheduleOutcome> {
  const now = deps.now();
  const enabled: MonitoringSettings[] = [];
  for await (const settings of deps.settings.listEnabled()) enabled.push(settings);
  const started: ScheduleOutcome['started'] = [];
  let failed = 0;
  for (const due of selectDueMonitors(enabled, now)) {
    try {
      if (!(await deps.settings.markChecked(due.workspaceId, due.from, dayOf(now)))) continue;
      const job = await deps.startJob(due.workspaceId, due.data);
      started.push({ workspaceId: due.workspaceId, jobId: job.id });
    } catch (error) {
      failed += 1;
      deps.onError(due.workspaceId, error);
    }
  }
  return { started, failed };
}
