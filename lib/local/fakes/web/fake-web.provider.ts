/**
 * The fake web in the shape every fake provider of the local cloud has: a name and
 * `start({ host, port, seed, knobs }) → { url, close }`, knobs being latency, error rate and a
 * forced outage (plus the fake web's own slow-site delay).
 */
import { startFakeWeb } from './fake-web.server.ts';
import type { FakeWebKnobs, FakeWebServer } from './fake-web.server.ts';

export interface FakeWebStartOptions {
  readonly host: string;
  readonly port: number;
  readonly seed?: number | string;
  readonly knobs?: FakeWebKnobs;
  /** Sites in total. Default DEFAULT_SITE_COUNT. */
  readonly siteCount?: number;
}

export const fakeWebProvider = {
  name: 'web',
  start: (options: FakeWebStartOptions): Promise<FakeWebServer> =>
    startFakeWeb({ host: options.host, port: options.port, seed: options.seed, knobs: options.knobs, siteCount: options.siteCount }),
} as const;
