/**
 * A fake SEC EDGAR on one loopback port, built from SEC's public documentation: the paths of
 * www.sec.gov (`/files/company_tickers.json`, `/Archives/edgar/data/...`) and of data.sec.gov
 * (`/submissions/CIK##########.json`) on one server, so a single base URL reaches all three.
 * Fair access is enforced (edgar-fair-access.ts), submissions and documents carry validators
 * and answer 304, and the frame's knobs add latency, errors and outages.
 *
 * Test controls, exempt from fair access and knobs (`/__fake/edgar/...`): `GET truth` (the
 * ground truth), `POST release` (publishes the held-back filings, as if accepted after a
 * monitor's last check), `GET|POST fair-access` (counts, blocks; `{"coolDownMs":…,"reset":true}`).
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { closeServer, httpUrl, listen } from '../../net.ts';
import type { FakeStartOptions, RunningFake } from '../fake-provider.ts';
import { withKnobs } from '../fake-server.ts';
import type { EdgarCompany } from './edgar-companies.ts';
import { generateEdgarDataset } from './edgar-dataset.ts';
import type { EdgarDataset } from './edgar-dataset.ts';
import { renderFilingDocument } from './edgar-documents.ts';
import { DEFAULT_EDGAR_COOL_DOWN_MS, FairAccess } from './edgar-fair-access.ts';
import type { FairAccessStats } from './edgar-fair-access.ts';
import { EDGAR_FAULTS, methodNotAllowed, noSuchKey, refuse, representation, sendRepresentation } from './edgar-http.ts';
import type { Representation } from './edgar-http.ts';
import { companyTickersJson, submissionsJson } from './edgar-json.ts';
import type { EdgarTruth } from './edgar-truth.ts';

export const EDGAR_CONTROL_PREFIX = '/__fake/edgar/';
const MAX_CONTROL_BODY_BYTES = 4096;
const MAX_COOL_DOWN_MS = 60 * 60_000;
const SUBMISSIONS_PATH = /^\/submissions\/CIK(\d{10})\.json$/;
const ARCHIVES_PATH = /^\/Archives\/edgar\/data\/(\d{1,10})\/(\d{18})\/([\w./-]+)$/;

const fairAccessChangeSchema = z.object({ coolDownMs: z.number().int().min(0).max(MAX_COOL_DOWN_MS), reset: z.boolean() }).partial().strict();

export interface StartFakeEdgarOptions extends FakeStartOptions {
  /** `YYYY-MM-DD` the filings are dated back from; default today (UTC). */
  readonly asOf?: string;
  /** Default DEFAULT_EDGAR_COOL_DOWN_MS, SEC's ten minutes. */
  readonly coolDownMs?: number;
}

export interface FakeEdgarServer extends RunningFake {
  readonly dataset: EdgarDataset;
  /** The ground truth; filings flagged `pending` are served only once released. */
  readonly truth: EdgarTruth;
  released(): boolean;
  release(): string[];
  fairAccess(): FairAccessStats;
}

interface State {
  readonly seed: number | string;
  readonly dataset: EdgarDataset;
  readonly fairAccess: FairAccess;
  readonly byCik: ReadonlyMap<number, EdgarCompany>;
  readonly cache: Map<string, Representation>;
  released: boolean;
}

const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

const midnight = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

function submissions(state: State, company: EdgarCompany): Representation {
  const key = `submissions:${company.cik}:${state.released}`;
  const cached = state.cache.get(key);
  if (cached) return cached;
  const filings = state.dataset.filingsOf(company.cik).filter((f) => state.released || !f.truth?.pending);
  const newest = filings[0]?.acceptanceDateTime;
  const rep = representation('application/json', Buffer.from(JSON.stringify(submissionsJson(company, filings))), newest ? new Date(newest) : midnight(state.dataset.asOf));
  state.cache.set(key, rep);
  return rep;
}

function archive(state: State, match: RegExpExecArray): Representation | undefined {
  const path = `/Archives/edgar/data/${Number(match[1])}/${match[2]}/${match[3]}`;
  const found = state.dataset.documentAt(path);
  if (!found || (found.filing.truth?.pending && !state.released)) return undefined;
  const cached = state.cache.get(path);
  if (cached) return cached;
  const document = renderFilingDocument(state.seed, found.company, found.filing);
  const rep = representation(document.contentType, document.body, new Date(found.filing.acceptanceDateTime));
  state.cache.set(path, rep);
  return rep;
}

function edgarResource(state: State, pathname: string): Representation | undefined {
  if (pathname === '/files/company_tickers.json') {
    const cached = state.cache.get(pathname);
    if (cached) return cached;
    const rep = representation('application/json', Buffer.from(JSON.stringify(companyTickersJson(state.dataset.companies))), midnight(state.dataset.asOf));
    state.cache.set(pathname, rep);
    return rep;
  }
  const cik = SUBMISSIONS_PATH.exec(pathname)?.[1];
  if (cik !== undefined) {
    const company = state.byCik.get(Number(cik));
    return company ? submissions(state, company) : undefined;
  }
  const archived = ARCHIVES_PATH.exec(pathname);
  return archived ? archive(state, archived) : undefined;
}

/** The SEC paths: fair access first (refused requests still count), then the resource. */
function serveEdgar(state: State, request: IncomingMessage, response: ServerResponse): void {
  const verdict = state.fairAccess.check(request.headers['user-agent'], request.socket.remoteAddress ?? 'unknown');
  if (verdict !== 'ok') return refuse(response, verdict);
  if (request.method !== 'GET' && request.method !== 'HEAD') return methodNotAllowed(response);
  const rep = edgarResource(state, new URL(request.url ?? '/', 'http://fake').pathname);
  if (!rep) return noSuchKey(response);
  return sendRepresentation(request, response, rep);
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  let body = '';
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > MAX_CONTROL_BODY_BYTES) throw new Error(`control body over ${MAX_CONTROL_BODY_BYTES} bytes`);
  }
  return body;
};

function releasePending(state: State): string[] {
  if (state.released) return [];
  state.released = true;
  return state.dataset.truth.filings.filter((f) => f.pending).map((f) => f.accessionNumber);
}

async function serveControl(state: State, request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
  const method = request.method ?? 'GET';
  if (name === 'truth' && method === 'GET') return sendJson(response, 200, { ...state.dataset.truth, released: state.released });
  if (name === 'release' && method === 'POST') return sendJson(response, 200, { released: releasePending(state) });
  if (name === 'fair-access' && method === 'GET') return sendJson(response, 200, state.fairAccess.stats());
  if (name === 'fair-access' && method === 'POST') {
    try {
      const parsed = fairAccessChangeSchema.safeParse(JSON.parse((await readBody(request)) || '{}'));
      if (!parsed.success) return sendJson(response, 400, { error: { code: 'BAD_FAIR_ACCESS', message: parsed.error.message } });
      state.fairAccess.configure(parsed.data);
      return sendJson(response, 200, state.fairAccess.stats());
    } catch (error) {
      return sendJson(response, 400, { error: { code: 'BAD_FAIR_ACCESS', message: (error as Error).message } });
    }
  }
  return sendJson(response, 404, { error: { code: 'NO_SUCH_CONTROL', message: `no control ${method} ${EDGAR_CONTROL_PREFIX}${name}` } });
}

export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

export async function startFakeEdgar(options: StartFakeEdgarOptions): Promise<FakeEdgarServer> {
  const dataset = generateEdgarDataset({ seed: options.seed, asOf: options.asOf ?? todayUtc() });
  const state: State = {
    seed: options.seed,
    dataset,
    fairAccess: new FairAccess(options.coolDownMs ?? DEFAULT_EDGAR_COOL_DOWN_MS),
    byCik: new Map(dataset.companies.map((c) => [c.cik, c])),
    cache: new Map(),
    released: false,
  };
  const knobbed = withKnobs((request, response) => serveEdgar(state, request, response), { knobs: options.knobs, seed: options.seed, faults: EDGAR_FAULTS });
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://fake').pathname;
    if (!pathname.startsWith(EDGAR_CONTROL_PREFIX)) return knobbed.listener(request, response);
    serveControl(state, request, response, pathname.slice(EDGAR_CONTROL_PREFIX.length)).catch((error: unknown) => sendJson(response, 500, { error: { code: 'CONTROL_FAILED', message: (error as Error).message } }));
  });
  const port = await listen(server, options.port);
  return {
    url: httpUrl(port),
    close: () => closeServer(server),
    dataset,
    truth: dataset.truth,
    released: () => state.released,
    release: () => releasePending(state),
    fairAccess: () => state.fairAccess.stats(),
  };
}
