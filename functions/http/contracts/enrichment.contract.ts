import { z } from 'zod';
import { LOOKUP_PAGES_PER_SITE, websiteLookupParamsSchema } from '../../domain/enrich-websites/lookup-website.ts';
import { SITE_FAILURE_REASONS } from '../../domain/enrich-websites/crawl-ports.ts';
import { defineContracts, successBody } from '../../platform/http/route-contract.ts';

const TAG = 'enrichment';

const sourced = { source_url: z.string() };

const websiteSchema = z.object({
  domain: z.string(),
  url: z.string().describe('The home page that answered, after redirects'),
  emails: z.array(z.object({ address: z.string(), role_based: z.boolean(), own_domain: z.boolean(), ...sourced })),
  phones: z.array(z.object({ number: z.string().describe('E.164'), ...sourced })),
  social_profiles: z.record(z.string(), z.object({ url: z.string(), ...sourced })).describe('linkedin, twitter, facebook, instagram, youtube, github, tiktok'),
  technologies: z.array(z.object({ name: z.string(), categories: z.array(z.string()), version: z.string().optional(), confidence: z.number() })),
  organisation: z.record(z.string(), z.unknown()).describe('name, legalName, description, logo, foundingYear, employees, address, as the site states them'),
  people: z.array(z.object({ first_name: z.string(), last_name: z.string(), title: z.string().optional(), email: z.string().optional(), linkedin_url: z.string().optional(), ...sourced })),
  pages_fetched: z.number(),
  fetched_at: z.string(),
});

export const enrichmentContracts = defineContracts([
  {
    method: 'GET',
    path: '/v1/enrichment/website',
    summary: 'Read one company website now',
    description:
      `Give \`url\` or \`domain\`. Reads the home page and up to ${LOOKUP_PAGES_PER_SITE - 1} more pages likely to hold contact data ` +
      '(robots.txt respected, at most one request per second per host), in headless Chromium when a page needs JavaScript ' +
      '(`browser=never` to skip it), and answers what they say, each value with the page it came from. Answers are cached per ' +
      'workspace for a day (`refresh=true` reads again). Nothing is stored on records: `enrich_websites` jobs do that. A site ' +
      `that cannot be read answers \`website: null\` and \`unreadable.reason\` (one of ${SITE_FAILURE_REASONS.join(', ')}).`,
    tag: TAG,
    query: websiteLookupParamsSchema,
    responses: {
      200: {
        description: 'What the site says, or why it could not be read',
        body: successBody({
          website: websiteSchema.nullable(),
          cached: z.boolean().optional(),
          unreadable: z.object({ domain: z.string(), reason: z.enum(SITE_FAILURE_REASONS), message: z.string() }).optional(),
        }),
      },
      400: { description: 'ERR_VALIDATION: neither or both of url and domain, or one that is not a public http(s) site (an IP address, credentials, another scheme)' },
    },
  },
]);
