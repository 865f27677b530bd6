/**
 * The knobs every fake shares, as a wrapper around the fake's own request listener, plus a
 * server helper for fakes that need nothing else. The control path belongs to the frame and is
 * never slowed, failed or taken down by the knobs it sets.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { closeServer, httpUrl, listen } from '../net.ts';
import { fakeKnobsSchema } from './fake-provider.ts';
import type { FakeKnobs, FakeStartOptions, RunningFake } from './fake-provider.ts';
import { seededRandom } from './seeded-random.ts';

export const KNOBS_PATH = '/__fake/knobs';
const MAX_KNOBS_BODY_BYTES = 4096;
/** What an outage answer tells a polite client to wait before retrying. */
const OUTAGE_RETRY_AFTER_SECONDS = 30;

/** How a fake answers an injected fault; each fake may mimic its provider's error shape. */
export interface FaultResponses {
  error(response: ServerResponse): void;
  outage(response: ServerResponse): void;
}

const sendJson = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};

export const DEFAULT_FAULTS: FaultResponses = {
  error: (response) => sendJson(response, 500, { error: { code: 'INTERNAL', message: 'injected server error' } }),
  outage: (response) => sendJson(response, 503, { error: { code: 'UNAVAILABLE', message: 'injected outage' } }, { 'retry-after': String(OUTAGE_RETRY_AFTER_SECONDS) }),
};

const readBody = async (request: IncomingMessage): Promise<string> => {
  let body = '';
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > MAX_KNOBS_BODY_BYTES) throw new Error(`knobs body over ${MAX_KNOBS_BODY_BYTES} bytes`);
  }
  return body;
};

/** Answers the knobs control path: GET reads them, POST changes some (validated); `apply` stores the change. */
export const serveKnobsControl = async (
  request: IncomingMessage,
  response: ServerResponse,
  current: () => Partial<FakeKnobs>,
  apply: (change: Partial<FakeKnobs>) => void,
): Promise<void> => {
  if (request.method === 'GET') return sendJson(response, 200, current());
  if (request.method !== 'POST') return sendJson(response, 405, { error: { code: 'METHOD_NOT_ALLOWED', message: 'GET or POST' } });
  try {
    const parsed = fakeKnobsSchema.partial().safeParse(JSON.parse(await readBody(request)));
    if (!parsed.success) return sendJson(response, 400, { error: { code: 'BAD_KNOBS', message: parsed.error.message } });
    apply(parsed.data);
    return sendJson(response, 200, current());
  } catch (error) {
    return sendJson(response, 400, { error: { code: 'BAD_KNOBS', message: (error as Error).message } });
  }
};

const controlKnobs = (request: IncomingMessage, response: ServerResponse, knobs: FakeKnobs): Promise<void> =>
  serveKnobsControl(request, response, () => knobs, (change) => Object.assign(knobs, change));

/** Wraps a fake's listener with the latency, error-rate and outage knobs and their control path. */
export const withKnobs = (
  listener: RequestListener,
  options: { knobs: FakeKnobs; seed: string; faults?: FaultResponses },
): { listener: RequestListener; knobs: FakeKnobs } => {
  const knobs: FakeKnobs = { ...options.knobs };
  const faults = options.faults ?? DEFAULT_FAULTS;
  const nextRandom = seededRandom(`${options.seed}:faults`);
  const knobbed: RequestListener = (request, response) => {
    if (new URL(request.url ?? '/', 'http://fake').pathname === KNOBS_PATH) {
      void controlKnobs(request, response, knobs);
      return;
    }
    void (async () => {
      if (knobs.latencyMs > 0) await sleep(knobs.latencyMs);
      if (knobs.outage) return faults.outage(response);
      if (knobs.errorRate > 0 && nextRandom() < knobs.errorRate) return faults.error(response);
      return listener(request, response);
    })();
  };
  return { listener: knobbed, knobs };
};

/** Starts a fake whose only job is its listener: knobs included, loopback only. */
export const startFakeServer = async (listener: RequestListener, options: FakeStartOptions & { faults?: FaultResponses }): Promise<RunningFake> => {
  const server = createServer(withKnobs(listener, options).listener);
  const port = await listen(server, options.port);
  return { url: httpUrl(port), close: () => closeServer(server) };
};
