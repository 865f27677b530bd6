import { issueWsTicket } from '../domain/realtime/ws-ticket.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { wsTicketStore } from '../platform/services/realtime.services.ts';

/** A single-use ticket to open the progress WebSocket: `wss://.../live?ticket=<ticket>`. */
export const handler = httpHandler({ authorized: true, json: false }, async ({ workspaceId }) => {
  const { ticket, expiresIn } = await issueWsTicket(wsTicketStore(), workspaceId, new Date());
  return successResponse({ ticket, expires_in: expiresIn }, 201);
});
