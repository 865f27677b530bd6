import { lookupWebsite, websiteLookupQuerySchema } from '../domain/enrich-websites/lookup-website.ts';
import { config } from '../platform/config.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { crawlDeps, lookupCache } from '../platform/services/enrichment.services.ts';
import { parseInput } from '../platform/validation.ts';

/**
 * `GET /v1/enrichment/website?url=` or `?domain=`: one site read now (or from the workspace's
 * cache). A site that cannot be read answers 200 with `website: null` and `unreadable` saying
 * why: the request was valid; the site is what failed.
 */
export const handler = httpHandler({ authorized: true, json: false }, async ({ event, workspaceId }) => {
  const query = parseInput(websiteLookupQuerySchema, event.queryStringParameters ?? {}, 'query');
  const answer = await lookupWebsite({ crawl: crawlDeps({ workspaceId }), cache: lookupCache(), cacheTtlSeconds: config().ENRICHMENT_LOOKUP_CACHE_TTL_SECONDS }, workspaceId, query);
  if (answer.ok) return successResponse({ website: answer.website, cached: answer.cached });
  return successResponse({ website: null, unreadable: { domain: answer.domain, reason: answer.reason, message: answer.message } });
});
