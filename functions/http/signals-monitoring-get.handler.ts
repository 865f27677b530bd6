import { settingsView } from '../domain/signals/monitoring-settings.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { monitoringSettings } from '../platform/services/signal-monitoring.services.ts';

/** `GET /v1/signals/monitoring`: the workspace's own setting (never the webhook secret), or `enabled: false` when none. */
export const handler = httpHandler({ authorized: true, json: false }, async ({ workspaceId }) => {
  const settings = await monitoringSettings().get(workspaceId);
  return successResponse(settings ? settingsView(settings) : { enabled: false, webhook_url: null, webhook_secret_hint: null, last_check: null });
});
