import type { HTTPRequest, HTTPResponse, Page } from 'puppeteer-core';
import { BrowserError } from '../../ports/browser.port.ts';
import type { BrowserPort, BrowserSessionPort, RenderOptions, RenderedPage, SeenJsonResponse, SessionPage, SessionPageOptions } from '../../ports/browser.port.ts';
import { hostResolverRules } from './chromium-flags.ts';
import type { ConnectToRule } from './chromium-flags.ts';
import { closeSharedBrowser, sharedBrowser } from './launch.chromium.ts';
import { openSessionPage } from './session.chromium.ts';

/** Refuses a URL by throwing; the caller wires the SSRF guard (and its allow list) here. */
export type UrlGuard = (url: string) => Promise<void>;

export const DEFAULT_PAGE_TIMEOUT_MS = 15_000;
/** The first load plus five redirects, the same redirect budget as plain HTTP fetches. */
export const MAX_MAIN_FRAME_NAVIGATIONS = 6;
/** Scripts can fetch in a loop; a page keeps only its first JSON answers. */
export const MAX_JSON_RESPONSES = 25;
/** After `load`, how long the network must stay quiet before scripts are taken to be done. */
const SETTLE_IDLE_MS = 250;
/** Harmless in itself; it keys a separate shared browser for sessions (launch.chromium.ts keys by flags). */
const SESSION_BROWSER_FLAG = '--disable-notifications';
const BLOCKED_RESOURCE_TYPES: ReadonlySet<string> = new Set(['image', 'font', 'media']);

export interface ChromiumBrowserOptions {
  /** Called for every request the page makes; a throw aborts that request. */
  readonly guardUrl: UrlGuard;
  /** Hostnames Chromium connects to elsewhere than DNS says (a local fake serving many sites). */
  readonly connectTo?: readonly ConnectToRule[];
  readonly pageTimeoutMs?: number;
}

interface PageWatch {
  readonly refusedUrls: string[];
  readonly jsonResponses: SeenJsonResponse[];
  readonly pendingReads: Promise<void>[];
  blockedRequests: number;
  navigations: number;
  mainUrlRefused: boolean;
}

const isJson = (response: HTTPResponse): boolean =>
  /\bjson\b/i.test(response.headers()['content-type'] ?? '') && ['xhr', 'fetch'].includes(response.request().resourceType());

/** A page whose every request passes the URL guard, with images, fonts and media skipped. */
export class ChromiumBrowser implements BrowserPort, BrowserSessionPort {
  private readonly args: readonly string[];
  private readonly pageTimeoutMs: number;

  constructor(private readonly options: ChromiumBrowserOptions) {
    this.args = hostResolverRules(options.connectTo ?? []);
    this.pageTimeoutMs = options.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
  }

  async render(url: string, renderOptions: RenderOptions = {}): Promise<RenderedPage> {
    const timeoutMs = renderOptions.timeoutMs ?? this.pageTimeoutMs;
    const browser = await sharedBrowser(this.args);
    const page = await browser.newPage();
    const watch: PageWatch = { refusedUrls: [], jsonResponses: [], pendingReads: [], blockedRequests: 0, navigations: 0, mainUrlRefused: false };
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new BrowserError('BROWSER_TIMEOUT', `${url} did not render within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await this.watch(page, watch);
      return await Promise.race([this.load(page, url, timeoutMs, watch), deadline]);
    } finally {
      clearTimeout(timer);
      await page.close().catch(() => undefined);
    }
  }

  /**
   * A logged-in web app (./session.chromium.ts); the caller closes it. Sessions run in a browser
   * of their own, never the one rendering crawled sites, whose pages could otherwise send
   * requests with a session's cookies.
   */
  async openSession(url: string, options: SessionPageOptions): Promise<SessionPage> {
    return openSessionPage(await sharedBrowser([...this.args, SESSION_BROWSER_FLAG]), url, { ...options, guardUrl: this.options.guardUrl });
  }

  /** How many pages the shared browsers hold open (tests prove none leak). */
  async openPageCount(): Promise<number> {
    const browsers = await Promise.all([sharedBrowser(this.args), sharedBrowser([...this.args, SESSION_BROWSER_FLAG])]);
    const pages = await Promise.all(browsers.map((browser) => browser.pages()));
    return pages.reduce((sum, list) => sum + list.length, 0);
  }

  async close(): Promise<void> {
    await closeSharedBrowser(this.args);
    await closeSharedBrowser([...this.args, SESSION_BROWSER_FLAG]);
  }

  private async watch(page: Page, watch: PageWatch): Promise<void> {
    await page.setRequestInterception(true);
    page.on('request', (request) => void this.screen(page, request, watch));
    page.on('response', (response) => {
      if (!isJson(response) || watch.jsonResponses.length + watch.pendingReads.length >= MAX_JSON_RESPONSES) return;
      const read = response.json().then(
        (body: unknown) => void watch.jsonResponses.push({ url: response.url(), status: response.status(), body }),
        () => undefined,
      );
      watch.pendingReads.push(read);
    });
  }

  private async screen(page: Page, request: HTTPRequest, watch: PageWatch): Promise<void> {
    if (request.isInterceptResolutionHandled()) return;
    const mainNavigation = request.isNavigationRequest() && request.frame() === page.mainFrame();
    if (mainNavigation && ++watch.navigations > MAX_MAIN_FRAME_NAVIGATIONS) {
      await request.abort('aborted').catch(() => undefined);
      return;
    }
    if (BLOCKED_RESOURCE_TYPES.has(request.resourceType())) {
      watch.blockedRequests += 1;
      await request.abort('blockedbyclient').catch(() => undefined);
      return;
    }
    try {
      await this.options.guardUrl(request.url());
    } catch {
      watch.refusedUrls.push(request.url());
      if (mainNavigation) watch.mainUrlRefused = true;
      await request.abort('accessdenied').catch(() => undefined);
      return;
    }
    await request.continue().catch(() => undefined);
  }

  private async load(page: Page, url: string, timeoutMs: number, watch: PageWatch): Promise<RenderedPage> {
    let response: HTTPResponse | null;
    try {
      response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
      await page.waitForNetworkIdle({ idleTime: SETTLE_IDLE_MS, timeout: timeoutMs });
    } catch (error) {
      throw this.navigationError(url, error, watch);
    }
    await Promise.all(watch.pendingReads);
    return {
      finalUrl: page.url(),
      status: response?.status() ?? null,
      html: await page.content(),
      jsonResponses: [...watch.jsonResponses],
      refusedUrls: [...watch.refusedUrls],
      blockedRequests: watch.blockedRequests,
    };
  }

  private navigationError(url: string, error: unknown, watch: PageWatch): BrowserError {
    if (watch.mainUrlRefused) return new BrowserError('BROWSER_URL_REFUSED', `${url} was refused by the URL guard`, { cause: error });
    if (watch.navigations > MAX_MAIN_FRAME_NAVIGATIONS) {
      return new BrowserError('BROWSER_TOO_MANY_NAVIGATIONS', `${url} navigated more than ${MAX_MAIN_FRAME_NAVIGATIONS} times`, { cause: error });
    }
    if ((error as Error).name === 'TimeoutError') return new BrowserError('BROWSER_TIMEOUT', `${url} did not render within ${timeoutMsOf(error)}`, { cause: error });
    return new BrowserError('BROWSER_NAVIGATION_FAILED', `${url} could not be loaded: ${(error as Error).message}`, { cause: error });
  }
}

const timeoutMsOf = (error: unknown): string => (error as Error).message.match(/\d+ ?ms/)?.[0] ?? 'its timeout';
