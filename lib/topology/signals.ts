/**
 * Signals: buying signals from SEC 8-K filings. Monitoring runs as `monitor_signals` jobs on the
 * shared job worker (lib/topology/jobs-and-uploads.ts); signals are records of type `signal`,
 * indexed by the query feature's stream into the `signals` index, and listed here.
 */
import { MB, defineFeature } from './types.ts';

export const signals = defineFeature({
  name: 'signals',
  functions: {
    listSignals: { entry: 'functions/http/list-signals.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: { search: 'read' } },
    createMonitor: { entry: 'functions/http/create-monitor.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: { tables: { control: 'readwrite' }, queues: { jobs: 'send' } } },
    getMonitor: { entry: 'functions/http/get-monitor.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: { tables: { control: 'read' }, search: 'read' } },
  },
  routes: [
    { method: 'GET', path: '/v1/signals', fn: 'listSignals', authorized: true },
    { method: 'POST', path: '/v1/signals/monitor', fn: 'createMonitor', authorized: true },
    { method: 'GET', path: '/v1/signals/monitor/{id}', fn: 'getMonitor', authorized: true },
  ],
});
