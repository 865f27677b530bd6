/**
 * The HTTP API emulator: route selection, the Lambda authorizer, payload 2.0 events, the
 * 10 MB request limit and the 30 s integration timeout, on a loopback node:http server.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { DEFAULT_CORS_ORIGINS, httpCorsRules, type Topology } from '../../topology.ts';
import type { Invoker } from '../invoke.ts';
import type { CloudLog } from '../log.ts';
import { closeServer, httpUrl, listen } from '../net.ts';
import { authorizeHttpRequest } from './http-authorizer.ts';
import { isPreflight, preflightResponse, withCors } from './http-cors.ts';
import { buildHttpEvent, parseRequest } from './http-event.ts';
import { gatewayError, mapHandlerResult, send } from './http-response.ts';
import type { GatewayResponse } from './http-response.ts';
import { compileRoutes } from './http-routes.ts';

/** API Gateway HTTP API payload quota. */
export const HTTP_MAX_REQUEST_BYTES = 10 * 1024 * 1024;
/** API Gateway HTTP API's maximum integration timeout. */
export const HTTP_INTEGRATION_TIMEOUT_MS = 30_000;

export interface HttpGateway {
  endpoint: string;
  stop(): Promise<void>;
}

class BodyTooLarge extends Error {}

/**
 * An oversized body is still read to its end (and dropped): answering 413 mid-upload makes
 * most clients report a reset connection instead of the status.
 */
const readBody = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= HTTP_MAX_REQUEST_BYTES) chunks.push(chunk);
  }
  if (size > HTTP_MAX_REQUEST_BYTES) throw new BodyTooLarge();
  return Buffer.concat(chunks);
};

export interface HttpGatewayOptions {
  topology: Topology;
  invoker: Invoker;
  port: number;
  log: CloudLog;
  /** Browser origins the API answers; default DEFAULT_CORS_ORIGINS, as the CDK app. */
  corsOrigins?: readonly string[];
}

export const startHttpGateway = async (opts: HttpGatewayOptions): Promise<HttpGateway> => {
  const { topology, invoker } = opts;
  const match = compileRoutes(topology.http.routes);
  const cors = httpCorsRules(topology.http, opts.corsOrigins ?? DEFAULT_CORS_ORIGINS);

  const answer = async (req: IncomingMessage, body: Buffer): Promise<{ response: GatewayResponse; requestId: string }> => {
    const request = parseRequest(req, body);
    const respond = (response: GatewayResponse): { response: GatewayResponse; requestId: string } => ({
      response: withCors(cors, request, response),
      requestId: request.requestId,
    });
    if (isPreflight(request)) return { response: preflightResponse(cors, request), requestId: request.requestId };
    const route = match(request.method, request.rawPath);
    if (route === undefined) return respond(gatewayError('notFound'));
    let authorizerContext: Record<string, unknown> | undefined;
    if (route.route.authorized) {
      const verdict = await authorizeHttpRequest(topology, invoker, request, route);
      if (!verdict.allowed) return respond(gatewayError(verdict.refusal));
      authorizerContext = verdict.context;
    }
    const outcome = await invoker.invoke(route.route.fn, buildHttpEvent(request, route, authorizerContext), {
      timeoutMs: HTTP_INTEGRATION_TIMEOUT_MS,
    });
    if (outcome.status === 'ok') return respond(mapHandlerResult(outcome.result));
    // A Lambda timeout is a function error (500); only API Gateway's own limit gives 503.
    if (outcome.status === 'timeout' && outcome.limitedBy === 'caller') return respond(gatewayError('unavailable'));
    return respond(gatewayError('internal'));
  };

  const server: Server = createServer((req, res) => {
    readBody(req)
      .then((body) => answer(req, body))
      .then(({ response, requestId }) => send(res, response, requestId))
      .catch((error: unknown) => {
        if (error instanceof BodyTooLarge) {
          send(res, gatewayError('tooLarge'), '');
          return;
        }
        opts.log.error('HTTP gateway failure', error);
        if (!res.headersSent) send(res, gatewayError('internal'), '');
      });
  });
  const endpoint = httpUrl(await listen(server, opts.port));
  opts.log.info(`HTTP API on ${endpoint} (${topology.http.routes.length} routes)`);
  return { endpoint, stop: () => closeServer(server) };
};
