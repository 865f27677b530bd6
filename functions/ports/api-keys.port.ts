export interface ApiKeyRecord {
  readonly hash: string;
  readonly workspaceId: string;
  readonly keyId: string;
  readonly name: string;
  readonly displayPrefix: string;
  readonly createdAt: string;
  readonly revokedAt?: string;
}

export interface ApiKeyStore {
  findByHash(hash: string): Promise<ApiKeyRecord | undefined>;
  put(record: ApiKeyRecord): Promise<void>;
  revoke(hash: string, at: string): Promise<void>;
}
