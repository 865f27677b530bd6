/**
 * AbortMultipartUpload (`DELETE /<bucket>/<key>?uploadId=`), which s3rver routes to "method not
 * allowed". Its router still authenticates the request and checks the bucket first, so this
 * middleware lets it run and, when the only complaint is that missing method, drops the
 * upload's parts itself, answering as S3 does: 204, or 404 NoSuchUpload.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';

export interface AbortContext {
  method: string;
  query: Record<string, string | string[] | undefined>;
  params?: { bucket?: string; key?: string };
  status: number;
  body: unknown;
}

interface MultipartStore {
  getResourcePath(bucket: string, key: string | undefined, resource: string): string;
}

type S3ErrorClass = new (code: string, message: string) => Error;
const S3Error = createRequire(import.meta.url)('@20minutes/s3rver/lib/models/error') as S3ErrorClass;

export const abortMultipartUploads =
  (store: MultipartStore) =>
  async (ctx: AbortContext, next: () => Promise<void>): Promise<void> => {
    try {
      await next();
    } catch (error) {
      const uploadId = ctx.query.uploadId;
      const { bucket, key } = ctx.params ?? {};
      const isAbort = ctx.method === 'DELETE' && typeof uploadId === 'string' && bucket && key;
      if (!isAbort || (error as { code?: string }).code !== 'MethodNotAllowed') throw error;
      // Upload ids are s3rver's hex strings; anything else cannot name a directory of ours.
      const dir = /^[0-9a-f]+$/.test(uploadId) ? path.join(store.getResourcePath(bucket, undefined, 'uploads'), uploadId) : undefined;
      const ownKey = dir ? await readFile(path.join(dir, 'key'), 'utf8').catch(() => undefined) : undefined;
      if (!dir || ownKey !== key) {
        throw new S3Error('NoSuchUpload', 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.');
      }
      await rm(dir, { recursive: true, force: true });
      ctx.status = 204;
      ctx.body = '';
    }
  };
