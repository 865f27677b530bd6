import { DynamoMonitoringSettings } from '../../adapters/dynamodb/signal-monitoring.dynamodb.ts';
import { ProviderKeyBox } from '../../domain/lookups/provider-key-box.ts';
import type { SaveMonitoringDeps } from '../../domain/signals/save-monitoring-settings.ts';
import { signalNotifier, type SignalNotifier } from '../../domain/signals/signal-notifier.ts';
import { config } from '../config.ts';
import { logger } from '../logger.ts';
import { documentClient } from './dynamodb.services.ts';
import { once } from './once.ts';
import { outboundHttp, urlGuard } from './outbound.services.ts';
import { jobEvents } from './realtime.services.ts';

export const monitoringSettings = /* @__PURE__ */ once(() => new DynamoMonitoringSettings(documentClient(), config().CONTROL_TABLE_NAME));

/** Webhook secrets are sealed like provider keys, under the same deployment secret. */
const secretBox = /* @__PURE__ */ once(() => {
  const secret = config().PROVIDER_KEY_SEALING_SECRET;
  if (!secret) throw new Error('PROVIDER_KEY_SEALING_SECRET is not set: this function has no providerKeySealing access');
  return new ProviderKeyBox(secret);
});

export const saveMonitoringDeps = (): SaveMonitoringDeps => ({ store: monitoringSettings(), sealer: secretBox(), checkUrl: urlGuard(), now: () => new Date() });

export const monitoringNotifier = /* @__PURE__ */ once(
  (): SignalNotifier =>
    signalNotifier({
      events: jobEvents(),
      settings: monitoringSettings(),
      http: outboundHttp(),
      secrets: secretBox(),
      now: () => new Date(),
      warn: (message, detail) => logger.warn(message, detail),
    }),
);
