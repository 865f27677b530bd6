/**
 * Incoming WebSocket messages: route selection on the JSON `action` field (else $default),
 * and the answers API Gateway itself sends back.
 *
 * Route responses: API Gateway returns an integration's result to the client only when the
 * route has a route response. The topology does not declare those, so every route behaves
 * as if it had one: a handler returning `{ statusCode, body }` with a string body has that
 * body sent back; any other result sends nothing.
 */
import type { Topology } from '../../topology.ts';
import type { Invoker } from '../invoke.ts';
import { gatewayId, isRecord } from './common.ts';
import type { Connection } from './connections.ts';
import { messageEvent } from './ws-events.ts';

export type MessageHandler = (connection: Connection, data: Buffer, isBinary: boolean) => Promise<void>;

export const createMessageHandler = (topology: Topology, invoker: Invoker): MessageHandler => {
  const routes = new Map(topology.websocket.routes.map((route) => [route.route, route.fn]));

  const selectRoute = (data: Buffer, isBinary: boolean): string | undefined => {
    if (!isBinary) {
      try {
        const message: unknown = JSON.parse(data.toString('utf8'));
        const action = isRecord(message) ? message[topology.websocket.routeSelectionKey] : undefined;
        if (typeof action === 'string' && !action.startsWith('$') && routes.has(action)) return action;
      } catch {
        // Not JSON: API Gateway falls back to $default.
      }
    }
    return routes.has('$default') ? '$default' : undefined;
  };

  const gatewayAnswer = (connection: Connection, message: string): void =>
    connection.socket.send(JSON.stringify({ message, connectionId: connection.id, requestId: gatewayId() }));

  return async (connection, data, isBinary) => {
    connection.lastActiveAt = new Date();
    const routeKey = selectRoute(data, isBinary);
    const fn = routeKey === undefined ? undefined : routes.get(routeKey);
    if (routeKey === undefined || fn === undefined) return gatewayAnswer(connection, 'Forbidden');
    const outcome = await invoker.invoke(fn, messageEvent(connection, routeKey, data, isBinary));
    if (outcome.status !== 'ok') return gatewayAnswer(connection, 'Internal server error');
    if (isRecord(outcome.result) && typeof outcome.result.body === 'string') connection.socket.send(outcome.result.body);
  };
};
