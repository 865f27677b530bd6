/**
 * What the upload use cases need from object storage (kept beside them: no other area uses it).
 * The S3 adapter is functions/adapters/s3/presign.s3.ts.
 */

export interface PresignedPut {
  readonly url: string;
  /** Headers the client must send exactly as signed. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface PresignedPost {
  readonly url: string;
  /** Form fields to send before the `file` field, as given. */
  readonly fields: Readonly<Record<string, string>>;
}

export interface CompletedPart {
  readonly partNumber: number;
  readonly etag: string;
}

export interface UploadPresigner {
  /** A PUT URL signed with the exact Content-Type and Content-Length, so neither can change. */
  presignPut(key: string, contentType: string, size: number, expiresInSeconds: number): Promise<PresignedPut>;
  /** A browser form POST whose policy pins the key and the type and bounds the length. */
  presignPost(key: string, contentType: string, maxSize: number, expiresInSeconds: number): Promise<PresignedPost>;
  /** Starts an upload that remembers the size its client declared, for completion to hold it to. */
  startMultipart(key: string, contentType: string, declaredSize: number): Promise<string>;
  presignPart(key: string, uploadId: string, partNumber: number, expiresInSeconds: number): Promise<string>;
  /** Resolves the size of the assembled object and the size declared when it was started. */
  completeMultipart(key: string, uploadId: string, parts: readonly CompletedPart[]): Promise<{ etag: string; size: number; declaredSize: number | undefined }>;
  abortMultipart(key: string, uploadId: string): Promise<void>;
  deleteObject(key: string): Promise<void>;
}
