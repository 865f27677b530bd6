import { z } from 'zod';

const counted = <K extends string>(key: K) => z.object({ [key]: z.string(), count: z.number().int() } as Record<K, z.ZodString> & { count: z.ZodNumber });

/** The answer of GET /v1/dashboard/stats (see dashboard-stats.ts for each figure's meaning). */
export const dashboardStatsResponseSchema = z.object({
  success: z.literal(true),
  stats: z.object({
    total_contacts: z.number().int(),
    verified_emails: z.number().int(),
    unverified_emails: z.number().int(),
    top_industries: z.array(counted('industry')),
    top_countries: z.array(counted('country')),
    top_company_countries: z.array(counted('country')),
    avg_employees: z.number().nullable(),
    total_companies: z.number().int(),
    avg_revenue: z.number().nullable(),
    total_revenue: z.number(),
    with_linkedin: z.number().int(),
    recent_contacts: z.number().int(),
    recent_since: z.iso.datetime(),
  }),
});
