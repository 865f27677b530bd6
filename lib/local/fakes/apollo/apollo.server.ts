/**
 * A fake Apollo.io on one loopback server, built from Apollo's public API reference and what is
 * publicly known of its web app:
 * - the API (`x-api-key`): Organization Search, People Search (and People API Search), People
 *   Enrichment, under `/api/v1/` (and the older `/v1/`);
 * - the web app at `/` whose script calls the same search paths without a key, with the session
 *   cookie and the CSRF token;
 * - Apollo's faults: fixed-window rate limits with 429 + `retry-after`, 401/403, 422 "Value too
 *   long", repeated rows across pages, expiring sessions; plus the frame's latency, error rate
 *   and outage.
 * Test helpers: `POST /__fake/apollo/sessions` (a logged-in session as a cookie export) and the
 * knobs at `/__fake/knobs`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { closeServer, httpUrl, listen } from '../../net.ts';
import type { FakeStartOptions, RunningFake } from '../fake-provider.ts';
import { KNOBS_PATH } from '../fake-server.ts';
import { seededRandom } from '../seeded-random.ts';
import { apolloDataset, APOLLO_ORGANIZATION_COUNT, type ApolloDataset } from './apollo-dataset.ts';
import { apolloAppPage } from './apollo-app.page.ts';
import { APOLLO_ERRORS, BodyTooLargeError, readJsonObject, sendJson, sendText } from './apollo-http.ts';
import { apolloKnobs, apolloKnobsSchema, type ApolloKnobs } from './apollo-knobs.ts';
import { createRateLimiter, type RateLimiter } from './apollo-rate-limits.ts';
import { answerEndpoint, ENDPOINTS, type Endpoint } from './apollo-endpoints.ts';
import { CSRF_HEADER, createSessionStore, hasSessionCookie, type SessionStore } from './apollo-sessions.ts';

/** The key the fake accepts for every endpoint. */
export const FAKE_APOLLO_API_KEY = 'fake-apollo-api-key-0123456789';
/** A key the fake knows but whose scope covers no endpoint: every call answers 403. */
export const FAKE_APOLLO_UNSCOPED_API_KEY = 'fake-apollo-api-key-unscoped';
export const APOLLO_SESSIONS_PATH = '/__fake/apollo/sessions';
const OUTAGE_RETRY_AFTER_SECONDS = 30;

export interface StartFakeApolloOptions extends FakeStartOptions {
  /** Apollo's own knobs from the start (also settable at runtime through `/__fake/knobs`). */
  readonly apolloKnobs?: Partial<ApolloKnobs>;
  /** Fewer organisations for quick tests; the ground truth must be asked with the same count. */
  readonly organizationCount?: number;
}

export interface RunningFakeApollo extends RunningFake {
  readonly knobs: ApolloKnobs;
  /** The dataset, generated on first use. */
  dataset(): ApolloDataset;
}

interface State {
  readonly knobs: ApolloKnobs;
  readonly dataset: () => ApolloDataset;
  readonly limiter: RateLimiter;
  readonly sessions: SessionStore;
  readonly nextFault: () => number;
  readonly host: () => string;
}

type Channel = 'api' | 'app';

const endpointOf = (pathname: string): Endpoint | undefined => {
  const bare = pathname.replace(/^\/api\/v1\//, '').replace(/^\/v1\//, '').replace(/\/$/, '');
  return (ENDPOINTS as readonly string[]).includes(bare) ? (bare as Endpoint) : undefined;
};

/** Who is calling: the API with a key, or the web app with its session; undefined once answered. */
const authenticate = (state: State, request: IncomingMessage, response: ServerResponse, endpoint: Endpoint): Channel | undefined => {
  const key = request.headers['x-api-key'];
  if (typeof key === 'string') {
    if (key === FAKE_APOLLO_API_KEY) return 'api';
    if (key === FAKE_APOLLO_UNSCOPED_API_KEY) sendJson(response, 403, APOLLO_ERRORS.inaccessible(endpoint));
    else sendText(response, 401, APOLLO_ERRORS.invalidKey);
    return undefined;
  }
  if (endpoint === 'people/match' || !hasSessionCookie(request.headers.cookie)) {
    sendText(response, 401, APOLLO_ERRORS.invalidKey);
    return undefined;
  }
  const csrf = request.headers[CSRF_HEADER];
  const check = state.sessions.check(request.headers.cookie, typeof csrf === 'string' ? csrf : undefined, state.knobs.sessionTtlSeconds, Date.now());
  if (check === 'ok') return 'app';
  if (check === 'bad-csrf') sendJson(response, 403, APOLLO_ERRORS.badCsrf);
  else sendJson(response, 401, APOLLO_ERRORS.signedOut);
  return undefined;
};

const rateHeaders = (state: State, response: ServerResponse, key: string, endpoint: Endpoint): Record<string, string> | undefined => {
  const { ratePerMinute, ratePerHour, ratePerDay } = state.knobs;
  const decision = state.limiter.take(key, { perMinute: ratePerMinute, perHour: ratePerHour, perDay: ratePerDay }, Date.now());
  if (decision.allowed) return decision.headers;
  sendJson(response, 429, APOLLO_ERRORS.tooMany(endpoint, decision.limit, decision.window), { 'retry-after': String(decision.retryAfterSeconds) });
  return undefined;
};

async function serveEndpoint(state: State, request: IncomingMessage, response: ServerResponse, endpoint: Endpoint, query: URLSearchParams): Promise<void> {
  if (request.method !== 'POST') return sendJson(response, 404, { error: 'Not found' });
  const channel = authenticate(state, request, response, endpoint);
  if (!channel) return;
  const headers = rateHeaders(state, response, `${channel}:${endpoint}`, endpoint);
  if (!headers) return;
  if (state.knobs.errorRate > 0 && state.nextFault() < state.knobs.errorRate) return sendJson(response, 500, APOLLO_ERRORS.serverError);
  const body = await readJsonObject(request);
  if (!body) return sendJson(response, 422, APOLLO_ERRORS.invalidParameters, headers);
  const answer = answerEndpoint({ endpoint, channel, query, body, dataset: state.dataset(), knobs: state.knobs });
  return sendJson(response, answer.status, answer.body, headers);
}

async function createSession(state: State, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'POST') return sendJson(response, 405, { error: 'POST creates a session' });
  const body = await readJsonObject(request);
  const ttl = body?.ttlSeconds;
  const ttlSeconds = typeof ttl === 'number' && Number.isInteger(ttl) && ttl >= 0 ? ttl : state.knobs.sessionTtlSeconds;
  return sendJson(response, 201, state.sessions.create(state.host(), ttlSeconds, Date.now()));
}

async function controlKnobs(state: State, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method === 'GET') return sendJson(response, 200, state.knobs);
  if (request.method !== 'POST') return sendJson(response, 405, { error: { code: 'METHOD_NOT_ALLOWED', message: 'GET or POST' } });
  const parsed = apolloKnobsSchema.partial().safeParse(await readJsonObject(request));
  if (!parsed.success) return sendJson(response, 400, { error: { code: 'BAD_KNOBS', message: parsed.error.message } });
  Object.assign(state.knobs, parsed.data);
  if (parsed.data.ratePerMinute !== undefined || parsed.data.ratePerHour !== undefined || parsed.data.ratePerDay !== undefined) state.limiter.reset();
  return sendJson(response, 200, state.knobs);
}

async function route(state: State, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://fake');
  if (url.pathname === KNOBS_PATH) return controlKnobs(state, request, response);
  if (url.pathname === APOLLO_SESSIONS_PATH) return createSession(state, request, response);
  if (url.pathname === '/' && request.method === 'GET') return sendText(response, 200, apolloAppPage(), 'text/html; charset=utf-8');
  const endpoint = endpointOf(url.pathname);
  if (!endpoint) return sendJson(response, 404, { error: 'Not found' });
  if (state.knobs.latencyMs > 0) await sleep(state.knobs.latencyMs);
  if (state.knobs.outage) return sendJson(response, 503, APOLLO_ERRORS.unavailable, { 'retry-after': String(OUTAGE_RETRY_AFTER_SECONDS) });
  return serveEndpoint(state, request, response, endpoint, url.searchParams);
}

/** Knobs given at start: the frame's, any Apollo ones passed along with them, then the explicit ones. */
const startKnobs = (options: StartFakeApolloOptions): ApolloKnobs => {
  const extra = apolloKnobsSchema.partial().strip().safeParse(options.knobs);
  return apolloKnobs(options.knobs, { ...(extra.success ? extra.data : {}), ...options.apolloKnobs });
};

export async function startFakeApollo(options: StartFakeApolloOptions): Promise<RunningFakeApollo> {
  let dataset: ApolloDataset | undefined;
  let baseUrl = '';
  const state: State = {
    knobs: startKnobs(options),
    dataset: () => (dataset ??= apolloDataset(options.seed, options.organizationCount ?? APOLLO_ORGANIZATION_COUNT)),
    limiter: createRateLimiter(),
    sessions: createSessionStore(),
    nextFault: seededRandom(`${options.seed}:faults`),
    host: () => new URL(baseUrl).hostname,
  };
  const server = createServer((request, response) => {
    route(state, request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.end();
      if (error instanceof BodyTooLargeError) return sendJson(response, 413, { error: error.message });
      return sendJson(response, 500, APOLLO_ERRORS.serverError);
    });
  });
  baseUrl = httpUrl(await listen(server, options.port));
  return { url: baseUrl, knobs: state.knobs, dataset: state.dataset, close: () => closeServer(server) };
}
