import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
  type CompletedPart,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { ExportFiles, FileSink } from '../../domain/exports/export-ports.ts';
import { EXPORT_PART_BYTES, EXPORT_PART_UPLOADS_IN_FLIGHT } from '../../domain/exports/limits.ts';

/** S3's floor for every part but the last. */
export const S3_MIN_PART_BYTES = 5 * 1024 * 1024;

export interface MultipartWriterOptions {
  /** Bytes per part (at least 5 MiB); default EXPORT_PART_BYTES. */
  readonly partBytes?: number;
  /** Part uploads in flight at once; default EXPORT_PART_UPLOADS_IN_FLIGHT. */
  readonly inFlight?: number;
}

/**
 * A file streamed into S3 as a multipart upload: bytes are gathered into parts of `partBytes`
 * (S3 wants at least 5 MiB for all but the last), each uploaded as soon as it is full, at most
 * `inFlight` at once; `write` waits when that many are under way, so memory stays bounded by
 * (inFlight + 1) parts. The upload starts with the first full part: a file smaller than one
 * part is a single PutObject. On failure, `abort` drops every part uploaded so far.
 */
export class S3MultipartWriter implements FileSink {
  private readonly partBytes: number;
  private readonly inFlight: number;
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  private bytes = 0;
  private uploadId: Promise<string> | undefined;
  private readonly parts: CompletedPart[] = [];
  private nextPartNumber = 1;
  private readonly uploading = new Set<Promise<void>>();
  private failure: unknown;
  private state: 'open' | 'completed' | 'aborted' = 'open';

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly key: string,
    private readonly contentType: string,
    options: MultipartWriterOptions = {},
  ) {
    this.partBytes = options.partBytes ?? EXPORT_PART_BYTES;
    this.inFlight = Math.max(1, options.inFlight ?? EXPORT_PART_UPLOADS_IN_FLIGHT);
    if (this.partBytes < S3_MIN_PART_BYTES) throw new Error(`partBytes must be at least ${S3_MIN_PART_BYTES}`);
  }

  async write(chunk: Uint8Array): Promise<void> {
    this.assertOpen();
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    this.bytes += chunk.length;
    while (this.buffered >= this.partBytes) {
      await this.startPart(this.takePart());
    }
  }

  async complete(): Promise<{ bytes: number }> {
    this.assertOpen();
    if (!this.uploadId) {
      // Never reached one full part: one plain PUT, no multipart upload to complete or leak.
      const body = this.takeAll();
      await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.key, Body: body, ContentType: this.contentType }));
      this.state = 'completed';
      return { bytes: this.bytes };
    }
    if (this.buffered > 0) await this.startPart(this.takeAll());
    await this.settle();
    const parts = [...this.parts].sort((a, b) => (a.PartNumber ?? 0) - (b.PartNumber ?? 0));
    await this.client.send(
      new CompleteMultipartUploadCommand({ Bucket: this.bucket, Key: this.key, UploadId: await this.uploadId, MultipartUpload: { Parts: parts } }),
    );
    this.state = 'completed';
    return { bytes: this.bytes };
  }

  async abort(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'aborted';
    this.chunks = [];
    this.buffered = 0;
    await Promise.allSettled([...this.uploading]);
    const uploadId = this.uploadId && (await this.uploadId.catch(() => undefined));
    if (uploadId) await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: this.key, UploadId: uploadId }));
  }

  private assertOpen(): void {
    if (this.failure) throw this.failure;
    if (this.state !== 'open') throw new Error(`The upload of ${this.key} is already ${this.state}`);
  }

  /** Exactly `partBytes` from the front of the buffer (splitting a chunk if needed). */
  private takePart(): Uint8Array {
    const part = new Uint8Array(this.partBytes);
    let filled = 0;
    while (filled < this.partBytes) {
      const chunk = this.chunks[0]!;
      const take = Math.min(chunk.length, this.partBytes - filled);
      part.set(take === chunk.length ? chunk : chunk.subarray(0, take), filled);
      filled += take;
      if (take === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(take);
    }
    this.buffered -= this.partBytes;
    return part;
  }

  private takeAll(): Uint8Array {
    const all = Buffer.concat(this.chunks, this.buffered);
    this.chunks = [];
    this.buffered = 0;
    return all;
  }

  /** Starts one part's upload, first waiting for a free slot; a failed part fails the next write. */
  private async startPart(body: Uint8Array): Promise<void> {
    while (this.uploading.size >= this.inFlight) await Promise.race(this.uploading);
    if (this.failure) throw this.failure;
    this.uploadId ??= this.client
      .send(new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: this.key, ContentType: this.contentType }))
      .then((out) => {
        if (!out.UploadId) throw new Error('S3 returned no UploadId');
        return out.UploadId;
      });
    const partNumber = this.nextPartNumber++;
    const upload = this.uploadPart(partNumber, body).then(
      () => {
        this.uploading.delete(upload);
      },
      (error: unknown) => {
        this.uploading.delete(upload);
        this.failure ??= error;
      },
    );
    this.uploading.add(upload);
  }

  private async uploadPart(partNumber: number, body: Uint8Array): Promise<void> {
    const uploadId = await this.uploadId!;
    const out = await this.client.send(new UploadPartCommand({ Bucket: this.bucket, Key: this.key, UploadId: uploadId, PartNumber: partNumber, Body: body }));
    if (!out.ETag) throw new Error(`S3 returned no ETag for part ${partNumber}`);
    this.parts.push({ PartNumber: partNumber, ETag: out.ETag });
  }

  private async settle(): Promise<void> {
    await Promise.allSettled([...this.uploading]);
    if (this.failure) throw this.failure;
  }
}

/** Creates one multipart writer per exported file, all in one bucket. */
export class S3ExportFiles implements ExportFiles {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly options: MultipartWriterOptions = {},
  ) {}

  create(key: string, contentType: string): FileSink {
    return new S3MultipartWriter(this.client, this.bucket, key, contentType, this.options);
  }
}
