import { filtersOf } from '../domain/filters/filter-catalog.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { entityOfRoute } from './route-entity.ts';

export const handler = httpHandler({ authorized: true, json: false }, async ({ event }) => successResponse({ data: filtersOf(entityOfRoute(event)) }));
