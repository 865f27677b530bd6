import type { JobRunner } from '../../domain/jobs/runner.ts';
import { runMonitorSignals } from '../../domain/signals/run-monitor-signals.ts';
import { monitorSignalsDeps } from '../../platform/services/signals.services.ts';

/** `monitor_signals`: customers' 8-Ks since the last check → signals (functions/domain/signals/run-monitor-signals.ts). */
export const monitorSignalsRunner: JobRunner = (context) => runMonitorSignals(monitorSignalsDeps(), context);
