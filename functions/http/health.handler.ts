import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';

export const handler = httpHandler({ authorized: false, json: false }, async () =>
  successResponse({ status: 'ok', service: 'leadstack', time: new Date().toISOString() }),
);
