import { z } from 'zod';
import { SIGNAL_TYPES } from '../../domain/signals/signal-types.ts';
import { jobParamsSchema } from '../../domain/jobs/job-requests.ts';
import { monitorSignalsDataSchema } from '../../domain/signals/monitor-job-data.ts';
import { monitoringSettingsInputSchema } from '../../domain/signals/monitoring-settings.ts';
import { WEBHOOK_SIGNATURE_HEADER } from '../../domain/signals/webhook-signature.ts';
import { MAX_SIGNALS_PAGE_SIZE, signalsQuerySchema } from '../../domain/signals/signals-query.ts';
import { defineContracts, successBody } from '../../platform/http/route-contract.ts';

const signalSchema = z.object({
  uuid: z.string(),
  ticker: z.string(),
  company_name: z.string(),
  signal_type: z.enum(SIGNAL_TYPES),
  opportunity_type: z.string(),
  urgency_score: z.number(),
  estimated_value: z.string(),
  item: z.string(),
  form: z.string(),
  filing_date: z.string(),
  filing_url: z.string(),
  excerpt: z.string(),
  briefs: z.array(z.object({ persona: z.string(), why_it_matters: z.string(), what_to_say: z.string() })),
  generated_at: z.string(),
});

const monitoringShape = {
  enabled: z.boolean(),
  saas_client_name: z.string().optional(),
  company_id: z.string().optional(),
  customer_age_days: z.number().int().optional(),
  companies: z.array(z.object({ name: z.string().optional(), ticker: z.string().optional() })).optional(),
  webhook_url: z.string().nullable(),
  webhook_secret_hint: z.string().nullable().describe('The last four characters of the webhook secret; the secret itself is shown once'),
  last_check: z.string().nullable().describe('The day the last scheduled check started (YYYY-MM-DD); the next one reads filings since then'),
  updated_at: z.string().optional(),
};

export const signalsContracts = defineContracts([
  {
    method: 'GET',
    path: '/v1/signals',
    summary: 'List buying signals from SEC 8-K filings',
    description:
      'Signals that `monitor_signals` jobs found, newest filing first. `company` is a ticker (upper case) or words of the company ' +
      `name; \`type\` one or more of ${SIGNAL_TYPES.join(', ')} (comma-separated); \`since\` a filing date (YYYY-MM-DD); ` +
      `\`min_urgency\` 0..1; \`limit\` at most ${MAX_SIGNALS_PAGE_SIZE}; \`cursor\` the previous page's \`next_cursor\`.`,
    tag: 'signals',
    query: signalsQuerySchema,
    responses: {
      200: { description: 'A page of signals', body: successBody({ data: z.array(signalSchema), next_cursor: z.string().nullable() }) },
      400: { description: 'ERR_VALIDATION: an unknown type, a bad date, min_urgency outside 0..1, a limit out of range or a cursor this API did not give' },
    },
  },
  {
    method: 'POST',
    path: '/v1/signals/monitor',
    summary: 'Start monitoring customers for buying signals',
    description:
      'Creates a `monitor_signals` job (the same as `POST /v1/jobs` with that type): `companies` (name and/or ticker), or an onboarded ' +
      'client (`saas_client_name` or `company_id`) whose customers were seen in the last `customer_age_days`; `since` the first filing date read.',
    tag: 'signals',
    body: monitorSignalsDataSchema,
    responses: {
      201: { description: 'The job, in the seed\'s shape', body: successBody({ job_id: z.string(), status: z.string(), message: z.string() }) },
      400: { description: 'ERR_VALIDATION naming the field: customer_age_days out of 1..3650, no companies/client, a company with neither name nor ticker, a bad since' },
    },
  },
  {
    method: 'GET',
    path: '/v1/signals/monitor/{id}',
    summary: 'A monitoring job and the signals it found',
    description: 'The seed\'s result shape: `status`, `signals_found` and `signals` (the most urgent 100; page through `GET /v1/signals` for more).',
    tag: 'signals',
    params: jobParamsSchema,
    responses: {
      200: { description: 'The job and its signals', body: successBody({ job_id: z.string(), status: z.string(), signals_found: z.number(), signals: z.array(signalSchema) }) },
      404: { description: 'ERR_NOT_FOUND: no monitoring job with this id in the caller\'s workspace' },
    },
  },
  {
    method: 'GET',
    path: '/v1/signals/monitoring',
    summary: 'The workspace\'s scheduled monitoring setting',
    description: 'Whether the daily schedule monitors this workspace\'s customers, what it watches, its webhook (never the secret) and its last check.',
    tag: 'signals',
    responses: {
      200: { description: 'The setting (`enabled: false` when none was saved)', body: successBody(monitoringShape) },
    },
  },
  {
    method: 'PUT',
    path: '/v1/signals/monitoring',
    summary: 'Turn scheduled monitoring on or off, and set its webhook',
    description:
      'Admins only. Once a day a `monitor_signals` job runs for each workspace with `enabled: true`, over `companies` or an onboarded ' +
      'client (`saas_client_name`, `company_id`, `customer_age_days`), reading filings since its last check. New signals go to the job\'s ' +
      `WebSocket subscribers (a \`signals\` event) and, with a \`webhook_url\`, in a POST signed with \`${WEBHOOK_SIGNATURE_HEADER}: sha256=<hex>\` ` +
      '(HMAC-SHA256 of the raw body under the workspace\'s webhook secret). The secret is returned once, as `webhook_secret`, when the first ' +
      'webhook is set or on `rotate_webhook_secret: true`; `webhook_url: null` removes the webhook.',
    tag: 'signals',
    body: monitoringSettingsInputSchema,
    responses: {
      200: { description: 'The saved setting, with `webhook_secret` when a new one was made', body: successBody({ ...monitoringShape, webhook_secret: z.string().optional() }) },
      400: { description: 'ERR_VALIDATION naming the field: no companies/client, customer_age_days out of 1..3650, webhook_url not an http(s) URL' },
      403: { description: 'ERR_FORBIDDEN: the caller is not an admin of the workspace' },
      422: { description: 'ERR_URL_BLOCKED (field webhook_url): the SSRF guard refuses the webhook URL (private, loopback, metadata hosts, bad ports)' },
    },
  },
]);
