import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { SearchEngine } from './engine.ts';
import { badRequest, SearchEngineError, toSearchEngineError, unsupported } from './errors.ts';
import { route } from './rest/router.ts';
import type { RestRequest, RestResponse } from './rest/types.ts';

/** OpenSearch's default `http.max_content_length`. */
export const MAX_BODY_BYTES = 100 * 1024 * 1024;
const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function tooLarge(): SearchEngineError {
  return new SearchEngineError(413, 'content_too_long_exception', `request body is larger than the ${MAX_BODY_BYTES} bytes allowed (http.max_content_length)`);
}

function hostnameOf(hostHeader: string): string {
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1);
  return hostHeader.split(':')[0]!;
}

/**
 * Loopback only, twice over: the socket must come from 127.0.0.1/::1, and the Host and Origin
 * headers must name loopback too, so a web page cannot reach the engine by DNS rebinding or a
 * cross-site request.
 */
function checkLoopback(req: IncomingMessage): void {
  const forbidden = (why: string): SearchEngineError => new SearchEngineError(403, 'security_exception', why);
  if (!LOOPBACK_ADDRESSES.has(req.socket.remoteAddress ?? '')) throw forbidden('only loopback clients may use the local search engine');
  if (req.headers.host !== undefined && !LOOPBACK_HOSTNAMES.has(hostnameOf(req.headers.host))) throw forbidden(`Host [${req.headers.host}] is not a loopback name`);
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    let host = '';
    try {
      host = new URL(origin).hostname;
    } catch {
      // An unparsable Origin is treated as foreign.
    }
    if (!LOOPBACK_HOSTNAMES.has(host)) throw forbidden(`Origin [${origin}] is not a loopback origin`);
  }
}

/** Reads the body up to MAX_BODY_BYTES; beyond that, stops buffering and reports 413. */
function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        over = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function decodeBody(req: IncomingMessage, raw: Buffer): Buffer {
  const encoding = req.headers['content-encoding'];
  if (encoding === undefined || encoding === 'identity') return raw;
  if (encoding !== 'gzip') throw unsupported(`Content-Encoding [${encoding}]`);
  try {
    return gunzipSync(raw, { maxOutputLength: MAX_BODY_BYTES });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw badRequest('parse_exception', 'request body is not valid gzip');
  }
}

function restRequest(req: IncomingMessage, url: URL, params: ReadonlyMap<string, string>, body: Buffer): RestRequest {
  let parsed: { value: unknown } | undefined;
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    params,
    query: url.searchParams,
    text: () => body.toString('utf8'),
    json: () => {
      if (parsed !== undefined) return parsed.value;
      const text = body.toString('utf8');
      try {
        parsed = { value: text.trim().length === 0 ? undefined : JSON.parse(text) };
      } catch (err) {
        throw badRequest('parse_exception', `Failed to parse request body: ${(err as Error).message}`);
      }
      return parsed.value;
    },
  };
}

function send(res: ServerResponse, method: string, response: RestResponse, pretty: boolean): void {
  const text = response.body === undefined ? '' : JSON.stringify(response.body, null, pretty ? 2 : undefined);
  res.writeHead(response.status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text) });
  res.end(method === 'HEAD' ? undefined : text);
}

async function handle(engine: SearchEngine, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const pretty = url.searchParams.has('pretty');
  url.searchParams.delete('pretty');
  try {
    checkLoopback(req);
    if (url.searchParams.has('filter_path')) throw unsupported('the [filter_path] parameter');
    const { handler, params } = route(method, url.pathname);
    const body = decodeBody(req, await readBody(req));
    const response = handler(engine, restRequest(req, url, params, body));
    engine.flush();
    send(res, method, response, pretty);
  } catch (err) {
    const e = toSearchEngineError(err);
    if (e.status === 413) res.setHeader('connection', 'close');
    // A write may have been applied before a later step failed: persist it all the same.
    try {
      engine.flush();
    } catch {
      // The error being reported matters more than a flush failure here.
    }
    send(res, method, { status: e.status, body: e.toBody() }, pretty);
    if (e.status === 413) req.resume();
  }
}

export function createEngineServer(engine: SearchEngine): Server {
  return createServer((req, res) => {
    void handle(engine, req, res);
  });
}
