import {
  ALLOWED_UPLOAD_CONTENT_TYPES,
  MAX_MULTIPART_UPLOAD_BYTES,
  MAX_PART_URLS_PER_REQUEST,
  MAX_SINGLE_UPLOAD_BYTES,
  PART_URL_TTL_SECONDS,
  UPLOAD_URL_TTL_SECONDS,
} from '../../domain/uploads/limits.ts';
import {
  multipartAbortedSchema,
  multipartAbortSchema,
  multipartCompletedSchema,
  multipartCompleteSchema,
  multipartPartsSchema,
  multipartPartUrlsSchema,
  multipartStartedSchema,
  newUploadSchema,
  uploadTicketSchema,
} from '../../domain/uploads/upload-schemas.ts';
import { defineContracts } from '../../platform/http/route-contract.ts';
import { IDEMPOTENCY_CONFLICT, idempotencyHeadersSchema } from '../../platform/http/idempotency-header.ts';

const TAG = 'uploads';
const TYPES = ALLOWED_UPLOAD_CONTENT_TYPES.join(', ');
const KEY_CHECK = '`s3_key` must be one returned to this workspace (`workspaces/<yours>/uploads/...`), else 403 ERR_FORBIDDEN.';

export const uploadsContracts = defineContracts([
  {
    method: 'POST',
    path: '/v1/uploads',
    summary: 'Presigned URLs to upload one file straight to S3',
    description:
      `Returns a PUT URL (send the file as the body with exactly \`headers\`; its length must equal \`size\`) and, for HTML forms, ` +
      `a POST URL with policy \`fields\` (length 1..\`size\`). Both expire after ${UPLOAD_URL_TTL_SECONDS} s. ` +
      `Files up to ${MAX_SINGLE_UPLOAD_BYTES} bytes; types ${TYPES}. Pass the returned \`s3_key\` to an \`insert_csv_file\` job.`,
    tag: TAG,
    body: newUploadSchema,
    headers: idempotencyHeadersSchema,
    responses: {
      201: { description: 'The URLs and the key the file will have', body: uploadTicketSchema },
      409: { description: IDEMPOTENCY_CONFLICT },
      400: { description: 'ERR_MISSING_FILENAME, or ERR_VALIDATION naming the field' },
      413: { description: `ERR_FILE_TOO_LARGE: size over ${MAX_SINGLE_UPLOAD_BYTES}` },
      415: { description: 'ERR_UNSUPPORTED_MEDIA_TYPE: content_type or file extension not importable' },
    },
  },
  {
    method: 'POST',
    path: '/v1/uploads/multipart',
    summary: 'Start a multipart (chunked) upload',
    description: `For files up to ${MAX_MULTIPART_UPLOAD_BYTES} bytes. Cut the file into \`part_count\` parts of \`part_size\` bytes (the last may be smaller), then ask for part URLs.`,
    tag: TAG,
    body: newUploadSchema,
    headers: idempotencyHeadersSchema,
    responses: {
      201: { description: 'The upload id and the key', body: multipartStartedSchema },
      409: { description: IDEMPOTENCY_CONFLICT },
      400: { description: 'ERR_MISSING_FILENAME, or ERR_VALIDATION naming the field' },
      413: { description: 'ERR_FILE_TOO_LARGE' },
      415: { description: 'ERR_UNSUPPORTED_MEDIA_TYPE' },
    },
  },
  {
    method: 'POST',
    path: '/v1/uploads/multipart/parts',
    summary: 'Presigned URLs for parts of a multipart upload',
    description: `PUT each part's bytes to its URL and keep the \`ETag\` response header. At most ${MAX_PART_URLS_PER_REQUEST} part numbers per call; URLs expire after ${PART_URL_TTL_SECONDS} s. ${KEY_CHECK}`,
    tag: TAG,
    body: multipartPartsSchema,
    responses: {
      200: { description: 'One URL per part number', body: multipartPartUrlsSchema },
      400: { description: 'ERR_VALIDATION naming the field' },
      403: { description: 'ERR_FORBIDDEN: not this workspace\'s key' },
    },
  },
  {
    method: 'POST',
    path: '/v1/uploads/multipart/complete',
    summary: 'Complete a multipart upload with the parts\' ETags',
    description: `Parts may be listed in any order. Every part but the last must be at least 5 MiB. ${KEY_CHECK}`,
    tag: TAG,
    body: multipartCompleteSchema,
    responses: {
      200: { description: 'The assembled object', body: multipartCompletedSchema },
      400: { description: 'ERR_VALIDATION: duplicate, missing or too small parts, or a wrong ETag' },
      403: { description: 'ERR_FORBIDDEN: not this workspace\'s key' },
      404: { description: 'ERR_NOT_FOUND: no such upload (already completed or aborted)' },
      413: { description: `ERR_FILE_TOO_LARGE: over ${MAX_MULTIPART_UPLOAD_BYTES} bytes in all (the object is deleted)` },
    },
  },
  {
    method: 'POST',
    path: '/v1/uploads/multipart/abort',
    summary: 'Abort a multipart upload and drop its parts',
    tag: TAG,
    body: multipartAbortSchema,
    responses: {
      200: { description: 'Aborted', body: multipartAbortedSchema },
      403: { description: 'ERR_FORBIDDEN: not this workspace\'s key' },
      404: { description: 'ERR_NOT_FOUND: no such upload' },
    },
  },
]);
