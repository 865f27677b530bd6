import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode } from '../../platform/errors.ts';

const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** The one error body (functions/platform/http/responses.ts `errorResponse`), as a schema for the docs. */
export const errorEnvelopeSchema = z
  .object({
    success: z.literal(false),
    error: z.object({
      code: z.enum(ERROR_CODES).describe('Stable code a client can branch on; the HTTP status belongs to it'),
      message: z.string().describe('Human-readable; may change between releases'),
      details: z.array(
        z.object({
          path: z.string().describe('Where the problem is in the request, e.g. `where.range_query.must.city` or `[3].email`'),
          message: z.string(),
          index: z.number().int().optional().describe('For batches: the offending row'),
        }),
      ),
    }),
  })
  .describe('Every error answer has this shape.');

/** The codes a status can carry, for the description of each error response. */
export function codesForStatus(status: number): ErrorCode[] {
  return ERROR_CODES.filter((code) => ERROR_STATUS[code] === status);
}

/** Errors any route can answer, whatever its contract says. */
export const COMMON_ERROR_STATUSES = [500] as const;
/** Errors every authorized route can answer. */
export const AUTHORIZED_ERROR_STATUSES = [401] as const;
/** Errors a route with a JSON body can answer: validation, malformed JSON, wrong content type. */
export const BODY_ERROR_STATUSES = [400, 415] as const;
/** Errors a route with path, query or header inputs can answer. */
export const INPUT_ERROR_STATUSES = [400] as const;
