import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { listRecords } from '../domain/records/search-records.ts';
import {
  companyListQuerySchema,
  companyListToVql,
  contactListQuerySchema,
  contactListToVql,
  pageLinks,
  parseQueryString,
} from '../domain/vql/list-filters.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { recordSearch } from '../platform/services/search.services.ts';
import { parseInput } from '../platform/validation.ts';
import { entityOfRoute } from './route-entity.ts';

/** The URL the client called, so `next` and `previous` point back at this API with its own filters. */
function requestUrl(event: APIGatewayProxyEventV2): URL {
  const proto = event.headers['x-forwarded-proto'] ?? 'https';
  const host = event.headers.host ?? event.requestContext.domainName;
  const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
  return new URL(`${proto}://${host}${event.rawPath}${query}`);
}

/** GET /v1/companies and GET /v1/contacts: query-string filters → VQL → the one compiler. */
export const handler = httpHandler({ authorized: true, json: false }, async ({ event, workspaceId }) => {
  const raw = parseQueryString(event.rawQueryString);
  const { query, paging } =
    entityOfRoute(event) === 'company'
      ? companyListToVql(parseInput(companyListQuerySchema, raw, 'query string'))
      : contactListToVql(parseInput(contactListQuerySchema, raw, 'query string'));
  const page = await listRecords(recordSearch(), entityOfRoute(event), workspaceId, query);
  return successResponse({ count: page.count, ...pageLinks(requestUrl(event), paging, page.count), results: page.results });
});
