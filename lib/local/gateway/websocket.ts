/**
 * The WebSocket API emulator: admission ($connect authorizer and route), messages routed on
 * `action`, $disconnect, the 128 KB message limit (close 1009, as API Gateway), and the
 * @connections management API on the same port.
 */
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import type { Topology } from '../../topology.ts';
import type { Invoker } from '../invoke.ts';
import type { CloudLog } from '../log.ts';
import { LOOPBACK, closeServer, httpUrl, listen } from '../net.ts';
import { waitAtMost } from '../timing.ts';
import { gatewayId } from './common.ts';
import { WS_MAX_MESSAGE_BYTES, createConnectionRegistry } from './connections.ts';
import type { Connection, ConnectionRegistry } from './connections.ts';
import { admitConnection, rejectUpgrade } from './ws-connect.ts';
import { disconnectEvent, parseUpgrade, WS_STAGE } from './ws-events.ts';
import { createMessageHandler } from './ws-messages.ts';

/** How long stop() lets closing sockets and their $disconnect handlers finish. */
const STOP_DRAIN_MS = 5_000;

export interface WebSocketGateway {
  endpoint: string;
  managementEndpoint: string;
  stop(): Promise<void>;
}

const toBuffer = (data: RawData): Buffer => (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer));

/** Closes every socket (their $disconnect runs while the tables are still up), then the server. */
const drain = async (registry: ConnectionRegistry, pending: Set<Promise<unknown>>): Promise<void> => {
  const open = registry.all();
  const closed = Promise.all(open.map((connection) => new Promise((resolve) => connection.socket.once('close', resolve))));
  for (const connection of open) connection.socket.close(1001, 'Going away');
  await waitAtMost(closed, STOP_DRAIN_MS);
  for (const connection of registry.all()) connection.socket.terminate();
  await waitAtMost(Promise.allSettled([...pending]), STOP_DRAIN_MS);
};

export const startWebSocketGateway = async (opts: { topology: Topology; invoker: Invoker; port: number; log: CloudLog }): Promise<WebSocketGateway> => {
  const { topology, invoker, log } = opts;
  const disconnectFn = topology.websocket.routes.find((route) => route.route === '$disconnect')?.fn;
  const registry = createConnectionRegistry((error) => log.error('@connections failure', error));
  const onMessage = createMessageHandler(topology, invoker);
  // ws enforces the limit itself: a bigger message closes the socket with 1009.
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_MESSAGE_BYTES });
  const pending = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>): void => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

  const onOpen = (connection: Connection): void => {
    registry.add(connection);
    const { socket } = connection;
    socket.on('message', (data, isBinary) => track(onMessage(connection, toBuffer(data), isBinary)));
    socket.on('error', (error) => log.info(`WebSocket ${connection.id}: ${error.message}`));
    socket.on('close', (code, reason) => {
      registry.remove(connection.id);
      if (disconnectFn !== undefined) track(invoker.invoke(disconnectFn, disconnectEvent(connection, code, reason.toString())));
    });
  };

  const onUpgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    const upgrade = parseUpgrade(req);
    const identity = { id: gatewayId(), connectedAt: new Date() };
    const admission = await admitConnection(topology, invoker, upgrade, identity);
    if (!admission.admitted) return rejectUpgrade(socket, admission.status);
    if (socket.destroyed) return;
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) =>
      onOpen({ ...identity, socket: ws, lastActiveAt: identity.connectedAt, sourceIp: upgrade.sourceIp, userAgent: upgrade.userAgent, authorizer: admission.authorizer, headers: upgrade.headers }),
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
      await drain(registry, pending);
      wss.close();
      await closeServer(server);
    },
  };
};
