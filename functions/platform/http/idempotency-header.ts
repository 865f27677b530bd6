import { z } from 'zod';

/** How long an answer is replayed for its key; after that the key creates again. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Visible ASCII; 255 characters bound what is hashed and stored per key. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * The header as the creating routes' contracts document it. Kept apart from the middleware so
 * the OpenAPI document does not pull the idempotency library into its bundle.
 */
export const idempotencyHeadersSchema = z.object({
  [IDEMPOTENCY_HEADER]: z
    .string()
    .regex(IDEMPOTENCY_KEY_PATTERN)
    .optional()
    .describe(
      `Any unique value (a UUID) to make retries safe: the same key and body answer the first answer again for ${IDEMPOTENCY_TTL_SECONDS / 3600} h ` +
        'instead of creating twice. Scoped to the route, workspace and caller. Another body with the same key is 409 ERR_IDEMPOTENCY_KEY_REUSED; ' +
        'a retry while the first request still runs is 409 ERR_IDEMPOTENCY_IN_PROGRESS. Error answers are not kept.',
    ),
});

export const IDEMPOTENCY_CONFLICT = 'Idempotency-Key used with another body, or its first request still running';
