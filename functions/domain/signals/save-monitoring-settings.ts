import { AppError } from '../../platform/errors.ts';
import type { SealedKey } from '../../ports/lookups.port.ts';
import { UrlBlockedError } from '../../ports/outbound-http.port.ts';
import { targetOf, type MonitoringSettings, type MonitoringSettingsInput, type MonitoringSettingsStore } from './monitoring-settings.ts';
import { newWebhookSecret } from './webhook-signature.ts';

export interface SecretSealer {
  seal(workspaceId: string, plaintext: string, rotatedAt: string, rotatedBy?: string): SealedKey;
}

export interface SaveMonitoringDeps {
  readonly store: MonitoringSettingsStore;
  readonly sealer: SecretSealer;
  /** The SSRF guard: throws UrlBlockedError for a URL no outbound call may reach. */
  readonly checkUrl: (url: string) => Promise<void>;
  readonly now: () => Date;
}

export interface SavedMonitoring {
  readonly settings: MonitoringSettings;
  /** The new webhook secret in plaintext: shown once, in the answer that created it. */
  readonly newSecret?: string;
}

async function guardWebhook(deps: SaveMonitoringDeps, url: string): Promise<void> {
  try {
    await deps.checkUrl(url);
  } catch (error) {
    if (error instanceof UrlBlockedError) throw new AppError('ERR_URL_BLOCKED', `webhook_url refused: ${error.reason}`, [{ path: 'webhook_url', message: error.reason }]);
    throw error;
  }
}

/**
 * Replaces the workspace's monitoring setting, keeping its last-check marker. A webhook gets a
 * secret the first time (or on `rotate_webhook_secret`); `webhook_url: null` removes the webhook
 * and its secret; leaving `webhook_url` out keeps both.
 */
export async function saveMonitoringSettings(deps: SaveMonitoringDeps, workspaceId: string, input: MonitoringSettingsInput, userId?: string): Promise<SavedMonitoring> {
  const previous = await deps.store.get(workspaceId);
  const webhookUrl = input.webhook_url === null ? undefined : (input.webhook_url ?? previous?.webhookUrl);
  if (input.webhook_url) await guardWebhook(deps, input.webhook_url);
  const updatedAt = deps.now().toISOString();
  const keepSecret = webhookUrl !== undefined && previous?.webhookSecret !== undefined && input.rotate_webhook_secret !== true;
  const newSecret = webhookUrl !== undefined && !keepSecret ? newWebhookSecret() : undefined;
  const webhookSecret = keepSecret ? previous?.webhookSecret : newSecret ? deps.sealer.seal(workspaceId, newSecret, updatedAt, userId) : undefined;
  const settings: MonitoringSettings = {
    workspaceId,
    enabled: input.enabled,
    target: targetOf(input),
    updatedAt,
    ...(webhookUrl ? { webhookUrl } : {}),
    ...(webhookSecret ? { webhookSecret } : {}),
    ...(previous?.lastCheck ? { lastCheck: previous.lastCheck } : {}),
  };
  await deps.store.put(settings);
  return { settings, ...(newSecret ? { newSecret } : {}) };
}
