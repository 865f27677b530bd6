/**
 * Open WebSocket connections and the @connections management API that handlers call
 * through `@aws-sdk/client-apigatewaymanagementapi` (POST data, GET info, DELETE).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebSocket } from 'ws';

/** API Gateway WebSocket message payload quota, for both directions. */
export const WS_MAX_MESSAGE_BYTES = 128 * 1024;

export interface Connection {
  id: string;
  socket: WebSocket;
  connectedAt: Date;
  lastActiveAt: Date;
  sourceIp: string;
  userAgent: string;
  /** What the $connect authorizer returned; every later event carries it. */
  authorizer: Record<string, unknown>;
  /** The $connect request's headers; $disconnect events carry them too. */
  headers: Record<string, string>;
}

export interface ConnectionRegistry {
  add(connection: Connection): void;
  get(id: string): Connection | undefined;
  remove(id: string): void;
  all(): Connection[];
  /** Serves `/@connections/{id}` (optionally after a stage segment); false when the path is not one. */
  handleManagement(req: IncomingMessage, res: ServerResponse): boolean;
}

const MANAGEMENT_PATH = /^(?:\/[^/@]+)?\/@connections\/([^/?]+)\/?(?:\?.*)?$/;

/** restJson errors: the SDK reads the type from this header and maps it to its exception class. */
const sendError = (res: ServerResponse, status: number, type: string, message: string): void => {
  res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': type });
  res.end(JSON.stringify({ message }));
};

const readLimited = async (req: IncomingMessage, limit: number): Promise<Buffer | undefined> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? undefined : Buffer.concat(chunks);
};

const utf8 = new TextDecoder('utf-8', { fatal: true });
const isUtf8 = (data: Buffer): boolean => {
  try {
    utf8.decode(data);
    return true;
  } catch {
    return false;
  }
};

const postToConnection = async (req: IncomingMessage, res: ServerResponse, connection: Connection): Promise<void> => {
  const data = await readLimited(req, WS_MAX_MESSAGE_BYTES);
  if (data === undefined) {
    sendError(res, 413, 'PayloadTooLargeException', `Message too long; the limit is ${WS_MAX_MESSAGE_BYTES} bytes`);
    return;
  }
  // Clients of an API Gateway WebSocket receive posted data as text frames.
  connection.socket.send(isUtf8(data) ? data.toString('utf8') : data, { binary: !isUtf8(data) });
  connection.lastActiveAt = new Date();
  res.writeHead(200).end();
};

const getConnection = (res: ServerResponse, connection: Connection): void => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      connectedAt: connection.connectedAt.toISOString(),
      identity: { sourceIp: connection.sourceIp, userAgent: connection.userAgent },
      lastActiveAt: connection.lastActiveAt.toISOString(),
    }),
  );
};

export const createConnectionRegistry = (onError: (error: unknown) => void): ConnectionRegistry => {
  const connections = new Map<string, Connection>();

  const serve = async (req: IncomingMessage, res: ServerResponse, id: string): Promise<void> => {
    const connection = connections.get(id);
    if (connection === undefined) {
      // Drain the body so the client reads the status instead of a reset.
      await readLimited(req, 0);
      sendError(res, 410, 'GoneException', `The connection ${id} is gone`);
      return;
    }
    if (req.method === 'POST') return postToConnection(req, res, connection);
    if (req.method === 'GET') return getConnection(res, connection);
    if (req.method === 'DELETE') {
      // API Gateway closes the socket and then runs $disconnect, as for a client close.
      connections.delete(id);
      connection.socket.close(1000, 'Connection deleted');
      res.writeHead(204).end();
      return;
    }
    sendError(res, 403, 'ForbiddenException', 'Forbidden');
  };

  return {
    add: (connection) => connections.set(connection.id, connection),
    get: (id) => connections.get(id),
    remove: (id) => connections.delete(id),
    all: () => [...connections.values()],
    handleManagement: (req, res) => {
      const match = MANAGEMENT_PATH.exec(req.url ?? '');
      if (match === null) return false;
      const id = decodeURIComponent(match[1] ?? '');
      serve(req, res, id).catch((error: unknown) => {
        onError(error);
        if (!res.headersSent) sendError(res, 500, 'InternalServerErrorException', 'Internal server error');
      });
      return true;
    },
  };
};
