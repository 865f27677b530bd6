/** Upload limits: one place for each, so the routes, the presigned policies and the docs agree. */

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** Largest file one presigned PUT or POST may carry; bigger files go through multipart. */
export const MAX_SINGLE_UPLOAD_BYTES = 100 * MiB;
/** Largest file a multipart upload may assemble (checked again when it is completed). */
export const MAX_MULTIPART_UPLOAD_BYTES = 5 * GiB;
/** S3 refuses a part under 5 MiB unless it is the last one. */
export const MIN_PART_BYTES = 5 * MiB;
/** The part size we advise clients to cut files into. */
export const RECOMMENDED_PART_BYTES = 8 * MiB;
/** S3's ceiling on the number of parts of one upload. */
export const MAX_PART_NUMBER = 10_000;
/** Part URLs one request may ask for; a client asks again for the next batch. */
export const MAX_PART_URLS_PER_REQUEST = 100;
/** How long a presigned single-upload URL (PUT or POST) stays valid. */
export const UPLOAD_URL_TTL_SECONDS = 15 * 60;
/** How long a presigned part URL stays valid: a slow connection uploads 100 parts within it. */
export const PART_URL_TTL_SECONDS = 60 * 60;
/** Longest file name kept in a key (after sanitising). */
export const MAX_FILENAME_LENGTH = 200;

/**
 * What may be uploaded: the CSV files the import reads. Browsers label a .csv differently by
 * platform (Windows with Excel installed says application/vnd.ms-excel), so all of these pass.
 */
export const ALLOWED_UPLOAD_CONTENT_TYPES = [
  'text/csv',
  'application/csv',
  'text/plain',
  'text/tab-separated-values',
  'application/vnd.ms-excel',
] as const;
export type UploadContentType = (typeof ALLOWED_UPLOAD_CONTENT_TYPES)[number];

export const ALLOWED_UPLOAD_EXTENSIONS = ['.csv', '.tsv', '.txt'] as const;
