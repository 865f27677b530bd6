/**
 * Admitting a WebSocket connection as API Gateway does: the $connect authorizer, then the
 * $connect route, whose non-2xx answer refuses the upgrade with 403 (a failure with 500).
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Topology } from '../../topology.ts';
import type { Invoker } from '../invoke.ts';
import { isRecord } from './common.ts';
import { authorizeConnect } from './ws-authorizer.ts';
import { connectEvent } from './ws-events.ts';
import type { UpgradeRequest } from './ws-events.ts';

export type Admission = { admitted: true; authorizer: Record<string, unknown> } | { admitted: false; status: 401 | 403 | 500 };

const REJECT_MESSAGES: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 500: 'Internal server error' };

/** A $connect result without a status code (or no result) accepts, like a Lambda proxy 200. */
const connectAccepted = (result: unknown): boolean => {
  if (!isRecord(result) || result.statusCode === undefined) return true;
  const status = Number(result.statusCode);
  return status >= 200 && status < 300;
};

export const admitConnection = async (
  topology: Topology,
  invoker: Invoker,
  upgrade: UpgradeRequest,
  connection: { id: string; connectedAt: Date },
): Promise<Admission> => {
  const verdict = await authorizeConnect(topology, invoker, upgrade, connection.id, connection.connectedAt);
  if (!verdict.allowed) return { admitted: false, status: verdict.status };
  const connectFn = topology.websocket.routes.find((route) => route.route === '$connect')?.fn;
  if (connectFn !== undefined) {
    const facts = { routeKey: '$connect', eventType: 'CONNECT' as const, connectionId: connection.id, connectedAt: connection.connectedAt, ...upgrade };
    const outcome = await invoker.invoke(connectFn, connectEvent(upgrade, { ...facts, authorizer: verdict.authorizer }));
    if (outcome.status !== 'ok') return { admitted: false, status: 500 };
    if (!connectAccepted(outcome.result)) return { admitted: false, status: 403 };
  }
  return { admitted: true, authorizer: verdict.authorizer };
};

/** Answers the upgrade request with a plain HTTP error and closes the socket. */
export const rejectUpgrade = (socket: Duplex, status: number): void => {
  const body = JSON.stringify({ message: REJECT_MESSAGES[status] ?? STATUS_CODES[status] });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
};
