/**
 * SEC EDGAR over the outbound client (which already holds the shared 10/s window across every
 * Lambda, retries 429 and 5xx, and logs each call). This adapter adds what fair access asks of
 * an EDGAR client:
 *
 * ```
 * no contact email → refuse before any call
 * User-Agent "leadstack <contact>" on every request
 * 403 / 429 (EDGAR's rate threshold) → back off, try again, then give up with a retryable error
 * submissions → conditional GET (If-None-Match / If-Modified-Since) against the shared cache
 * company tickers → kept in memory for a while, refreshed conditionally
 * ```
 */
import { backoffMs, parseRetryAfterMs } from '../../domain/outbound/retry-policy.ts';
import type { Clock } from '../../domain/outbound/shared-limiter.ts';
import type { CompanyTicker, CompanyTickers, CompanyTickersContext } from '../../ports/company-tickers.port.ts';
import type { EdgarCache, EdgarFiling, EdgarFilings, EdgarSubmissions } from '../../ports/edgar-filings.port.ts';
import type { OutboundHttp, OutboundResponse } from '../../ports/outbound-http.port.ts';
import { EdgarContactMissingError, EdgarMalformedError, EdgarThrottledError, EdgarUnavailableError } from './edgar-errors.ts';
import { COMPANY_TICKERS_PATH, archivePath, parseCompanyTickers, parseSubmissions, submissionsPath } from './edgar-shapes.ts';

/** Tries after EDGAR's first 403/429 before the caller is told to come back later. */
export const EDGAR_THROTTLE_RETRIES = 3;
/** First back-off after a 403/429; doubles (with jitter) on each further one. */
export const EDGAR_THROTTLE_BASE_MS = 1_000;
/** A Retry-After longer than this is not slept through inside a call: the job comes back later. */
export const EDGAR_MAX_INLINE_WAIT_MS = 15_000;
/** SEC's documented lock-out for a client over its rate: ten minutes. */
export const EDGAR_LOCKOUT_MS = 10 * 60_000;
/** The tickers list changes daily at most; a warm Lambda re-validates it this often. */
export const EDGAR_TICKERS_TTL_MS = 6 * 60 * 60_000;
/** EDGAR's default host pair: the submissions API on data.sec.gov, files and archives on www.sec.gov. */
export const EDGAR_DATA_HOST = 'https://data.sec.gov';
export const EDGAR_WWW_HOST = 'https://www.sec.gov';

export interface EdgarClientDeps {
  readonly http: OutboundHttp;
  readonly cache: EdgarCache;
  readonly clock: Clock;
  /** The provider's base URL (`PROVIDER_EDGAR_BASE_URL`). */
  readonly baseUrl: string;
  /** Where `/files/...` and `/Archives/...` live when not at `baseUrl` (`EDGAR_ARCHIVES_BASE_URL`). */
  readonly archivesBaseUrl?: string;
  readonly contactEmail?: string;
  readonly random?: () => number;
}

/**
 * The host of `/files` and `/Archives`: the one configured, else the base URL itself (a fake or a
 * proxy serves every path), except SEC's own data.sec.gov, whose sibling is www.sec.gov.
 */
export function archivesBase(baseUrl: string, archivesBaseUrl: string | undefined): string {
  if (archivesBaseUrl) return archivesBaseUrl.replace(/\/+$/, '');
  const base = baseUrl.replace(/\/+$/, '');
  return base === EDGAR_DATA_HOST ? EDGAR_WWW_HOST : base;
}

interface TickersMemo {
  readonly rows: readonly CompanyTicker[];
  readonly etag?: string;
  readonly lastModified?: string;
  readonly checkedAt: number;
}

const validators = (response: OutboundResponse): { etag?: string; lastModified?: string } => ({
  ...(response.headers.etag ? { etag: response.headers.etag } : {}),
  ...(response.headers['last-modified'] ? { lastModified: response.headers['last-modified'] } : {}),
});

const conditionalHeaders = (entry: { etag?: string; lastModified?: string } | undefined): Record<string, string> => ({
  ...(entry?.etag ? { 'if-none-match': entry.etag } : {}),
  ...(entry?.lastModified ? { 'if-modified-since': entry.lastModified } : {}),
});

const parseJson = (response: OutboundResponse, what: string): unknown => {
  try {
    return response.json();
  } catch {
    throw new EdgarMalformedError(what);
  }
};

export class EdgarClient implements CompanyTickers, EdgarFilings {
  private tickers: TickersMemo | undefined;
  private readonly wwwBase: string;
  private readonly random: () => number;

  constructor(private readonly deps: EdgarClientDeps) {
    this.wwwBase = archivesBase(deps.baseUrl, deps.archivesBaseUrl);
    this.random = deps.random ?? Math.random;
  }

  async list(context: CompanyTickersContext): Promise<readonly CompanyTicker[]> {
    const memo = this.tickers;
    if (memo && this.deps.clock.now() - memo.checkedAt < EDGAR_TICKERS_TTL_MS) return memo.rows;
    const response = await this.get('company_tickers', `${this.wwwBase}${COMPANY_TICKERS_PATH}`, context, conditionalHeaders(memo));
    if (response.status === 304 && memo) {
      this.tickers = { ...memo, checkedAt: this.deps.clock.now() };
      return memo.rows;
    }
    this.ensureOk(response, 'company_tickers');
    const rows = parseCompanyTickers(parseJson(response, 'company tickers list'));
    if (!rows) throw new EdgarMalformedError('company tickers list');
    this.tickers = { rows, ...validators(response), checkedAt: this.deps.clock.now() };
    return rows;
  }

  async submissions(cik: string, context: CompanyTickersContext): Promise<EdgarSubmissions | undefined> {
    const key = `submissions#${cik}`;
    const cached = await this.deps.cache.get(key);
    const response = await this.get('submissions', submissionsPath(cik), context, conditionalHeaders(cached));
    if (response.status === 304 && cached) return cached.submissions;
    if (response.status === 404) return undefined;
    this.ensureOk(response, 'submissions');
    const submissions = parseSubmissions(parseJson(response, 'submissions index'));
    if (!submissions) throw new EdgarMalformedError('submissions index');
    await this.deps.cache.put(key, { ...validators(response), submissions });
    return submissions;
  }

  documentUrl(cik: string, filing: EdgarFiling): string {
    return `${this.wwwBase}${archivePath(cik, filing)}`;
  }

  async primaryDocument(cik: string, filing: EdgarFiling, context: CompanyTickersContext): Promise<{ body: string; url: string }> {
    const url = this.documentUrl(cik, filing);
    const response = await this.get('filing_document', url, context, {});
    this.ensureOk(response, 'filing_document');
    return { body: response.text(), url };
  }

  private ensureOk(response: OutboundResponse, operation: string): void {
    if (response.status >= 200 && response.status < 300) return;
    throw new EdgarUnavailableError(response.status, operation);
  }

  /** One EDGAR GET, backed off on EDGAR's throttling answers (403 is how SEC says "over the rate"). */
  private async get(operation: string, url: string, context: CompanyTickersContext, headers: Record<string, string>): Promise<OutboundResponse> {
    const contact = this.deps.contactEmail?.trim();
    if (!contact) throw new EdgarContactMissingError();
    const request = { provider: 'edgar', operation, url, workspaceId: context.workspaceId, ...(context.jobId ? { jobId: context.jobId } : {}) } as const;
    for (let attempt = 0; ; attempt++) {
      const response = await this.deps.http.request({ ...request, headers: { 'user-agent': `leadstack ${contact}`, accept: 'application/json, text/html;q=0.9, */*;q=0.5', ...headers } });
      if (response.status !== 403 && response.status !== 429) return response;
      const hinted = parseRetryAfterMs(response.headers['retry-after'], this.deps.clock.now());
      if (attempt >= EDGAR_THROTTLE_RETRIES || (hinted ?? 0) > EDGAR_MAX_INLINE_WAIT_MS) throw new EdgarThrottledError(response.status, hinted ?? EDGAR_LOCKOUT_MS);
      await this.deps.clock.sleep(hinted ?? EDGAR_THROTTLE_BASE_MS * 2 ** attempt + backoffMs(attempt, this.random, EDGAR_THROTTLE_BASE_MS));
    }
  }
}
