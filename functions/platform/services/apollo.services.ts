/**
 * Where an Apollo collection gets its source and the workspace's credentials. The adapters
 * (functions/adapters/apollo) are wired here; the collection job only imports these accessors.
 */
import { ApolloSources } from '../../adapters/apollo/apollo-sources.ts';
import { CredentialsCipher } from '../../adapters/apollo/credentials-cipher.ts';
import { DynamoApolloCredentialStore } from '../../adapters/dynamodb/apollo-credentials.dynamodb.ts';
import { DynamoCallLog } from '../../adapters/dynamodb/call-log.dynamodb.ts';
import { DEFAULT_MAX_WAIT_MS } from '../../adapters/http/outbound-http.fetch.ts';
import { DynamoRateCounter } from '../../adapters/dynamodb/rate-limits.dynamodb.ts';
import { SharedLimiter, systemClock } from '../../domain/outbound/shared-limiter.ts';
import type { ApolloCredentialAdmin, ApolloCredentialStore, ApolloSourceFactory } from '../../ports/apollo-source.port.ts';
import type { BrowserSessionPort } from '../../ports/browser.port.ts';
import { config } from '../config.ts';
import { documentClient } from './dynamodb.services.ts';
import { once } from './once.ts';
import { outboundHttp, urlGuard } from './outbound.services.ts';

/** The web app's host, which a pasted session must hold a cookie for (the fake's 127.0.0.1 locally). */
export const apolloAppHost = (): string => new URL(config().outbound.providers.apollo_app.baseUrl).hostname;

/** Chromium is imported only when a session first opens, so API-key collections never load it. */
const sessionBrowser = /* @__PURE__ */ once(() => {
  let loaded: Promise<BrowserSessionPort> | undefined;
  return (): Promise<BrowserSessionPort> =>
    (loaded ??= import('../../adapters/chromium/browser.chromium.ts').then(
      ({ ChromiumBrowser }) =>
        new ChromiumBrowser({
          guardUrl: urlGuard(),
          connectTo: config().outbound.connectTo.map((rule) => ({ pattern: rule.pattern, host: rule.address, port: rule.port })),
        }),
    ));
});

/**
 * The web app's pace, shared by every Lambda and counted per workspace: each workspace reads
 * Apollo through its own account, whose limits are its own.
 */
const sessionPacer = /* @__PURE__ */ once(() => {
  const limiter = new SharedLimiter(new DynamoRateCounter(documentClient(), config().CONTROL_TABLE_NAME), systemClock);
  const settings = config().outbound.providers.apollo_app;
  return (context: { readonly workspaceId: string; readonly signal?: AbortSignal }) =>
    limiter.acquire(
      { key: `${settings.name}#${context.workspaceId}`, windows: settings.rateLimits, ...(settings.concurrency > 0 ? { concurrency: settings.concurrency } : {}) },
      DEFAULT_MAX_WAIT_MS,
      context.signal,
    );
});

/** Opens the browser-session or API source for a workspace's credentials. */
export const apolloSourceFactory = /* @__PURE__ */ once(
  (): ApolloSourceFactory =>
    new ApolloSources({
      http: outboundHttp(),
      browser: sessionBrowser(),
      appBaseUrl: config().outbound.providers.apollo_app.baseUrl,
      pace: sessionPacer(),
      callLog: new DynamoCallLog(documentClient(), config().CONTROL_TABLE_NAME),
    }),
);

/**
 * The workspace's stored Apollo session or API key, and the routes' side of it. The key comes
 * from the environment: on AWS a dynamic reference to the stack's generated secret, given only
 * to functions whose topology access lists `secrets: ['apolloCredentials']`.
 */
export const apolloCredentialAdmin = /* @__PURE__ */ once((): ApolloCredentialAdmin => {
  const secret = config().APOLLO_CREDENTIALS_KEY;
  if (!secret) throw new Error('APOLLO_CREDENTIALS_KEY is not set: this function has no apolloCredentials access');
  return new DynamoApolloCredentialStore(documentClient(), config().CONTROL_TABLE_NAME, new CredentialsCipher(secret));
});

/** The workspace's stored Apollo session or API key. */
export const apolloCredentialStore = (): ApolloCredentialStore => apolloCredentialAdmin();
