import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { conditionalWriteHeadersSchema, etagOf, expectedVersionOf, recordParamsSchema } from '../domain/records/record-request.ts';
import type { RecordView } from '../domain/records/record-view.ts';
import { successResponse } from '../platform/http/responses.ts';
import { parseInput } from '../platform/validation.ts';

/** The uuid of `/v1/{companies,contacts}/{uuid}`, or ERR_VALIDATION naming `uuid`. */
export const uuidOfPath = (event: APIGatewayProxyEventV2): string => parseInput(recordParamsSchema, event.pathParameters ?? {}, 'path').uuid;

/** The version an `If-Match` header demands, if any. */
export function expectedVersionOfRequest(event: APIGatewayProxyEventV2): number | undefined {
  const headers = parseInput(conditionalWriteHeadersSchema, { 'if-match': event.headers['if-match'] }, 'headers');
  return expectedVersionOf(headers['if-match']);
}

/** `{ success, data }` with the record's version as its ETag. */
export function recordResponse(view: RecordView, statusCode = 200, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  const response = successResponse({ data: view }, statusCode);
  return { ...response, headers: { ...response.headers, etag: etagOf(view.version), ...headers } };
}
