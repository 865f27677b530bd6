/**
 * Signals: buying signals from SEC 8-K filings. Monitoring runs as `monitor_signals` jobs on the
 * shared job worker (lib/topology/jobs-and-uploads.ts); signals are records of type `signal`,
 * indexed by the query feature's stream into the `signals` index, and listed here. A daily
 * schedule starts monitoring for the workspaces that enabled it (their setting on the control table).
 */
import { MB, defineFeature } from './types.ts';

/** Scheduled monitoring runs once a day: EDGAR's 8-Ks arrive through the day, signals are read as news. */
export const SIGNALS_SCHEDULE_MINUTES = 24 * 60;

export const signals = defineFeature({
  name: 'signals',
  functions: {
    listSignals: { entry: 'functions/http/list-signals.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: { search: 'read' } },
    createMonitor: { entry: 'functions/http/create-monitor.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: { tables: { control: 'readwrite' }, queues: { jobs: 'send' } } },
    getMonitor: { entry: 'functions/http/get-monitor.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: { tables: { control: 'read' }, search: 'read' } },
    getMonitoring: { entry: 'functions/http/signals-monitoring-get.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { control: 'read' } } },
    putMonitoring: { entry: 'functions/http/signals-monitoring-put.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: { tables: { control: 'readwrite' }, secrets: ['providerKeySealing'] } },
    monitoringSchedule: { entry: 'functions/workers/signals-schedule.handler.ts', timeoutSeconds: 300, memoryMb: MB.small, access: { tables: { control: 'readwrite' }, queues: { jobs: 'send' } } },
  },
  routes: [
    { method: 'GET', path: '/v1/signals', fn: 'listSignals', authorized: true },
    { method: 'POST', path: '/v1/signals/monitor', fn: 'createMonitor', authorized: true },
    { method: 'GET', path: '/v1/signals/monitor/{id}', fn: 'getMonitor', authorized: true },
    { method: 'GET', path: '/v1/signals/monitoring', fn: 'getMonitoring', authorized: true },
    { method: 'PUT', path: '/v1/signals/monitoring', fn: 'putMonitoring', authorized: true },
  ],
  schedules: [{ fn: 'monitoringSchedule', rate: { minutes: SIGNALS_SCHEDULE_MINUTES } }],
});
