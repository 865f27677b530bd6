import { createHash, randomBytes } from 'node:crypto';
import type { WsTicketStore } from '../../ports/ws-tickets.port.ts';

/** A ticket is good for one connect within this time: long enough to open a socket, too short to be worth stealing. */
export const WS_TICKET_TTL_SECONDS = 60;

const TICKET_PREFIX = 'wst_';
/** 32 random bytes, base64url. */
const TICKET_PATTERN = /^wst_[A-Za-z0-9_-]{43}$/;

export const hashTicket = (ticket: string): string => createHash('sha256').update(ticket).digest('hex');

/** Issues a ticket for the workspace; only its hash is stored. */
export async function issueWsTicket(store: WsTicketStore, workspaceId: string, now: Date): Promise<{ ticket: string; expiresIn: number }> {
  const ticket = `${TICKET_PREFIX}${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(now.getTime() + WS_TICKET_TTL_SECONDS * 1000).toISOString();
  await store.put({ hash: hashTicket(ticket), workspaceId, expiresAt });
  return { ticket, expiresIn: WS_TICKET_TTL_SECONDS };
}

/** The ticket's workspace, consuming the ticket; undefined when it is malformed, unknown, used or expired. */
export async function redeemWsTicket(store: WsTicketStore, ticket: string | undefined, now: Date): Promise<string | undefined> {
  if (ticket === undefined || !TICKET_PATTERN.test(ticket)) return undefined;
  return (await store.consume(hashTicket(ticket), now))?.workspaceId;
}
