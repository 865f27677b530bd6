import { Readable } from 'node:stream';
import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client, type _Object } from '@aws-sdk/client-s3';
import type { ErrorReportStore } from '../../ports/imports.port.ts';

/** Keys DeleteObjects accepts per call. */
const DELETE_BATCH = 1000;

/**
 * Import error reports in the uploads bucket: small parts as batches commit, then one object
 * streamed from the parts (never held whole: its length is known from the listing).
 */
export class S3ErrorReportStore implements ErrorReportStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async writePart(key: string, csv: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: csv, ContentType: 'text/csv; charset=utf-8' }));
  }

  private async listParts(prefix: string): Promise<_Object[]> {
    const parts: _Object[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
      parts.push(...(page.Contents ?? []));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return parts.sort((a, b) => (a.Key ?? '').localeCompare(b.Key ?? ''));
  }

  async assemble(partsPrefix: string, key: string, header: string): Promise<number> {
    const parts = await this.listParts(partsPrefix);
    if (parts.length === 0) return 0;
    const client = this.client;
    const bucket = this.bucket;
    async function* joined(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(header);
      for (const part of parts) {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: part.Key }));
        yield* out.Body as AsyncIterable<Uint8Array>;
      }
    }
    const length = Buffer.byteLength(header) + parts.reduce((sum, p) => sum + (p.Size ?? 0), 0);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: Readable.from(joined()),
        ContentLength: length,
        ContentType: 'text/csv; charset=utf-8',
        ContentDisposition: 'attachment; filename="import-errors.csv"',
      }),
    );
    return parts.length;
  }

  async removeParts(partsPrefix: string): Promise<void> {
    const parts = await this.listParts(partsPrefix);
    for (let at = 0; at < parts.length; at += DELETE_BATCH) {
      const Objects = parts.slice(at, at + DELETE_BATCH).map((p) => ({ Key: p.Key }));
      await this.client.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects, Quiet: true } }));
    }
  }
}
