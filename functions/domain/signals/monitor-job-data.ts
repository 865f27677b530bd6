import { z } from 'zod';

/** Companies one monitoring job may watch (each costs one or two EDGAR calls plus one per new 8-K). */
export const MAX_MONITORED_COMPANIES = 500;
/** `customer_age_days` bounds: at least a day, at most ten years of customers. */
export const MIN_CUSTOMER_AGE_DAYS = 1;
export const MAX_CUSTOMER_AGE_DAYS = 3_650;
export const DEFAULT_CUSTOMER_AGE_DAYS = 90;

const watchedCompany = z
  .strictObject({ name: z.string().trim().min(1).max(200).optional(), ticker: z.string().trim().toUpperCase().regex(/^[A-Z][A-Z0-9.-]{0,9}$/).optional() })
  .refine((company) => company.name !== undefined || company.ticker !== undefined, { message: 'Give a name or a ticker' });

/**
 * `job_data` of a `monitor_signals` job: the customers of an onboarded SaaS client (by name or by
 * its company id) seen in the last `customer_age_days`, or an explicit list of companies; and
 * `since`, the first day a first check reads (default: the configured look-back).
 *
 * @example { "companies": [{ "ticker": "GLBX" }, { "name": "Initech Corp" }], "since": "2026-10-01" }
 * @example { "saas_client_name": "ShieldCo", "customer_age_days": 90 }
 */
export const monitorSignalsDataSchema = z
  .strictObject({
    saas_client_name: z.string().trim().min(1).max(200).optional(),
    company_id: z.uuid().optional(),
    customer_age_days: z.int().min(MIN_CUSTOMER_AGE_DAYS).max(MAX_CUSTOMER_AGE_DAYS).default(DEFAULT_CUSTOMER_AGE_DAYS),
    companies: z.array(watchedCompany).min(1).max(MAX_MONITORED_COMPANIES).optional(),
    since: z.iso.date().optional(),
  })
  .superRefine((data, ctx) => {
    if (data.companies === undefined && data.saas_client_name === undefined && data.company_id === undefined) {
      ctx.addIssue({ code: 'custom', path: ['companies'], message: 'Give companies, saas_client_name or company_id' });
    }
  });

export type MonitorSignalsData = z.output<typeof monitorSignalsDataSchema>;
export type WatchedCompany = NonNullable<MonitorSignalsData['companies']>[number];
