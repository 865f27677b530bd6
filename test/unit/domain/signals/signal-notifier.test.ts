import { describe, expect, it } from 'vitest';
import type { MonitoringSettings, MonitoringSettingsStore } from '../../../../functions/domain/signals/monitoring-settings.ts';
import { signalNotifier } from '../../../../functions/domain/signals/signal-notifier.ts';
import type { Signal } from '../../../../functions/domain/signals/signal.ts';
import { verifyWebhookSignature } from '../../../../functions/domain/signals/webhook-signature.ts';
import type { JobEvent } from '../../../../functions/ports/job-events.port.ts';
import type { SealedKey } from '../../../../functions/ports/lookups.port.ts';
import type { OutboundRequest } from '../../../../functions/ports/outbound-http.port.ts';

const SECRET = 'whsec_unit';
const SEALED: SealedKey = { ciphertext: 'c', iv: 'i', tag: 't', hint: 'unit', rotatedAt: '2026-12-01T00:00:00.000Z' };
const signal = { uuid: 'sig-1', ticker: 'GLBX', company_name: 'Globex Corp', signal_type: 'ACQUISITION', opportunity_type: 'Expansion', urgency_score: 0.9, estimated_value: '$1k', item: '2.01', filing_date: '2026-12-01', filing_url: 'https://sec/x', generated_at: '2026-12-02T00:00:00.000Z', excerpt: 'long evidence' } as unknown as Signal;

function harness(settings: MonitoringSettings | undefined, answer: number | Error = 204) {
  const events: JobEvent[] = [];
  const requests: OutboundRequest[] = [];
  const warnings: string[] = [];
  const store = { get: async () => settings } as unknown as MonitoringSettingsStore;
  const notifier = signalNotifier({
    events: { publish: async (_ws, event) => void events.push(event) },
    settings: store,
    http: {
      request: async (request) => {
        requests.push(request);
        if (answer instanceof Error) throw answer;
        return { status: answer, headers: {}, url: request.url, body: new Uint8Array(), attempts: 1, text: () => '', json: () => ({}) };
      },
    },
    secrets: { open: (ws, sealed) => (ws === 'ws-a' && sealed === SEALED ? SECRET : undefined) },
    now: () => new Date('2026-12-04T06:00:00Z'),
    warn: (message) => warnings.push(message),
  });
  return { notifier, events, requests, warnings };
}

const withWebhook: MonitoringSettings = { workspaceId: 'ws-a', enabled: true, target: { customer_age_days: 90 }, webhookUrl: 'https://hooks.example.com/x', webhookSecret: SEALED, updatedAt: '2026-12-01T00:00:00.000Z' };

describe('signalNotifier', () => {
  it('It should publish a signals event on the job and POST a body signed under the workspace secret', async () => {
    const { notifier, events, requests } = harness(withWebhook);
    await notifier.notify('ws-a', 'job-1', [signal]);
    expect(events).toEqual([{ type: 'signals', job_id: 'job-1', signals: [expect.objectContaining({ uuid: 'sig-1', signal_type: 'ACQUISITION' })] }]);
    expect(requests).toHaveLength(1);
    const request = requests[0] as OutboundRequest;
    expect(request).toMatchObject({ provider: 'webhook', method: 'POST', url: 'https://hooks.example.com/x', workspaceId: 'ws-a', jobId: 'job-1' });
    expect(verifyWebhookSignature(SECRET, request.body as string, request.headers?.['x-leadstack-signature'])).toBe(true);
    expect(JSON.parse(request.body as string)).toMatchObject({ type: 'signals.created', workspace_id: 'ws-a', job_id: 'job-1', sent_at: '2026-12-04T06:00:00.000Z', signals: [{ uuid: 'sig-1' }] });
    expect(request.body).not.toContain('long evidence');
  });

  it('It should send nothing for no signals, and only the event without a webhook', async () => {
    const none = harness(withWebhook);
    await none.notifier.notify('ws-a', 'job-1', []);
    expect([none.events.length, none.requests.length]).toEqual([0, 0]);
    const noHook = harness({ ...withWebhook, webhookUrl: undefined, webhookSecret: undefined });
    await noHook.notifier.notify('ws-a', 'job-1', [signal]);
    expect([noHook.events.length, noHook.requests.length]).toEqual([1, 0]);
  });

  it('It should log and not throw when the webhook fails or answers an error', async () => {
    const down = harness(withWebhook, new Error('connect refused'));
    await expect(down.notifier.notify('ws-a', 'job-1', [signal])).resolves.toBeUndefined();
    expect(down.warnings).toEqual(['signals webhook failed']);
    const refused = harness(withWebhook, 500);
    await refused.notifier.notify('ws-a', 'job-1', [signal]);
    expect(refused.warnings).toEqual(['signals webhook answered with an error']);
  });
});
