import { listSignals } from '../domain/signals/list-signals.ts';
import { signalsQuerySchema } from '../domain/signals/signals-query.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { recordSearch } from '../platform/services/search.services.ts';
import { parseInput } from '../platform/validation.ts';

export const handler = httpHandler({ authorized: true, json: false }, async ({ event, workspaceId }) => {
  const query = parseInput(signalsQuerySchema, event.queryStringParameters ?? {}, 'query');
  return successResponse(await listSignals(recordSearch(), workspaceId, query));
});
