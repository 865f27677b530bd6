/**
 * The fake web over real HTTP: one loopback server answering for every fake site by the
 * request's Host header. Clients connect to 127.0.0.1:<port> while the URL names
 * `northwind-analytics.test` (the stack maps `*.test` here, like curl's --connect-to).
 *
 * Knobs shared with the other fakes: `latencyMs` before every answer, `errorRate` (share of
 * requests answered 503, drawn from a seeded stream so a run is repeatable), `outage` (every
 * request 503). Its own: `slowSiteDelayMs`, how long the slow site waits before answering.
 */
import { KNOBS_PATH, serveKnobsControl } from '../fake-server.ts';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_SEED, generateFakeWeb } from './fake-web.generator.ts';
import type { FakePage, FakeWeb, FakeWebOptions } from './fake-web.generator.ts';
import { createRng } from './prng.ts';
import type { FakeResponse } from './site-responses.ts';
import type { SiteTruth } from './site-truth.ts';

export interface FakeWebKnobs {
  /** Added before every answer, in ms. Default 0. */
  readonly latencyMs?: number;
  /** Share of requests (0..1) answered 503 Service Unavailable. Default 0. */
  readonly errorRate?: number;
  /** Every request answered 503 while true. Default false. */
  readonly outage?: boolean;
  /** How long the slow site waits before its headers, in ms. Default DEFAULT_SLOW_SITE_DELAY_MS. */
  readonly slowSiteDelayMs?: number;
}

export interface StartFakeWebOptions extends FakeWebOptions {
  /** Interface to bind; loopback only. Default 127.0.0.1. */
  readonly host?: string;
  /** 0 picks a free port. Default 0. */
  readonly port?: number;
  readonly knobs?: FakeWebKnobs;
}

export interface FakeWebServer {
  /** `http://127.0.0.1:<port>`: where to connect whatever the URL's host says. */
  readonly url: string;
  readonly port: number;
  readonly sites: readonly SiteTruth[];
  readonly web: FakeWeb;
  groundTruth(domain: string): SiteTruth | undefined;
  listSitePages(domain: string): FakePage[];
  /** Requests received and not yet answered (tests wait on it instead of on the clock). */
  inFlight(): number;
  /** Changes knobs while running (tests flip an outage on and off). */
  setKnobs(knobs: FakeWebKnobs): void;
  close(): Promise<void>;
}

/** Long enough to trip a crawler's whole-response timeout of a few seconds. */
export const DEFAULT_SLOW_SITE_DELAY_MS = 15_000;
/** Chunk size of the huge page: small enough that the server never holds much of it. */
const HUGE_PAGE_CHUNK_BYTES = 64 * 1024;
const OUTAGE_RETRY_AFTER_SECONDS = 30;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) { resolve(); return; }
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });

function hugeChunk(index: number): string {
  const row = `<p class="row-${index}">Archive entry ${index}: quarterly update, product notes and press coverage, kept for reference.</p>\n`;
  return row.repeat(Math.ceil(HUGE_PAGE_CHUNK_BYTES / row.length)).slice(0, HUGE_PAGE_CHUNK_BYTES);
}

const drainedOrClosed = (res: ServerResponse): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });

/** Streams the huge page chunk by chunk, waiting for the socket to drain: memory stays flat. */
async function streamHugePage(res: ServerResponse, totalBytes: number, signal: AbortSignal): Promise<void> {
  const head = '<!DOCTYPE html>\n<html><head><title>Press archive</title></head><body>\n';
  const tail = '</body></html>\n';
  let remaining = totalBytes - head.length - tail.length;
  res.write(head);
  for (let i = 0; remaining > 0 && !signal.aborted; i++) {
    const chunk = hugeChunk(i).slice(0, remaining);
    remaining -= chunk.length;
    if (!res.write(chunk)) await drainedOrClosed(res);
  }
  res.end(signal.aborted ? undefined : tail);
}

function unavailable(res: ServerResponse, retryAfter?: number): void {
  res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', ...(retryAfter ? { 'retry-after': String(retryAfter) } : {}) });
  res.end('<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>\n');
}

async function answer(req: IncomingMessage, res: ServerResponse, response: FakeResponse, signal: AbortSignal): Promise<void> {
  if (response.kind === 'huge') {
    res.writeHead(response.status, { ...response.headers });
    if (req.method === 'HEAD') { res.end(); return; }
    await streamHugePage(res, response.totalBytes, signal);
    return;
  }
  res.writeHead(response.status, { ...response.headers, 'content-length': String(response.body.length) });
  res.end(req.method === 'HEAD' ? undefined : response.body);
}

/** Starts the fake web on loopback. */
export async function startFakeWeb(options: StartFakeWebOptions = {}): Promise<FakeWebServer> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) throw new Error('the fake web binds loopback only');
  const web = generateFakeWeb(options);
  let knobs: FakeWebKnobs = { ...options.knobs };
  const faults = createRng(options.seed ?? DEFAULT_SEED, 'faults');

  let inFlight = 0;
  const server = createServer((req, res) => {
    // The frame's control path, on any Host: tests and developers switch faults at runtime.
    if (new URL(req.url ?? '/', 'http://fake').pathname === KNOBS_PATH) {
      void serveKnobsControl(req, res, () => knobs, (change) => { knobs = { ...knobs, ...change }; });
      return;
    }
    const aborter = new AbortController();
    inFlight++;
    res.on('close', () => {
      inFlight--;
      aborter.abort();
    });
    void (async () => {
      await sleep(knobs.latencyMs ?? 0, aborter.signal);
      if (knobs.outage) { unavailable(res, OUTAGE_RETRY_AFTER_SECONDS); return; }
      if ((knobs.errorRate ?? 0) > 0 && faults.next() < (knobs.errorRate ?? 0)) { unavailable(res); return; }
      // An unreachable host takes the connection and drops it, as a dead server behind a live IP does.
      if (web.unreachable(req.headers.host ?? '')) { req.socket.destroy(); return; }
      const response = web.resolve(req.headers.host ?? '', req.url ?? '/');
      if (response.kind === 'body' && response.slow) await sleep(knobs.slowSiteDelayMs ?? DEFAULT_SLOW_SITE_DELAY_MS, aborter.signal);
      if (aborter.signal.aborted) return;
      await answer(req, res, response, aborter.signal);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`fake web failure: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => { server.off('error', reject); resolve(); });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    sites: web.sites,
    web,
    groundTruth: web.groundTruth,
    listSitePages: web.listSitePages,
    inFlight: () => inFlight,
    setKnobs: (next) => { knobs = { ...knobs, ...next }; },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Keep-alive sockets and a half-streamed huge page would hold close() open.
      server.closeAllConnections();
    }),
  };
}
