/**
 * The frame every fake of the outside world fits in. A fake speaks its provider's real HTTP
 * protocol on a loopback port of the local cloud; handlers reach it through the provider's
 * base-URL configuration (`PROVIDER_<NAME>_BASE_URL`) and never know it is a fake.
 */
import { z } from 'zod';

export const MAX_FAKE_LATENCY_MS = 60_000;

/** Faults a test can switch on, at start or at runtime through `POST /__fake/knobs`. */
export const fakeKnobsSchema = z
  .object({
    /** Added before every answer. */
    latencyMs: z.number().int().min(0).max(MAX_FAKE_LATENCY_MS),
    /** Share of requests answered with the provider's server error (0 to 1), drawn from the seed. */
    errorRate: z.number().min(0).max(1),
    /** Every request gets 503, as during the provider's outage. */
    outage: z.boolean(),
  })
  .strict();

export type FakeKnobs = z.infer<typeof fakeKnobsSchema>;

export const NO_FAULTS: FakeKnobs = { latencyMs: 0, errorRate: 0, outage: false };

export interface FakeStartOptions {
  readonly host: '127.0.0.1';
  /** 0 picks a free port. */
  readonly port: number;
  /** Same seed, same data: tests and benchmarks score against the fake's ground truth. */
  readonly seed: string;
  readonly knobs: FakeKnobs;
  /**
   * The local API's base URL, for fakes that call it back (Razorpay's webhooks). A function, as
   * the fakes start alongside the HTTP gateway: it answers once the gateway listens.
   */
  readonly apiUrl?: () => string | undefined;
}

export interface RunningFake {
  /** Base URL, e.g. `http://127.0.0.1:4007`. */
  readonly url: string;
  close(): Promise<void>;
}

export interface FakeProvider {
  /** The provider's name as the README lists it; `--provider-url NAME=URL` and the env use it. */
  readonly name: string;
  /**
   * Hostnames this one server answers for (the fake web serves hundreds of sites): the local
   * cloud maps them to the fake's port through `OUTBOUND_CONNECT_TO`.
   */
  readonly hostnames?: readonly string[];
  start(options: FakeStartOptions): Promise<RunningFake>;
}

/** `apollo` → `PROVIDER_APOLLO_BASE_URL`; the variable a provider's adapter reads its base URL from. */
export const providerBaseUrlEnv = (name: string): string => `PROVIDER_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_BASE_URL`;
