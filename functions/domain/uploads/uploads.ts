import { AppError } from '../../platform/errors.ts';
import {
  MAX_MULTIPART_UPLOAD_BYTES,
  MAX_PART_NUMBER,
  MAX_SINGLE_UPLOAD_BYTES,
  MIN_PART_BYTES,
  PART_URL_TTL_SECONDS,
  RECOMMENDED_PART_BYTES,
  UPLOAD_URL_TTL_SECONDS,
} from './limits.ts';
import type { NewUpload } from './new-upload.ts';
import { isOwnUploadKey, newUploadKey } from './upload-key.ts';
import type { UploadPresigner } from './upload-ports.ts';
import type { MultipartAbortRequest, MultipartCompleteRequest, MultipartPartsRequest } from './upload-schemas.ts';

/** Single presigned upload: both a PUT URL and a form POST, for the same fresh key. */
export async function createUpload(presigner: UploadPresigner, workspaceId: string, upload: NewUpload) {
  const key = newUploadKey(workspaceId, upload.filename);
  const [put, post] = await Promise.all([
    presigner.presignPut(key, upload.content_type, upload.size, UPLOAD_URL_TTL_SECONDS),
    presigner.presignPost(key, upload.content_type, upload.size, UPLOAD_URL_TTL_SECONDS),
  ]);
  return {
    s3_key: key,
    upload_url: put.url,
    method: 'PUT' as const,
    headers: { ...put.headers },
    post: { url: post.url, fields: { ...post.fields } },
    expires_in: UPLOAD_URL_TTL_SECONDS,
    max_size: MAX_SINGLE_UPLOAD_BYTES,
  };
}

/** The smallest part size (whole MiB, at least the recommended one) that fits `size` in S3's 10,000 parts. */
export function partSizeFor(size: number): number {
  const MiB = 1024 * 1024;
  const needed = Math.ceil(size / MAX_PART_NUMBER / MiB) * MiB;
  return Math.max(RECOMMENDED_PART_BYTES, MIN_PART_BYTES, needed);
}

export async function startMultipartUpload(presigner: UploadPresigner, workspaceId: string, upload: NewUpload) {
  const key = newUploadKey(workspaceId, upload.filename);
  const uploadId = await presigner.startMultipart(key, upload.content_type, upload.size);
  const partSize = partSizeFor(upload.size);
  return { s3_key: key, upload_id: uploadId, part_size: partSize, part_count: Math.ceil(upload.size / partSize) };
}

/** Every step after init names the key again: it must be one of the caller's own. */
function assertOwnKey(workspaceId: string, key: string): void {
  if (!isOwnUploadKey(workspaceId, key)) {
    throw new AppError('ERR_FORBIDDEN', 's3_key is not an upload of this workspace', [{ path: 's3_key', message: 'Not one of your uploads' }]);
  }
}

export async function presignParts(presigner: UploadPresigner, workspaceId: string, request: MultipartPartsRequest) {
  assertOwnKey(workspaceId, request.s3_key);
  const numbers = [...new Set(request.part_numbers)].sort((a, b) => a - b);
  const parts = await Promise.all(
    numbers.map(async (n) => ({ part_number: n, url: await presigner.presignPart(request.s3_key, request.upload_id, n, PART_URL_TTL_SECONDS) })),
  );
  return { parts, expires_in: PART_URL_TTL_SECONDS };
}

export async function completeMultipartUpload(presigner: UploadPresigner, workspaceId: string, request: MultipartCompleteRequest) {
  assertOwnKey(workspaceId, request.s3_key);
  const numbers = request.parts.map((p) => p.part_number);
  if (new Set(numbers).size !== numbers.length) {
    throw new AppError('ERR_VALIDATION', 'Each part_number may appear once', [{ path: 'parts', message: 'Duplicate part_number' }]);
  }
  // S3 wants the parts in ascending order; clients finishing parts in parallel often do not send them so.
  const parts = [...request.parts].sort((a, b) => a.part_number - b.part_number).map((p) => ({ partNumber: p.part_number, etag: p.etag }));
  const done = await presigner.completeMultipart(request.s3_key, request.upload_id, parts);
  // Part URLs are signed before the bytes exist, so what arrived is measured here, against what
  // the client declared at init (and the ceiling); an object over either is not kept.
  const allowed = Math.min(done.declaredSize ?? MAX_MULTIPART_UPLOAD_BYTES, MAX_MULTIPART_UPLOAD_BYTES);
  if (done.size > allowed) {
    await presigner.deleteObject(request.s3_key);
    const declared = done.declaredSize !== undefined && done.declaredSize <= MAX_MULTIPART_UPLOAD_BYTES;
    throw new AppError('ERR_FILE_TOO_LARGE', `The upload is ${done.size} bytes; ${declared ? `${allowed} were declared when it started` : `at most ${allowed} are kept`}`, [
      { path: 'parts', message: `At most ${allowed} bytes in all` },
    ]);
  }
  return { s3_key: request.s3_key, etag: done.etag, size: done.size };
}

export async function abortMultipartUpload(presigner: UploadPresigner, workspaceId: string, request: MultipartAbortRequest) {
  assertOwnKey(workspaceId, request.s3_key);
  await presigner.abortMultipart(request.s3_key, request.upload_id);
  return { aborted: true as const };
}
