/**
 * A fake RocketReach API v2 on a loopback port, built from RocketReach's public API reference:
 * `https://api.rocketreach.co/api/v2/...` becomes `<fake url>/api/v2/...`. The `Api-Key` header
 * authenticates (the deprecated `api_key` query parameter too); a missing or wrong key gets 401;
 * every call counts against the account's rate limits (429 with `Retry-After` beyond them).
 *
 * Test controls under `/__fake/` (no key): `settings` (GET, POST any subset: credits, limits per
 * family, repeat charging, bulk delay), `usage` (credits used and remaining, 429s answered),
 * `webhooks` (GET the registered ones and their deliveries; POST `{url, secret?}` registers one).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, httpUrl, listen } from '../../net.ts';
import type { FakeStartOptions, RunningFake } from '../fake-provider.ts';
import { withKnobs, type FaultResponses } from '../fake-server.ts';
import {
  DEFAULT_ROCKETREACH_SETTINGS, FAKE_ROCKETREACH_WEBHOOK_SECRET, RocketReachAccount, rocketReachSettingsChangeSchema, type RocketReachSettingsChange,
} from './rocketreach-account.ts';
import { rocketReachDataset } from './rocketreach-data.ts';
import { LookupTracker } from './rocketreach-lookups.ts';
import { findRoute, pathExists } from './rocketreach-routes.ts';
import { rrError, type Answer, type RocketReachState } from './rocketreach-state.ts';
import { ROCKETREACH_WEBHOOK_PATH, WebhookRegistry } from './rocketreach-webhooks.ts';

export const API_PREFIX = '/api/v2';
const MAX_BODY_BYTES = 256 * 1024;
const OUTAGE_RETRY_AFTER_SECONDS = 30;

const send = (response: ServerResponse, answer: Answer): void => {
  response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(JSON.stringify(answer.body));
};

const FAULTS: FaultResponses = {
  error: (response) => send(response, rrError(500, 'Internal Server Error. Try again later.')),
  outage: (response) => send(response, rrError(503, 'Service temporarily unavailable.', { 'retry-after': String(OUTAGE_RETRY_AFTER_SECONDS) })),
};

class BodyError extends Error {}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = '';
  for await (const chunk of request) {
    raw += String(chunk);
    if (raw.length > MAX_BODY_BYTES) throw new BodyError(`Request body over ${MAX_BODY_BYTES} bytes.`);
  }
  if (raw.trim() === '') return {};
  if ((request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new BodyError('JSON parse error: the request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BodyError('The request body must be a JSON object.');
  return parsed as Record<string, unknown>;
}

function authenticate(state: RocketReachState, request: IncomingMessage, query: URLSearchParams): Answer | undefined {
  const header = request.headers['api-key'];
  const key = (Array.isArray(header) ? header[0] : header) ?? query.get('api_key') ?? undefined;
  if (!key) return rrError(401, 'API Key is missing: send it in the Api-Key header.');
  if (key !== state.account.apiKey) return rrError(401, 'Invalid API Key');
  return undefined;
}

async function serveApi(state: RocketReachState, request: IncomingMessage, url: URL): Promise<Answer> {
  const path = url.pathname.slice(API_PREFIX.length) || '/';
  const method = request.method ?? 'GET';
  const route = findRoute(method, path);
  if (!route) return pathExists(path) ? rrError(405, `Method "${method}" not allowed.`) : rrError(404, 'Not found.');
  const refused = authenticate(state, request, url.searchParams);
  if (refused) return refused;
  const verdict = state.account.admit(route.family);
  if (!verdict.allowed) return rrError(429, 'Too Many Requests. API request limit reached -- slow down requests.', { 'retry-after': String(verdict.retryAfterSeconds) });
  try {
    const body = method === 'POST' ? await readBody(request) : undefined;
    return await route.handle(state, { method, path, query: url.searchParams, body });
  } catch (error) {
    if (error instanceof BodyError) return rrError(400, error.message);
    throw error;
  }
}

async function serveControl(state: RocketReachState, request: IncomingMessage, url: URL): Promise<Answer> {
  const { account, webhooks } = state;
  const what = url.pathname.slice('/__fake/'.length);
  if (what === 'settings' && request.method === 'GET') return { status: 200, body: account.settings };
  if (what === 'settings' && request.method === 'POST') {
    const parsed = rocketReachSettingsChangeSchema.safeParse(await readBody(request).catch(() => null));
    if (!parsed.success) return { status: 400, body: { error: { code: 'BAD_SETTINGS', message: parsed.error.message } } };
    account.change(parsed.data as RocketReachSettingsChange);
    return { status: 200, body: account.settings };
  }
  if (what === 'usage' && request.method === 'GET') {
    const { chargedProfiles, chargedCompanies, ...counts } = account.usage;
    return { status: 200, body: { ...counts, distinctProfilesCharged: chargedProfiles.size, distinctCompaniesCharged: chargedCompanies.size, lookupCreditsRemaining: account.remaining('lookup'), companyCreditsRemaining: account.remaining('company') } };
  }
  if (what === 'webhooks' && request.method === 'GET') return { status: 200, body: { webhooks: webhooks.list(), deliveries: webhooks.deliveries() } };
  if (what === 'webhooks' && request.method === 'POST') {
    const body = await readBody(request).catch(() => ({}) as Record<string, unknown>);
    if (typeof body.url !== 'string' || !URL.canParse(body.url)) return { status: 400, body: { error: { code: 'BAD_WEBHOOK', message: 'url must be an absolute URL' } } };
    const secret = typeof body.secret === 'string' && body.secret ? body.secret : null;
    const hook = webhooks.register(body.url, secret);
    return { status: 201, body: { id: hook.id, url: body.url, enabled: hook.enabled, secret } };
  }
  return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'No such fake control' } } };
}

export interface FakeRocketReachOptions extends FakeStartOptions {
  /** Settings at start; `POST /__fake/settings` changes them later. */
  readonly settings?: RocketReachSettingsChange;
}

export interface RunningFakeRocketReach extends RunningFake {
  readonly state: RocketReachState;
}

export async function startFakeRocketReach(options: FakeRocketReachOptions): Promise<RunningFakeRocketReach> {
  const timers = new Set<NodeJS.Timeout>();
  const account = new RocketReachAccount(options.seed, DEFAULT_ROCKETREACH_SETTINGS);
  if (options.settings) account.change(options.settings);
  const webhooks = new WebhookRegistry();
  // The account starts with one webhook to the local API, as a developer would set it up in settings.
  const apiUrl = options.apiUrl;
  if (apiUrl) webhooks.register(() => (apiUrl() ? `${apiUrl()}${ROCKETREACH_WEBHOOK_PATH}` : undefined), FAKE_ROCKETREACH_WEBHOOK_SECRET);
  const state: RocketReachState = {
    dataset: rocketReachDataset(options.seed),
    account,
    lookups: new LookupTracker(),
    webhooks,
    requestId: randomUUID,
    later: (delayMs, task) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        void task().catch(() => undefined);
      }, delayMs);
      timers.add(timer);
    },
  };
  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const serve = url.pathname.startsWith('/__fake/') ? serveControl(state, request, url) : url.pathname.startsWith(`${API_PREFIX}/`) ? serveApi(state, request, url) : Promise.resolve(rrError(404, 'Not found.'));
    serve.then((answer) => send(response, answer)).catch((error: unknown) => send(response, rrError(500, (error as Error).message)));
  };
  const server = createServer(withKnobs(listener, { knobs: options.knobs, seed: options.seed, faults: FAULTS }).listener);
  const port = await listen(server, options.port);
  return {
    url: httpUrl(port),
    state,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await closeServer(server);
    },
  };
}
