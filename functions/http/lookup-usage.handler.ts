import { USAGE_DEFAULT_DAYS, usageQuerySchema } from '../domain/lookups/lookup-inputs.ts';
import { lookupUsage } from '../domain/lookups/lookup-usage.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { usageDeps } from '../platform/services/lookups.services.ts';
import { parseInput } from '../platform/validation.ts';

const DAY_MS = 86_400_000;

/** `GET /v1/lookups/usage?from=&to=`: credits, calls, success rate and latency, top employers and industries. */
export const handler = httpHandler({ authorized: true, json: false }, async ({ event, workspaceId }) => {
  const query = parseInput(usageQuerySchema, event.queryStringParameters ?? {}, 'query');
  const to = query.to ?? new Date().toISOString();
  const from = query.from ?? new Date(Date.parse(to) - USAGE_DEFAULT_DAYS * DAY_MS).toISOString();
  return successResponse({ usage: await lookupUsage(usageDeps(), workspaceId, from, to) });
});
