/**
 * The fake Apollo's knobs: the frame's three (latency, error rate, outage) plus Apollo's own,
 * readable and changeable at runtime through `GET`/`POST /__fake/knobs` like every fake's.
 */
import { z } from 'zod';
import { fakeKnobsSchema, type FakeKnobs } from '../fake-provider.ts';

/** The search endpoints' limits on Apollo's paid plans (per minute, hour and day). */
export const DEFAULT_APOLLO_RATE_LIMITS = { ratePerMinute: 200, ratePerHour: 6_000, ratePerDay: 50_000 } as const;
export const DEFAULT_SESSION_TTL_SECONDS = 24 * 3_600;
/** Values one list filter may carry before Apollo answers 422 "Value too long". */
export const DEFAULT_MAX_FILTER_VALUES = 100;
/** One repeated row after every 50 distinct ones: about 2% of a long result. */
export const DEFAULT_REPEAT_EVERY = 50;
const MAX_RATE = 1_000_000;
const MAX_TTL_SECONDS = 30 * 86_400;

export const apolloKnobsSchema = fakeKnobsSchema.extend({
  /** Calls per endpoint per minute (0: no limit). */
  ratePerMinute: z.number().int().min(0).max(MAX_RATE),
  ratePerHour: z.number().int().min(0).max(MAX_RATE),
  ratePerDay: z.number().int().min(0).max(MAX_RATE),
  /** Age at which a web-app session answers 401; 0 expires every session now. */
  sessionTtlSeconds: z.number().int().min(0).max(MAX_TTL_SECONDS),
  maxFilterValues: z.number().int().min(1).max(MAX_RATE),
  /** A row repeats after every N distinct rows (0: never). */
  repeatEvery: z.number().int().min(0).max(MAX_RATE),
}).strict();

export type ApolloKnobs = z.infer<typeof apolloKnobsSchema>;

export const apolloKnobs = (frame: FakeKnobs, own: Partial<ApolloKnobs> = {}): ApolloKnobs => ({
  ...DEFAULT_APOLLO_RATE_LIMITS,
  sessionTtlSeconds: DEFAULT_SESSION_TTL_SECONDS,
  maxFilterValues: DEFAULT_MAX_FILTER_VALUES,
  repeatEvery: DEFAULT_REPEAT_EVERY,
  ...frame,
  ...own,
});
