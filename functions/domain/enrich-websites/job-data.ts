import { z } from 'zod';
import { vqlWhereSchema } from '../vql/vql-schema.ts';
import { DEFAULT_PAGES_PER_SITE, MAX_DOMAINS_PER_JOB, MAX_PAGES_PER_SITE } from './limits.ts';
import { parseSiteTarget } from './site-target.ts';

export const BROWSER_MODES = ['auto', 'never', 'always'] as const;
export type BrowserMode = (typeof BROWSER_MODES)[number];

/** One domain of a job's list, canonicalised; a malformed one is refused naming its index. */
const siteDomain = z
  .string()
  .max(2048)
  .transform((raw, ctx) => {
    const target = parseSiteTarget(raw);
    if (target.ok) return target.domain;
    ctx.addIssue({ code: 'custom', message: `${target.message} (${target.reason})` });
    return z.NEVER;
  });

export const enrichOptionsSchema = z.strictObject({
  /** Pages fetched per site, the home page included. */
  pages_per_site: z.int().min(1).max(MAX_PAGES_PER_SITE).default(DEFAULT_PAGES_PER_SITE),
  /** `auto`: the browser only for pages that need JavaScript; `never`: plain HTTP; `always`: every page rendered. */
  browser: z.enum(BROWSER_MODES).default('auto'),
  /** false: the job opts out of robots.txt, explicitly. */
  respect_robots: z.boolean().default(true),
});

export type EnrichOptions = z.output<typeof enrichOptionsSchema>;

/**
 * `job_data` of an `enrich_websites` job: either an explicit list of domains, or a VQL `where`
 * over the workspace's companies (each company's `domain`, else its `website`, is crawled).
 *
 * @example { "domains": ["acme.com", "https://www.globex.com"], "options": { "pages_per_site": 3 } }
 * @example { "query": { "keyword_match": { "must": { "country": "germany" } } }, "options": { "browser": "never" } }
 */
export const enrichWebsitesDataSchema = z
  .strictObject({
    domains: z.array(siteDomain).min(1).max(MAX_DOMAINS_PER_JOB).optional(),
    query: vqlWhereSchema.optional(),
    options: enrichOptionsSchema.prefault({}),
  })
  .superRefine((data, ctx) => {
    if ((data.domains === undefined) === (data.query === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['domains'], message: 'Give either domains or query (one of them)' });
    }
  })
  .transform((data) => (data.domains ? { ...data, domains: [...new Set(data.domains)] } : data));

export type EnrichWebsitesData = z.output<typeof enrichWebsitesDataSchema>;
