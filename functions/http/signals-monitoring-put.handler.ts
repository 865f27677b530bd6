import { monitoringSettingsInputSchema, settingsView } from '../domain/signals/monitoring-settings.ts';
import { saveMonitoringSettings } from '../domain/signals/save-monitoring-settings.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { saveMonitoringDeps } from '../platform/services/signal-monitoring.services.ts';
import { parseInput } from '../platform/validation.ts';

/** `PUT /v1/signals/monitoring` (admin): daily monitoring on or off, what it watches, the signed webhook. */
export const handler = httpHandler({ authorized: true, admin: true, json: 'required' }, async ({ workspaceId, principal, body }) => {
  const input = parseInput(monitoringSettingsInputSchema, body, 'body');
  const saved = await saveMonitoringSettings(saveMonitoringDeps(), workspaceId, input, principal.userId);
  return successResponse({ ...settingsView(saved.settings), ...(saved.newSecret ? { webhook_secret: saved.newSecret } : {}) });
});
