import { z } from 'zod';
import { parseOutboundConfig, type OutboundConfig } from './outbound-config.ts';

/**
 * The only reader of `process.env` in functions/. Parsed once, at first use, so a cold start
 * fails fast and names the missing variable instead of failing later inside an SDK call.
 *
 * Every function receives the same names (resource names are not secrets; IAM decides what a
 * function may do with them). The names are declared in lib/topology.ts (`envNames`).
 */
/** Live API keys one user may hold unless MAX_API_KEYS_PER_USER says otherwise. */
export const DEFAULT_MAX_API_KEYS_PER_USER = 10;
/** A day: websites change slowly, and a UI asking again within it costs no crawl. */
export const DEFAULT_LOOKUP_CACHE_TTL_SECONDS = 24 * 60 * 60;

/** Lookups: the seed's cache TTLs, an alert below 100 credits, 200 provider lookups per user and hour, 8 s of polling. */
export const DEFAULT_PROVIDER_LOOKUP_TTL_SECONDS = 3600;
export const DEFAULT_PROVIDER_SEARCH_TTL_SECONDS = 1800;
export const DEFAULT_PROVIDER_ACCOUNT_TTL_SECONDS = 300;
export const DEFAULT_LOW_CREDIT_THRESHOLD = 100;
export const DEFAULT_USER_LOOKUPS_PER_HOUR = 200;
export const DEFAULT_STATUS_POLL_BUDGET_MS = 8000;
/** A quarter: one earnings cycle of 8-Ks. */
export const DEFAULT_SIGNALS_LOOKBACK_DAYS = 90;

const configSchema = z.object({
  AWS_REGION: z.string().min(1).default('us-east-1'),
  RECORDS_TABLE_NAME: z.string().min(1),
  CONTROL_TABLE_NAME: z.string().min(1),
  UPLOAD_EVENTS_QUEUE_URL: z.string().min(1).optional(),
  JOBS_QUEUE_URL: z.string().min(1).optional(),
  UPLOADS_BUCKET_NAME: z.string().min(1).optional(),
  SEARCH_ENDPOINT: z.url(),
  WS_MANAGEMENT_ENDPOINT: z.url().optional(),
  // Accounts: the HS256 key of access tokens (only functions that sign or verify
  // them receive it), the sender of account mail, and the frontend page a reset link opens.
  AUTH_TOKEN_SECRET: z.string().min(32).optional(),
  MAIL_FROM: z.string().min(3).default('leadstack <no-reply@leadstack.invalid>'),
  PASSWORD_RESET_URL: z.url().default('http://localhost:5173/reset-password'),
  MAX_API_KEYS_PER_USER: z.coerce.number().int().min(1).max(1000).default(DEFAULT_MAX_API_KEYS_PER_USER),
  /** Path-style S3 addressing: S3-compatible endpoints (the local emulator) have no virtual-host DNS. */
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * Website enrichment: a directory of fingerprint files in the webappanalyzer layout (an
   * operator's full third-party set). Unset means leadstack's own set, which ships bundled.
   */
  ENRICHMENT_FINGERPRINTS_DIR: z.string().min(1).optional(),
  /** The per-site tasks of enrich_websites jobs (lib/topology/enrichment.ts). */
  SITE_TASKS_QUEUE_URL: z.string().min(1).optional(),
  /** How long a one-site website lookup is answered from the workspace's cache. */
  /** The per-page tasks of apollo_collection jobs (lib/topology/apollo-collections.ts). */
  APOLLO_PAGES_QUEUE_URL: z.string().min(1).optional(),
  ENRICHMENT_LOOKUP_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(30 * 24 * 3600).default(DEFAULT_LOOKUP_CACHE_TTL_SECONDS),
  // ---- billing: Razorpay credentials. The key id is not secret; the key secret and the webhook
  // secret reach only the billing functions (topology `secrets`), from Secrets Manager on AWS.
  RAZORPAY_KEY_ID: z.string().min(1).optional(),
  RAZORPAY_KEY_SECRET: z.string().min(1).optional(),
  RAZORPAY_WEBHOOK_SECRET: z.string().min(1).optional(),
  // ---- Apollo collection: the key that encrypts workspaces' Apollo sessions and API keys at rest
  // (topology `secrets: ['apolloCredentials']`; from Secrets Manager on AWS, the data dir locally).
  APOLLO_CREDENTIALS_KEY: z.string().min(32).optional(),
  // ---- lookups (RocketReach): cache TTLs (the seed's 1 h / 30 min / 5 min), the deployment-wide
  // default key (a workspace's own key, set through the key route, wins), the low-credit alert
  // threshold, each user's lookups per hour, and how long a request polls a running lookup.
  LOOKUP_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(30 * 24 * 3600).default(DEFAULT_PROVIDER_LOOKUP_TTL_SECONDS),
  LOOKUP_SEARCH_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(30 * 24 * 3600).default(DEFAULT_PROVIDER_SEARCH_TTL_SECONDS),
  LOOKUP_ACCOUNT_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(24 * 3600).default(DEFAULT_PROVIDER_ACCOUNT_TTL_SECONDS),
  ROCKETREACH_DEFAULT_API_KEY: z.string().min(1).optional(),
  /** Seals workspaces' provider keys; only the lookup functions receive it (topology `secrets`). */
  PROVIDER_KEY_SEALING_SECRET: z.string().min(32).optional(),
  LOOKUP_LOW_CREDIT_THRESHOLD: z.coerce.number().int().min(0).default(DEFAULT_LOW_CREDIT_THRESHOLD),
  LOOKUP_USER_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(DEFAULT_USER_LOOKUPS_PER_HOUR),
  LOOKUP_STATUS_POLL_BUDGET_MS: z.coerce.number().int().min(0).max(20_000).default(DEFAULT_STATUS_POLL_BUDGET_MS),
  /** The secret of the webhook registered in RocketReach's API settings (topology `secrets: ['rocketreachWebhookSecret']`); unset, every delivery is refused. */
  ROCKETREACH_WEBHOOK_SECRET: z.string().min(1).optional(),
  // ---- SEC EDGAR (signal monitoring). Fair access wants a contact in every User-Agent: unset,
  // the EDGAR adapter refuses to call. The archives host (www.sec.gov on AWS, beside
  // data.sec.gov) is optional: unset, every path goes to PROVIDER_EDGAR_BASE_URL, except that the
  // default data.sec.gov keeps its real sibling www.sec.gov (functions/adapters/edgar).
  EDGAR_CONTACT_EMAIL: z.email().optional(),
  EDGAR_ARCHIVES_BASE_URL: z.url().optional(),
  /** How far back a first check looks when a monitoring request names no `since`. */
  SIGNALS_DEFAULT_LOOKBACK_DAYS: z.coerce.number().int().min(1).max(3650).default(DEFAULT_SIGNALS_LOOKBACK_DAYS),
  // ---- onboarding research: a ticker match below this confidence is no match; a customer this
  // large (employees, from its record) is enterprise without a ticker.
  RESEARCH_TICKER_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.8),
  RESEARCH_ENTERPRISE_MIN_EMPLOYEES: z.coerce.number().int().min(1).default(1000),
  // ---- optional chat model (provider `llm`, an OpenAI-compatible chat-completions API; its base
  // URL is PROVIDER_LLM_BASE_URL). Off unless LLM_MODEL is set. The key is never logged.
  LLM_MODEL: z.string().min(1).max(200).optional(),
  LLM_API_KEY: z.string().min(1).optional(),
});

/** Outbound calls (providers, SSRF allowances, crawler identity) are parsed by their own module. */
export type Config = z.infer<typeof configSchema> & { readonly outbound: OutboundConfig };

let cached: Config | undefined;

export function config(): Config {
  if (cached) return cached;
  const parsed = configSchema.safeParse(process.env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`Invalid function environment: ${names}`);
  }
  let outbound: OutboundConfig;
  try {
    outbound = parseOutboundConfig(process.env);
  } catch (error) {
    throw new Error(`Invalid function environment: ${(error as Error).message}`, { cause: error });
  }
  cached = { ...parsed.data, outbound };
  return cached;
}

/** Makes the next `config()` parse the environment again (see functions/platform/process-state.ts). */
export function forgetConfig(): void {
  cached = undefined;
}
