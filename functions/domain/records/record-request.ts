import { z } from 'zod';

/** `/v1/{companies,contacts}/{uuid}`: the path of one record. */
export const recordParamsSchema = z.object({
  uuid: z
    .uuid({ message: 'Not a UUID' })
    .transform((value) => value.toLowerCase())
    .describe('The record uuid'),
});

// A strong ETag ("3"), its weak form (W/"3"), a bare version (3) or * (any live version).
const IF_MATCH = /^(?:\*|(?:W\/)?"?(\d{1,15})"?)$/;

/** Request headers of a conditional write (PATCH, DELETE). */
export const conditionalWriteHeadersSchema = z.object({
  'if-match': z
    .string()
    .trim()
    .regex(IF_MATCH, { message: 'Expected the record version, as returned in its ETag: "3"' })
    .optional()
    .describe('Write only if the record is still at this version (its ETag); a stale version gets 409 ERR_CONFLICT'),
});

/** The version an If-Match asks for; undefined for none or `*` (any live version). */
export function expectedVersionOf(ifMatch: string | undefined): number | undefined {
  const version = ifMatch === undefined ? undefined : IF_MATCH.exec(ifMatch)?.[1];
  return version === undefined ? undefined : Number(version);
}

/** The ETag of a record version: strong, quoted, as RFC 9110 wants. */
export const etagOf = (version: number): string => `"${version}"`;
