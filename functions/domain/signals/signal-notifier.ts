/**
 * New signals pushed out as a monitoring job finds them: a `signals` event to the job's
 * WebSocket subscribers and, when the workspace configured one, a signed POST to its webhook
 * (through the outbound client, so the SSRF guard checks the URL on every hop).
 */
import type { OutboundHttp } from '../../ports/outbound-http.port.ts';
import type { JobEvents } from '../../ports/job-events.port.ts';
import type { SealedKey } from '../../ports/lookups.port.ts';
import type { MonitoringSettingsStore } from './monitoring-settings.ts';
import type { Signal } from './signal.ts';
import { WEBHOOK_SIGNATURE_HEADER, signWebhookBody } from './webhook-signature.ts';

export const WEBHOOK_EVENT_TYPE = 'signals.created';

export interface SignalNotifier {
  notify(workspaceId: string, jobId: string, signals: readonly Signal[]): Promise<void>;
}

export interface SecretOpener {
  open(workspaceId: string, sealed: SealedKey): string | undefined;
}

export interface SignalNotifierDeps {
  readonly events: JobEvents;
  readonly settings: MonitoringSettingsStore;
  readonly http: OutboundHttp;
  readonly secrets: SecretOpener;
  readonly now: () => Date;
  readonly warn: (message: string, detail: Record<string, unknown>) => void;
}

/** The fields a receiver acts on; the evidence stays in the API (`GET /v1/signals`). */
const summaryOf = (signal: Signal) => ({
  uuid: signal.uuid,
  ticker: signal.ticker,
  company_name: signal.company_name,
  signal_type: signal.signal_type,
  opportunity_type: signal.opportunity_type,
  urgency_score: signal.urgency_score,
  estimated_value: signal.estimated_value,
  item: signal.item,
  filing_date: signal.filing_date,
  filing_url: signal.filing_url,
  generated_at: signal.generated_at,
});

export const webhookBody = (workspaceId: string, jobId: string, signals: readonly Signal[], sentAt: Date): string =>
  JSON.stringify({ type: WEBHOOK_EVENT_TYPE, workspace_id: workspaceId, job_id: jobId, sent_at: sentAt.toISOString(), signals: signals.map(summaryOf) });

/** A webhook that fails is logged, never fails the job: the signals are stored and listed either way. */
export const signalNotifier = (deps: SignalNotifierDeps): SignalNotifier => ({
  async notify(workspaceId, jobId, signals) {
    if (signals.length === 0) return;
    await deps.events.publish(workspaceId, { type: 'signals', job_id: jobId, signals: signals.map(summaryOf) }).catch(() => undefined);
    const settings = await deps.settings.get(workspaceId);
    if (!settings?.webhookUrl || !settings.webhookSecret) return;
    const secret = deps.secrets.open(workspaceId, settings.webhookSecret);
    if (!secret) return deps.warn('signals webhook: the sealed secret does not open', { workspaceId });
    const body = webhookBody(workspaceId, jobId, signals, deps.now());
    try {
      const response = await deps.http.request({
        provider: 'webhook',
        operation: 'signals_webhook',
        url: settings.webhookUrl,
        method: 'POST',
        headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody(secret, body) },
        body,
        workspaceId,
        jobId,
      });
      if (response.status >= 300) deps.warn('signals webhook answered with an error', { workspaceId, status: response.status });
    } catch (error) {
      deps.warn('signals webhook failed', { workspaceId, error: error instanceof Error ? error.message : String(error) });
    }
  },
});
