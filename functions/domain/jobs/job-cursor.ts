import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';

export const JOB_SK_PREFIX = 'JOB#';

const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const cursorSchema = z.strictObject({
  v: z.literal(1),
  w: z.string().min(1).max(128),
  k: z.string().regex(new RegExp(`^${JOB_SK_PREFIX}[0-9a-f-]{36}$`)),
});

const invalidCursor = (): AppError =>
  new AppError('ERR_VALIDATION', 'Invalid cursor: pass the next_cursor of a previous page unchanged', [
    { path: 'cursor', message: 'Unknown or malformed cursor' },
  ]);

/** `true` for the ids this service issues (UUID v7, lowercase): anything else is simply not found. */
export const isJobId = (value: string): boolean => JOB_ID.test(value);

/**
 * An opaque list position. It names its workspace so that a cursor copied from another
 * workspace is refused rather than read as a position in the caller's own jobs.
 */
export function encodeJobCursor(workspaceId: string, sortKey: string): string {
  return Buffer.from(JSON.stringify({ v: 1, w: workspaceId, k: sortKey })).toString('base64url');
}

/** The sort key a page starts after; ERR_VALIDATION naming `cursor` for anything else. */
export function decodeJobCursor(cursor: string, workspaceId: string): string {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const parsed = cursorSchema.safeParse(raw);
  if (!parsed.success || parsed.data.w !== workspaceId) throw invalidCursor();
  return parsed.data.k;
}
