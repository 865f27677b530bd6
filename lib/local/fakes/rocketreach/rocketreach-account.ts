/**
 * The one RocketReach account the fake serves: its API key (rotated by `POST /account/key/`),
 * its credit balances, its rate-limit windows, and the settings a test or benchmark changes at
 * runtime through `POST /__fake/settings` (credits, limits, whether a repeated lookup costs again).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** The key `npm start` and the tests use; rotating it through the API replaces it until the fake restarts. */
export const FAKE_ROCKETREACH_API_KEY = 'rr_fake_0123456789abcdef_not_for_production';
/** The secret of the webhook the fake starts with, as RocketReach's "Generate Secret" would give it. */
export const FAKE_ROCKETREACH_WEBHOOK_SECRET = 'rr_fake_webhook_secret_not_for_production';

/**
 * Rate-limit families as RocketReach's rate-limit guide groups its APIs, plus its global
 * per-second ceiling. Company lookups count with person lookups (the guide lists no family of
 * their own); account and status polls count only against the global ceiling.
 */
export const RATE_FAMILIES = ['person_lookup', 'person_search', 'company_search', 'bulk_lookup'] as const;
export type RateFamily = (typeof RATE_FAMILIES)[number];

const limitSchema = z.number().int().min(1).max(1_000_000);

export const rocketReachSettingsSchema = z
  .object({
    /** Person lookup credits the account is allocated (bulk and profile-company lookups draw on them too). */
    lookupCredits: z.number().int().min(0).max(10_000_000),
    /** Company credits, spent when a company lookup returns a company. */
    companyCredits: z.number().int().min(0).max(10_000_000),
    /**
     * RocketReach publishes no de-duplication: a lookup that returns data again may charge again.
     * On by default so a client's own cache is what saves credits; off models a lenient account.
     */
    chargeRepeatLookups: z.boolean(),
    requestsPerSecond: limitSchema,
    perMinute: z.object({ person_lookup: limitSchema, person_search: limitSchema, company_search: limitSchema, bulk_lookup: limitSchema }).strict(),
    perHour: z.object({ person_lookup: limitSchema, person_search: limitSchema, company_search: limitSchema, bulk_lookup: limitSchema }).strict(),
    /** How long a bulk lookup takes before its results are posted to the webhook. */
    bulkDelayMs: z.number().int().min(0).max(60_000),
  })
  .strict();

export type RocketReachSettings = z.infer<typeof rocketReachSettingsSchema>;

/** RocketReach's "Ultimate" plan limits from its rate-limit guide, and a generous credit allocation. */
export const DEFAULT_ROCKETREACH_SETTINGS: RocketReachSettings = {
  lookupCredits: 10_000,
  companyCredits: 10_000,
  chargeRepeatLookups: true,
  requestsPerSecond: 10,
  perMinute: { person_lookup: 100, person_search: 60, company_search: 60, bulk_lookup: 10 },
  perHour: { person_lookup: 1_000, person_search: 500, company_search: 500, bulk_lookup: 25 },
  bulkDelayMs: 200,
};

/** A settings change: any subset, limits per family merged into the current ones. */
export const rocketReachSettingsChangeSchema = rocketReachSettingsSchema
  .extend({ perMinute: rocketReachSettingsSchema.shape.perMinute.partial(), perHour: rocketReachSettingsSchema.shape.perHour.partial() })
  .partial();
export type RocketReachSettingsChange = z.infer<typeof rocketReachSettingsChangeSchema>;

export type CreditType = 'lookup' | 'company';

export interface Usage {
  lookupCreditsUsed: number;
  companyCreditsUsed: number;
  /** Person lookups charged, repeats included; `chargedProfiles` holds each charged profile once. */
  chargedLookups: number;
  readonly chargedProfiles: Set<number>;
  readonly chargedCompanies: Set<number>;
  rateLimited: number;
  requests: number;
}

interface Window {
  start: number;
  used: number;
}

export interface RateVerdict {
  readonly allowed: boolean;
  /** Seconds until the window that refused the call opens again. */
  readonly retryAfterSeconds: number;
}

const WINDOW_MS = { second: 1_000, minute: 60_000, hour: 3_600_000 } as const;

export class RocketReachAccount {
  settings: RocketReachSettings;
  apiKey: string;
  readonly usage: Usage = { lookupCreditsUsed: 0, companyCreditsUsed: 0, chargedLookups: 0, chargedProfiles: new Set(), chargedCompanies: new Set(), rateLimited: 0, requests: 0 };
  private readonly windows = new Map<string, Window>();
  private rotations = 0;
  private readonly seed: string;
  private readonly now: () => number;

  constructor(seed: string, settings: RocketReachSettings, now: () => number = Date.now) {
    this.seed = seed;
    this.settings = settings;
    this.now = now;
    this.apiKey = FAKE_ROCKETREACH_API_KEY;
  }

  change(change: RocketReachSettingsChange): void {
    const { perMinute, perHour, ...rest } = change;
    this.settings = {
      ...this.settings,
      ...rest,
      perMinute: { ...this.settings.perMinute, ...perMinute },
      perHour: { ...this.settings.perHour, ...perHour },
    };
  }

  /** A new key replaces the old one at once, as RocketReach's key endpoint does. */
  rotateKey(): string {
    this.rotations += 1;
    this.apiKey = `rr_fake_${createHash('sha256').update(`${this.seed}:key:${this.rotations}`).digest('hex').slice(0, 32)}`;
    return this.apiKey;
  }

  remaining(type: CreditType): number {
    return type === 'lookup' ? this.settings.lookupCredits - this.usage.lookupCreditsUsed : this.settings.companyCredits - this.usage.companyCreditsUsed;
  }

  spend(type: CreditType, amount: number): void {
    if (type === 'lookup') this.usage.lookupCreditsUsed += amount;
    else this.usage.companyCreditsUsed += amount;
  }

  /** Counts the call against the global ceiling and its family's windows; refuses it when any is full. */
  admit(family: RateFamily | undefined): RateVerdict {
    this.usage.requests += 1;
    const limits: [string, number, number][] = [['global:second', this.settings.requestsPerSecond, WINDOW_MS.second]];
    if (family) limits.push([`${family}:minute`, this.settings.perMinute[family], WINDOW_MS.minute], [`${family}:hour`, this.settings.perHour[family], WINDOW_MS.hour]);
    const at = this.now();
    const windows = limits.map(([key, limit, length]) => ({ window: this.window(key, length, at), limit, length }));
    const full = windows.find(({ window, limit }) => window.used >= limit);
    if (full) {
      this.usage.rateLimited += 1;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((full.window.start + full.length - at) / 1_000)) };
    }
    for (const { window } of windows) window.used += 1;
    return { allowed: true, retryAfterSeconds: 0 };
  }

  /** Windows used so far, for the account endpoint's `rate_limits`. */
  windowUse(family: RateFamily, span: 'minute' | 'hour'): number {
    return this.window(`${family}:${span}`, WINDOW_MS[span], this.now()).used;
  }

  private window(key: string, length: number, at: number): Window {
    const start = Math.floor(at / length) * length;
    let window = this.windows.get(key);
    if (!window || window.start !== start) {
      window = { start, used: 0 };
      this.windows.set(key, window);
    }
    return window;
  }
}
