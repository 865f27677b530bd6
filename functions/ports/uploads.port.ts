export interface UploadArrival {
  readonly workspaceId: string;
  readonly key: string;
  readonly size: number;
  readonly etag: string;
  readonly receivedAt: string;
}

/** What has landed in the uploads bucket, per workspace. */
export interface UploadLog {
  record(arrival: UploadArrival): Promise<void>;
}
