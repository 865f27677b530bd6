import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { FINAL_LOOKUP_STATUSES, type LookupStatus } from '../../ports/people-data.port.ts';
import { successResponse } from './responses.ts';

/** A lookup the provider still works on answers 202 with the id to poll `GET /v1/lookups/{id}/status` with. */
export const lookupResponse = (answer: Record<string, unknown> & { status: LookupStatus }, cached: boolean): APIGatewayProxyResultV2 =>
  successResponse({ ...answer, cached }, FINAL_LOOKUP_STATUSES.has(answer.status) ? 200 : 202);
