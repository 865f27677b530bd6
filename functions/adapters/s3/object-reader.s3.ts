import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ObjectSource, OpenedObject } from '../../ports/imports.port.ts';

const errorName = (error: unknown): string => (error as { name?: string }).name ?? '';
const statusOf = (error: unknown): number | undefined => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

async function* nothing(): AsyncGenerator<Uint8Array> {
  // An empty body: a resumed run whose checkpoint is already the end of the object.
}

/** "bytes 100-199/200" → 200 */
const totalOfRange = (contentRange: string | undefined): number | undefined => {
  const total = contentRange?.split('/')[1];
  return total && total !== '*' ? Number(total) : undefined;
};

/**
 * Streams uploaded objects from the uploads bucket, from any byte (a ranged GET), and only
 * while the object still has the ETag a resumed run started with (If-Match): an object
 * overwritten mid-import is reported as changed instead of being read from a stale offset.
 */
export class S3ObjectReader implements ObjectSource {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async open(key: string, fromByte: number, expectedEtag?: string): Promise<OpenedObject> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ...(fromByte > 0 ? { Range: `bytes=${fromByte}-` } : {}),
          ...(expectedEtag ? { IfMatch: expectedEtag } : {}),
        }),
      );
      const totalBytes = totalOfRange(out.ContentRange) ?? (out.ContentLength ?? 0) + fromByte;
      return { status: 'ok', body: (out.Body as AsyncIterable<Uint8Array> | undefined) ?? nothing(), totalBytes, ...(out.ETag ? { etag: out.ETag } : {}) };
    } catch (error) {
      const name = errorName(error);
      if (name === 'NoSuchKey' || name === 'NotFound' || statusOf(error) === 404) return { status: 'missing' };
      if (name === 'PreconditionFailed' || statusOf(error) === 412) return { status: 'changed' };
      // A range starting at the object's end: S3 answers 416, yet there is simply nothing left to read.
      if (name === 'InvalidRange' || statusOf(error) === 416) return this.atEnd(key, fromByte, expectedEtag);
      throw error;
    }
  }

  private async atEnd(key: string, fromByte: number, expectedEtag: string | undefined): Promise<OpenedObject> {
    const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
    if (expectedEtag && head.ETag !== expectedEtag) return { status: 'changed' };
    if ((head.ContentLength ?? 0) !== fromByte) throw new Error(`S3 refused the range from byte ${fromByte} of an object of ${head.ContentLength} bytes`);
    return { status: 'ok', body: nothing(), totalBytes: fromByte, ...(head.ETag ? { etag: head.ETag } : {}) };
  }
}
