import { SiteFetchError, type FetchedPage, type PageFetcher, type SiteFailureReason } from '../../domain/enrich-websites/crawl-ports.ts';
import { OutboundCallError, OutboundRequeueError, UrlBlockedError, type OutboundHttp } from '../../ports/outbound-http.port.ts';

/** Content types read as pages; anything else (PDF, images, archives) is not a website page. */
const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml)\b/i;

const FAILURE_REASONS: Readonly<Record<OutboundCallError['failure'], SiteFailureReason>> = {
  connect_timeout: 'timeout',
  timeout: 'timeout',
  network: 'unreachable',
  tls: 'unreachable',
  circuit_open: 'unreachable',
  too_large: 'too_large',
  robots: 'robots_disallowed',
};

function decode(body: Uint8Array, contentType: string): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    // An unknown charset label: UTF-8 is what most of the web is.
    return new TextDecoder('utf-8').decode(body);
  }
}

/** Why the outbound client refused or failed a page, as a site-level reason for the job's report. */
function failureOf(error: unknown, url: string): SiteFetchError | undefined {
  if (error instanceof UrlBlockedError) {
    if (error.reason === 'too_many_redirects') return new SiteFetchError('too_many_redirects', `${url}: more than 5 redirects (a loop?)`);
    if (error.reason === 'invalid_url' || error.reason === 'scheme' || error.reason === 'credentials_in_url') return new SiteFetchError('invalid_url', `${url}: ${error.reason}`);
    if (error.reason === 'unresolvable_host') return new SiteFetchError('unreachable', `${url}: the host does not resolve`);
    return new SiteFetchError('blocked_address', `${url}: refused (${error.reason}), directly or after a redirect`);
  }
  if (error instanceof OutboundCallError) return new SiteFetchError(FAILURE_REASONS[error.failure], `${url}: ${error.message}`);
  return undefined;
}

/**
 * Pages over plain HTTP through the outbound client: the SSRF guard on every hop, per-host
 * pacing, robots.txt, timeouts and size caps all apply there. A requeue (the crawl budget is
 * spent for now) is rethrown as is, so the task's message comes back later.
 */
export class OutboundPageFetcher implements PageFetcher {
  constructor(
    private readonly http: OutboundHttp,
    private readonly caller: { readonly workspaceId: string; readonly jobId?: string },
  ) {}

  async fetchPage(url: string, options: { readonly respectRobots: boolean }): Promise<FetchedPage> {
    let response;
    try {
      response = await this.http.request({
        provider: 'website',
        operation: 'page',
        url,
        workspaceId: this.caller.workspaceId,
        ...(this.caller.jobId ? { jobId: this.caller.jobId } : {}),
        ignoreRobots: !options.respectRobots,
      });
    } catch (error) {
      if (error instanceof OutboundRequeueError) throw error;
      throw failureOf(error, url) ?? error;
    }
    if (response.status >= 400) throw new SiteFetchError('http_error', `${response.url} answered ${response.status}`, response.status);
    const contentType = response.headers['content-type'] ?? '';
    if (contentType !== '' && !HTML_TYPES.test(contentType)) throw new SiteFetchError('not_html', `${response.url} is ${contentType.split(';')[0]}, not a web page`);
    const setCookie = response.headers['set-cookie'];
    return {
      url,
      finalUrl: response.url,
      status: response.status,
      headers: response.headers,
      cookies: setCookie ? setCookie.split(/,(?=\s*[^;,=\s]+=)/) : [],
      html: decode(response.body, contentType),
      rendered: false,
    };
  }
}
