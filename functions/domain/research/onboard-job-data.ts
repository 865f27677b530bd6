import { z } from 'zod';
import { parseSiteTarget } from '../enrich-websites/site-target.ts';

const MAX_COMPANY_NAME_CHARS = 200;

/**
 * `job_data` of an `onboard_company` job, and the body of `POST /v1/research/onboard`.
 *
 * @example { "company_name": "Pipewise", "website": "pipewise.com", "deep_research": true }
 */
export const onboardCompanyDataSchema = z
  .strictObject({
    company_name: z.string().trim().min(1).max(MAX_COMPANY_NAME_CHARS),
    website: z.string().min(1).max(2048).describe('The company\'s site: a public domain or an http(s) URL (no IP address, no credentials)'),
    /** Reads more pages (product, story and industry pages one link further). */
    deep_research: z.boolean().default(false),
  })
  .superRefine((data, ctx) => {
    const target = parseSiteTarget(data.website);
    if (!target.ok) ctx.addIssue({ code: 'custom', path: ['website'], message: `${target.message} (${target.reason})` });
  });

export type OnboardCompanyData = z.output<typeof onboardCompanyDataSchema>;

