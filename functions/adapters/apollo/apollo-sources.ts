/**
 * The composition of the two Apollo adapters: a workspace's API key opens the API source, its
 * pasted session the browser-session source. Chromium is asked for only when a session opens.
 */
import type { ApolloCallContext, ApolloCredentials, ApolloSource, ApolloSourceFactory } from '../../ports/apollo-source.port.ts';
import type { BrowserSessionPort } from '../../ports/browser.port.ts';
import type { CallLog } from '../../ports/call-log.port.ts';
import type { OutboundHttp } from '../../ports/outbound-http.port.ts';
import { ApolloApiSource } from './apollo-api.source.ts';
import { ApolloSessionSource, type SessionPacer } from './apollo-session.source.ts';

export interface ApolloSourcesDeps {
  readonly http: OutboundHttp;
  readonly browser: () => Promise<BrowserSessionPort>;
  readonly appBaseUrl: string;
  readonly pace: SessionPacer;
  readonly callLog?: CallLog;
}

export class ApolloSources implements ApolloSourceFactory {
  constructor(private readonly deps: ApolloSourcesDeps) {}

  async open(credentials: ApolloCredentials, _context: ApolloCallContext): Promise<ApolloSource> {
    if (credentials.kind === 'api') return new ApolloApiSource({ http: this.deps.http, apiKey: credentials.apiKey });
    return new ApolloSessionSource({
      browser: await this.deps.browser(),
      appBaseUrl: this.deps.appBaseUrl,
      cookies: credentials.cookies,
      pace: this.deps.pace,
      ...(this.deps.callLog ? { callLog: this.deps.callLog } : {}),
    });
  }
}
