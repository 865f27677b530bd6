import { z } from 'zod';
import { MAX_PART_NUMBER, MAX_PART_URLS_PER_REQUEST } from './limits.ts';

/**
 * Request and response shapes of the upload routes: the handlers validate with these and the
 * route contracts (OpenAPI) publish them. Limits on size and type are checked after parsing so
 * they can carry their own error codes (ERR_FILE_TOO_LARGE, ERR_UNSUPPORTED_MEDIA_TYPE).
 */

const filename = z.string().trim().min(1).max(1024);
const contentType = z.string().trim().min(1).max(255);
const s3Key = z.string().min(1).max(1024);
const uploadId = z.string().min(1).max(1024);
const partNumber = z.int().min(1).max(MAX_PART_NUMBER);

export const newUploadSchema = z.strictObject({
  filename,
  /** Defaults to text/csv; the client must then send exactly this Content-Type. */
  content_type: contentType.optional(),
  /** Bytes. */
  size: z.int().min(1),
});
export type NewUploadRequest = z.output<typeof newUploadSchema>;

export const multipartPartsSchema = z.strictObject({
  s3_key: s3Key,
  upload_id: uploadId,
  part_numbers: z.array(partNumber).min(1).max(MAX_PART_URLS_PER_REQUEST),
});
export type MultipartPartsRequest = z.output<typeof multipartPartsSchema>;

export const multipartCompleteSchema = z.strictObject({
  s3_key: s3Key,
  upload_id: uploadId,
  parts: z
    .array(z.strictObject({ part_number: partNumber, etag: z.string().min(1).max(256) }))
    .min(1)
    .max(MAX_PART_NUMBER),
});
export type MultipartCompleteRequest = z.output<typeof multipartCompleteSchema>;

export const multipartAbortSchema = z.strictObject({ s3_key: s3Key, upload_id: uploadId });
export type MultipartAbortRequest = z.output<typeof multipartAbortSchema>;

export const uploadTicketSchema = z.object({
  success: z.literal(true),
  s3_key: z.string(),
  upload_url: z.string().describe('Presigned PUT URL: send the file as the body with exactly `headers`.'),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  post: z
    .object({ url: z.string(), fields: z.record(z.string(), z.string()) })
    .describe('Presigned browser form POST: send `fields` then the `file` field (multipart/form-data).'),
  expires_in: z.int().describe('Seconds the URLs stay valid.'),
  max_size: z.int(),
});

export const multipartStartedSchema = z.object({
  success: z.literal(true),
  s3_key: z.string(),
  upload_id: z.string(),
  part_size: z.int().describe('Bytes per part (every part but the last must be at least 5 MiB).'),
  part_count: z.int(),
});

export const multipartPartUrlsSchema = z.object({
  success: z.literal(true),
  parts: z.array(z.object({ part_number: z.int(), url: z.string() })),
  expires_in: z.int(),
});

export const multipartCompletedSchema = z.object({
  success: z.literal(true),
  s3_key: z.string(),
  etag: z.string(),
  size: z.int(),
});

export const multipartAbortedSchema = z.object({ success: z.literal(true), aborted: z.literal(true) });
