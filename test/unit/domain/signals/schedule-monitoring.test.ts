import { describe, expect, it } from 'vitest';
import type { MonitoringSettings, MonitoringSettingsStore } from '../../../../functions/domain/signals/monitoring-settings.ts';
import { runMonitoringSchedule, selectDueMonitors } from '../../../../functions/domain/signals/schedule-monitoring.ts';

const NOW = new Date('2026-12-04T06:00:00Z');
const setting = (workspaceId: string, over: Partial<MonitoringSettings> = {}): MonitoringSettings => ({
  workspaceId,
  enabled: true,
  target: { customer_age_days: 90, companies: [{ ticker: 'GLBX' }] },
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...over,
});

/** An in-memory store with the adapter's compare-and-set marker. */
function memoryStore(initial: MonitoringSettings[]): MonitoringSettingsStore & { rows: Map<string, MonitoringSettings> } {
  const rows = new Map(initial.map((s) => [s.workspaceId, s]));
  return {
    rows,
    get: async (id) => rows.get(id),
    put: async (s) => void rows.set(s.workspaceId, s),
    async *listEnabled() {
      for (const s of rows.values()) if (s.enabled) yield s;
    },
    markChecked: async (id, from, to) => {
      const row = rows.get(id);
      if (!row || row.lastCheck !== from) return false;
      rows.set(id, { ...row, lastCheck: to });
      return true;
    },
  };
}

describe('selectDueMonitors', () => {
  it('It should pick enabled workspaces not checked today, since their last check, and a first check without since', () => {
    const due = selectDueMonitors(
      [
        setting('ws-first'),
        setting('ws-yesterday', { lastCheck: '2026-12-03', target: { customer_age_days: 30, saas_client_name: 'ShieldCo' } }),
        setting('ws-today', { lastCheck: '2026-12-04' }),
        setting('ws-off', { enabled: false, lastCheck: '2026-11-01' }),
      ],
      NOW,
    );
    expect(due).toEqual([
      { workspaceId: 'ws-first', from: undefined, data: { customer_age_days: 90, companies: [{ ticker: 'GLBX' }] } },
      { workspaceId: 'ws-yesterday', from: '2026-12-03', data: { customer_age_days: 30, saas_client_name: 'ShieldCo', since: '2026-12-03' } },
    ]);
  });
});

describe('runMonitoringSchedule', () => {
  it('It should start one job per due workspace, move each marker to today, and start nothing on a second tick', async () => {
    const store = memoryStore([setting('ws-a', { lastCheck: '2026-12-01' }), setting('ws-b'), setting('ws-off', { enabled: false })]);
    const started: { workspaceId: string; since?: string }[] = [];
    const deps = {
      settings: store,
      startJob: async (workspaceId: string, data: { since?: string }) => {
        started.push({ workspaceId, ...(data.since ? { since: data.since } : {}) });
        return { id: `job-${workspaceId}` };
      },
      now: () => NOW,
      onError: () => undefined,
    };
    const first = await runMonitoringSchedule(deps);
    const second = await runMonitoringSchedule(deps);
    expect(first).toEqual({ started: [{ workspaceId: 'ws-a', jobId: 'job-ws-a' }, { workspaceId: 'ws-b', jobId: 'job-ws-b' }], failed: 0 });
    expect(started).toEqual([{ workspaceId: 'ws-a', since: '2026-12-01' }, { workspaceId: 'ws-b' }]);
    expect(second).toEqual({ started: [], failed: 0 });
    expect(store.rows.get('ws-a')?.lastCheck).toBe('2026-12-04');
    expect(store.rows.get('ws-off')?.lastCheck).toBeUndefined();
  });

  it('It should report a workspace whose job cannot start and still start the others', async () => {
    const store = memoryStore([setting('ws-broken'), setting('ws-fine')]);
    const errors: string[] = [];
    const outcome = await runMonitoringSchedule({
      settings: store,
      startJob: async (workspaceId) => {
        if (workspaceId === 'ws-broken') throw new Error('queue down');
        return { id: 'job-1' };
      },
      now: () => NOW,
      onError: (workspaceId) => errors.push(workspaceId),
    });
    expect(outcome).toEqual({ started: [{ workspaceId: 'ws-fine', jobId: 'job-1' }], failed: 1 });
    expect(errors).toEqual(['ws-broken']);
  });
});
