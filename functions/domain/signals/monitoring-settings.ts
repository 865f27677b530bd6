/**
 * A workspace's scheduled-monitoring setting: whether the daily schedule watches its customers
 * (an onboarded SaaS client's, or an explicit list), and where new signals are POSTed.
 */
import { z } from 'zod';
import type { SealedKey } from '../../ports/lookups.port.ts';
import { monitorSignalsDataSchema, type MonitorSignalsData } from './monitor-job-data.ts';

export const MAX_WEBHOOK_URL_CHARS = 2_048;

/**
 * `PUT /v1/signals/monitoring`: what to watch (as a `monitor_signals` job would take it, without
 * `since`, which the schedule keeps itself) and the optional webhook.
 *
 * @example { "enabled": true, "saas_client_name": "ShieldCo", "webhook_url": "https://hooks.example.com/leadstack" }
 */
export const monitoringSettingsInputSchema = z
  .strictObject({
    enabled: z.boolean(),
    saas_client_name: z.string().trim().min(1).max(200).optional(),
    company_id: z.uuid().optional(),
    customer_age_days: monitorSignalsDataSchema.shape.customer_age_days,
    companies: monitorSignalsDataSchema.shape.companies,
    webhook_url: z.url({ protocol: /^https?$/ }).max(MAX_WEBHOOK_URL_CHARS).nullable().optional(),
    /** A new webhook secret, replacing the old one (returned once, in this answer). */
    rotate_webhook_secret: z.boolean().optional(),
  })
  .superRefine((data, ctx) => {
    if (data.companies === undefined && data.saas_client_name === undefined && data.company_id === undefined) {
      ctx.addIssue({ code: 'custom', path: ['companies'], message: 'Give companies, saas_client_name or company_id' });
    }
  });

export type MonitoringSettingsInput = z.output<typeof monitoringSettingsInputSchema>;

/** What to watch: a monitor_signals job's data without `since`. */
export type MonitoringTarget = Omit<MonitorSignalsData, 'since'>;

export interface MonitoringSettings {
  readonly workspaceId: string;
  readonly enabled: boolean;
  readonly target: MonitoringTarget;
  readonly webhookUrl?: string;
  /** The webhook's signing secret, sealed (never stored or logged in plaintext). */
  readonly webhookSecret?: SealedKey;
  /** `YYYY-MM-DD`: the day the last scheduled check started; its next check reads filings since then. */
  readonly lastCheck?: string;
  readonly updatedAt: string;
}

export interface MonitoringSettingsStore {
  get(workspaceId: string): Promise<MonitoringSettings | undefined>;
  put(settings: MonitoringSettings): Promise<void>;
  /** Every workspace's setting with `enabled` (the schedule's input), page by page. */
  listEnabled(): AsyncIterable<MonitoringSettings>;
  /** Moves the last-check marker, only forward and only if `from` is still the marker (two ticks never both start a job). */
  markChecked(workspaceId: string, from: string | undefined, to: string): Promise<boolean>;
}

export const targetOf = (input: MonitoringSettingsInput): MonitoringTarget => ({
  customer_age_days: input.customer_age_days,
  ...(input.saas_client_name !== undefined ? { saas_client_name: input.saas_client_name } : {}),
  ...(input.company_id !== undefined ? { company_id: input.company_id } : {}),
  ...(input.companies !== undefined ? { companies: input.companies } : {}),
});

/** The route's answer: never the secret, only whether one is set and its last characters. */
export const settingsView = (settings: MonitoringSettings): Record<string, unknown> => ({
  enabled: settings.enabled,
  ...settings.target,
  webhook_url: settings.webhookUrl ?? null,
  webhook_secret_hint: settings.webhookSecret ? settings.webhookSecret.hint : null,
  last_check: settings.lastCheck ?? null,
  updated_at: settings.updatedAt,
});
