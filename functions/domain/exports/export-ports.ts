/**
 * What an export needs to write its file (kept beside it: no other area uses it). The S3
 * adapter is functions/adapters/s3/multipart-writer.s3.ts.
 */

/** A file being written in order, chunk by chunk, that appears only once completed. */
export interface FileSink {
  /** Resolves when the chunk is buffered or on its way (back-pressure: await each write). */
  write(chunk: Uint8Array): Promise<void>;
  /** Makes the file appear; resolves its size in bytes. */
  complete(): Promise<{ bytes: number }>;
  /** Drops everything written; the file never appears. Safe to call twice or after a failure. */
  abort(): Promise<void>;
}

export interface ExportFiles {
  create(key: string, contentType: string): FileSink;
}

/** Signs short-lived download links. */
export interface DownloadLinks {
  presignDownload(key: string, filename: string, contentType: string, expiresInSeconds: number): Promise<string>;
}

/** Gives download-limit rows back (the accounts ledger); an export returns the rows it was charged but did not write. */
export interface ChargeRefunds {
  refund(workspaceId: string, userId: string, period: string, rows: number): Promise<void>;
}
