/**
 * Multipart uploads the way S3 treats their ids, where s3rver does not:
 * - AbortMultipartUpload (`DELETE /<bucket>/<key>?uploadId=`) is routed by s3rver to "method not
 *   allowed". Its router still authenticates the request and checks the bucket first, so this
 *   middleware lets it run and, when the only complaint is that method, drops the parts itself
 *   (204, as S3 answers).
 * - An unknown, completed or aborted upload id (or one started for another key) is 404
 *   NoSuchUpload for UploadPart, Complete and Abort. s3rver would store the part anyway, or
 *   fail the completion with a 500. This check runs before s3rver's signature check, so an
 *   unsigned request naming an unknown upload gets 404 where S3 says 403.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';

export interface MultipartContext {
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  status: number;
  body: unknown;
}

interface MultipartStore {
  getResourcePath(bucket: string, key: string | undefined, resource: string): string;
}

type S3ErrorClass = new (code: string, message: string) => Error;
const S3Error = createRequire(import.meta.url)('@20minutes/s3rver/lib/models/error') as S3ErrorClass;

const noSuchUpload = () =>
  new S3Error('NoSuchUpload', 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.');

/** Path-style `/<bucket>/<key...>`, decoded as s3rver's router decodes it. */
function bucketAndKey(requestPath: string): { bucket: string; key: string } | undefined {
  const [bucket, ...rest] = requestPath.slice(1).split('/').map((segment) => decodeURIComponent(segment));
  return bucket && rest.length > 0 ? { bucket, key: rest.join('/') } : undefined;
}

export const multipartUploads =
  (store: MultipartStore) =>
  async (ctx: MultipartContext, next: () => Promise<void>): Promise<void> => {
    const uploadId = ctx.query.uploadId;
    const target = bucketAndKey(ctx.path);
    if (typeof uploadId !== 'string' || !target || !['PUT', 'POST', 'DELETE'].includes(ctx.method)) return next();
    // s3rver's upload ids are hex; anything else cannot name one of its directories.
    const dir = /^[0-9a-f]+$/.test(uploadId) ? path.join(store.getResourcePath(target.bucket, undefined, 'uploads'), uploadId) : undefined;
    const ownKey = dir ? await readFile(path.join(dir, 'key'), 'utf8').catch(() => undefined) : undefined;
    if (!dir || ownKey !== target.key) throw noSuchUpload();
    try {
      await next();
    } catch (error) {
      if (ctx.method !== 'DELETE' || (error as { code?: string }).code !== 'MethodNotAllowed') throw error;
      await rm(dir, { recursive: true, force: true });
      ctx.status = 204;
      ctx.body = '';
    }
  };
