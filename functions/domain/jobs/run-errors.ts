import { AppError, ERROR_STATUS, type ErrorCode } from '../../platform/errors.ts';
import type { JobError } from './job.ts';

/** Longest error text kept on a job (and sent to clients). */
export const MAX_JOB_ERROR_MESSAGE_LENGTH = 1_000;

const isKnownCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(ERROR_STATUS, code);

/** An AppError, or one built in another copy of the module (same name and a known code). */
const asAppError = (error: unknown): { code: ErrorCode; message: string } | undefined => {
  if (error instanceof AppError) return error;
  const candidate = error as { name?: unknown; code?: unknown; message?: unknown } | null;
  if (candidate?.name === 'AppError' && isKnownCode(candidate.code)) return { code: candidate.code, message: String(candidate.message ?? '') };
  return undefined;
};

/**
 * A failure of the job's own input (an empty file, a binary file, a bad column map): a 4xx
 * AppError. Retrying cannot help, so the job fails at once. Anything else is transient.
 */
/** Client-range codes that say nothing about the job's input: a retry can succeed. */
const TRANSIENT_CODES: ReadonlySet<string> = new Set(['ERR_RATE_LIMITED']);

export function isJobInputError(error: unknown): boolean {
  const app = asAppError(error);
  // A provider's rate limit is a 429 to an HTTP caller, but to a job it only says "later": retried.
  return app !== undefined && ERROR_STATUS[app.code] < 500 && !TRANSIENT_CODES.has(app.code);
}

/**
 * What the job (and its subscribers) are told. An AppError's message is written for clients;
 * any other error's text may name internals, so only its kind is shown (the log has the rest).
 */
export function describeRunError(error: unknown): JobError {
  const app = asAppError(error);
  if (app) return { code: app.code, message: app.message.slice(0, MAX_JOB_ERROR_MESSAGE_LENGTH) };
  const name = error instanceof Error ? error.name : typeof error;
  return { code: 'ERR_INTERNAL', message: `The run failed unexpectedly (${name.slice(0, 100)})` };
}
