/**
 * The WebSocket API emulator: $connect authorizer and route, route selection on the JSON
 * `action` field, $disconnect, the 128 KB message limit (close 1009, as API Gateway), and
 * the @connections management API on the same port.
 *
 * Route responses: API Gateway returns an integration's result to the client only when the
 * route has a route response. The topology does not declare those, so every route behaves
 * as if it had one: a handler returning `{ statusCode, body }` with a string body has that
 * body sent back; any other result sends nothing.
 */
import { STATUS_CODES, createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import type { Topology } from '../../topology.ts';
import type { Invoker } from '../invoke.ts';
import type { CloudLog } from '../log.ts';
import { LOOPBACK, closeServer, httpUrl, listen } from '../net.ts';
import { waitAtMost } from '../timing.ts';
import { gatewayId, isRecord } from './common.ts';
import { WS_MAX_MESSAGE_BYTES, createConnectionRegistry } from './connections.ts';
import type { Connection } from './connections.ts';
import { authorizeConnect } from './ws-authorizer.ts';
import { WS_STAGE, connectEvent, disconnectEvent, messageEvent, parseUpgrade } from './ws-events.ts';

/** How long stop() lets $disconnect handlers of closing sockets run. */
const STOP_DRAIN_MS = 5_000;
const REJECT_MESSAGES: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 500: 'Internal server error' };

export interface WebSocketGateway {
  endpoint: string;
  managementEndpoint: string;
  stop(): Promise<void>;
}

const rejectUpgrade = (socket: Duplex, status: number): void => {
  const body = JSON.stringify({ message: REJECT_MESSAGES[status] ?? STATUS_CODES[status] });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
};

const toBuffer = (data: RawData): Buffer => (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer));

const connectAccepted = (result: unknown): boolean => {
  if (!isRecord(result) || result.statusCode === undefined) return true;
  const status = Number(result.statusCode);
  return status >= 200 && status < 300;
};

export const startWebSocketGateway = async (opts: { topology: Topology; invoker: Invoker; port: number; log: CloudLog }): Promise<WebSocketGateway> => {
  const { topology, invoker, log } = opts;
  const routes = new Map(topology.websocket.routes.map((route) => [route.route, route.fn]));
  const registry = createConnectionRegistry((error) => log.error('@connections failure', error));
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_MESSAGE_BYTES });
  const pending = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>): void => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

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

  const onMessage = async (connection: Connection, data: Buffer, isBinary: boolean): Promise<void> => {
    connection.lastActiveAt = new Date();
    const routeKey = selectRoute(data, isBinary);
    const fn = routeKey === undefined ? undefined : routes.get(routeKey);
    if (routeKey === undefined || fn === undefined) {
      connection.socket.send(JSON.stringify({ message: 'Forbidden', connectionId: connection.id, requestId: gatewayId() }));
      return;
    }
    const outcome = await invoker.invoke(fn, messageEvent(connection, routeKey, data, isBinary));
    if (outcome.status !== 'ok') {
      connection.socket.send(JSON.stringify({ message: 'Internal server error', connectionId: connection.id, requestId: gatewayId() }));
      return;
    }
    if (isRecord(outcome.result) && typeof outcome.result.body === 'string') connection.socket.send(outcome.result.body);
  };

  const onOpen = (connection: Connection): void => {
    registry.add(connection);
    const { socket } = connection;
    socket.on('message', (data, isBinary) => track(onMessage(connection, toBuffer(data), isBinary)));
    // ws closes with 1009 itself when a message exceeds maxPayload; the error needs a listener.
    socket.on('error', (error) => log.info(`WebSocket ${connection.id}: ${error.message}`));
    socket.on('close', (code, reason) => {
      registry.remove(connection.id);
      const fn = routes.get('$disconnect');
      if (fn !== undefined) track(invoker.invoke(fn, disconnectEvent(connection, code, reason.toString())));
    });
  };

  const onUpgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    const upgrade = parseUpgrade(req);
    const id = gatewayId();
    const connectedAt = new Date();
    const verdict = await authorizeConnect(topology, invoker, upgrade, id, connectedAt);
    if (!verdict.allowed) return rejectUpgrade(socket, verdict.status);
    const facts = { routeKey: '$connect', eventType: 'CONNECT' as const, connectionId: id, connectedAt, ...upgrade, authorizer: verdict.authorizer };
    const connectFn = routes.get('$connect');
    if (connectFn !== undefined) {
      const outcome = await invoker.invoke(connectFn, connectEvent(upgrade, facts));
      if (outcome.status !== 'ok') return rejectUpgrade(socket, 500);
      if (!connectAccepted(outcome.result)) return rejectUpgrade(socket, 403);
    }
    if (socket.destroyed) return;
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) =>
      onOpen({ id, socket: ws, connectedAt, lastActiveAt: connectedAt, sourceIp: upgrade.sourceIp, userAgent: upgrade.userAgent, authorizer: verdict.authorizer, headers: upgrade.headers }),
    );
  };

  const server = createServer((req, res) => {
    if (registry.handleManagement(req, res)) return;
    res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Forbidden' }));
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    onUpgrade(req, socket, head).catch((error: unknown) => {
      log.error('WebSocket upgrade failure', error);
      rejectUpgrade(socket, 500);
    });
  });
  const port = await listen(server, opts.port);
  const endpoint = `ws://${LOOPBACK}:${port}`;
  log.info(`WebSocket API on ${endpoint} (@connections on ${httpUrl(port)}/${WS_STAGE})`);
  return {
    endpoint,
    managementEndpoint: `${httpUrl(port)}/${WS_STAGE}`,
    stop: async () => {
      const open = registry.all();
      const closed = Promise.all(open.map((connection) => new Promise((resolve) => connection.socket.once('close', resolve))));
      for (const connection of open) connection.socket.close(1001, 'Going away');
      await waitAtMost(closed, STOP_DRAIN_MS);
      for (const connection of registry.all()) connection.socket.terminate();
      // Let the $disconnect handlers finish while their tables are still up.
      await waitAtMost(Promise.allSettled([...pending]), STOP_DRAIN_MS);
      wss.close();
      await closeServer(server);
    },
  };
};
