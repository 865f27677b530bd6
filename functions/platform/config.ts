import { z } from 'zod';

/**
 * The only reader of `process.env` in functions/. Parsed once, at first use, so a cold start
 * fails fast and names the missing variable instead of failing later inside an SDK call.
 *
 * Every function receives the same names (resource names are not secrets; IAM decides what a
 * function may do with them). The names are declared in lib/topology.ts (`envNames`).
 */
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
  /** Path-style S3 addressing: S3-compatible endpoints (the local emulator) have no virtual-host DNS. */
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type Config = z.infer<typeof configSchema>;

let cached: Config | undefined;

export function config(): Config {
  if (cached) return cached;
  const parsed = configSchema.safeParse(process.env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`Invalid function environment: ${names}`);
  }
  cached = parsed.data;
  return cached;
}
