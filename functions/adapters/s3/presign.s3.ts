import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { DownloadLinks } from '../../domain/exports/export-ports.ts';
import type { CompletedPart, PresignedPost, PresignedPut, UploadPresigner } from '../../domain/uploads/upload-ports.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * User metadata (`x-amz-meta-declared-size`) set when a multipart upload starts: the assembled
 * object carries it, so completion can compare what arrived with what the client declared
 * without a table of its own.
 */
const DECLARED_SIZE_METADATA = 'declared-size';

/** S3 answers that are the client's doing (a wrong upload id or ETag), not ours. */
function clientFault(error: unknown): AppError | undefined {
  const name = (error as { name?: string }).name;
  if (name === 'NoSuchUpload') return new AppError('ERR_NOT_FOUND', 'No such multipart upload (completed, aborted or never started)', [{ path: 'upload_id', message: 'Unknown upload' }], { cause: error });
  if (name === 'InvalidPart' || name === 'InvalidPartOrder' || name === 'EntityTooSmall') {
    return new AppError('ERR_VALIDATION', `S3 refused the parts: ${name}`, [{ path: 'parts', message: (error as Error).message || name }], { cause: error });
  }
  return undefined;
}

async function translated<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw clientFault(error) ?? error;
  }
}

/**
 * Presigned S3 access for browsers: the client gets a URL bound to one key, method, type and
 * (for PUT) length, and talks to S3 directly; the API never carries the bytes.
 */
export class S3UploadPresigner implements UploadPresigner {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async presignPut(key: string, contentType: string, size: number, expiresIn: number): Promise<PresignedPut> {
    const command = new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: contentType, ContentLength: size });
    // Signing both headers makes S3 refuse any other type or length (SignatureDoesNotMatch).
    const url = await getSignedUrl(this.client, command, { expiresIn, signableHeaders: new Set(['content-type', 'content-length']) });
    return { url, headers: { 'content-type': contentType } };
  }

  async presignPost(key: string, contentType: string, maxSize: number, expiresIn: number): Promise<PresignedPost> {
    const { url, fields } = await createPresignedPost(this.client, {
      Bucket: this.bucket,
      Key: key,
      Conditions: [
        ['content-length-range', 1, maxSize],
        ['eq', '$Content-Type', contentType],
      ],
      Fields: { 'Content-Type': contentType },
      Expires: expiresIn,
    });
    return { url, fields };
  }

  async startMultipart(key: string, contentType: string, declaredSize: number): Promise<string> {
    const out = await this.client.send(
      new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: key, ContentType: contentType, Metadata: { [DECLARED_SIZE_METADATA]: String(declaredSize) } }),
    );
    if (!out.UploadId) throw new Error('S3 returned no UploadId');
    return out.UploadId;
  }

  presignPart(key: string, uploadId: string, partNumber: number, expiresIn: number): Promise<string> {
    return getSignedUrl(this.client, new UploadPartCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId, PartNumber: partNumber }), { expiresIn });
  }

  async completeMultipart(key: string, uploadId: string, parts: readonly CompletedPart[]): Promise<{ etag: string; size: number; declaredSize: number | undefined }> {
    const out = await translated(
      this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: this.bucket,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) },
        }),
      ),
    );
    const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
    const declared = Number(head.Metadata?.[DECLARED_SIZE_METADATA]);
    return { etag: out.ETag ?? head.ETag ?? '', size: head.ContentLength ?? 0, declaredSize: Number.isSafeInteger(declared) ? declared : undefined };
  }

  async abortMultipart(key: string, uploadId: string): Promise<void> {
    await translated(this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId })));
  }

  async deleteObject(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

}

/** Short-lived GET links for exported files (functions/domain/exports/export-download.ts). */
export class S3DownloadLinks implements DownloadLinks {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  /** The response headers are signed too: the browser saves the file under `filename`, with its type. */
  presignDownload(key: string, filename: string, contentType: string, expiresIn: number): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: `attachment; filename="${filename}"`,
      ResponseContentType: contentType,
    });
    return getSignedUrl(this.client, command, { expiresIn });
  }
}
