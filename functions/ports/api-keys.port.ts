import type { Role } from '../domain/auth/principal.ts';

export interface ApiKeyRecord {
  readonly hash: string;
  readonly workspaceId: string;
  readonly keyId: string;
  readonly name: string;
  readonly displayPrefix: string;
  readonly createdAt: string;
  readonly revokedAt?: string;
  /**
   * What the key may do. Keys issued before roles existed came only from the operator CLI and
   * read as `admin`.
   */
  readonly role?: Role;
  /** The user who created it (absent for operator keys); the key's calls are attributed to them. */
  readonly createdBy?: string;
  readonly lastUsedAt?: string;
}

export interface ApiKeyStore {
  findByHash(hash: string): Promise<ApiKeyRecord | undefined>;
  put(record: ApiKeyRecord): Promise<void>;
  revoke(hash: string, at: string): Promise<void>;
}

/** The management side: a workspace's keys by id, and the cheap "last used" stamp. */
export interface ApiKeyCatalog extends ApiKeyStore {
  list(workspaceId: string): Promise<ApiKeyRecord[]>;
  findById(workspaceId: string, keyId: string): Promise<ApiKeyRecord | undefined>;
  /** Stamps `last_used_at = at` unless it is already at or after `notBefore` (at most one write a minute). */
  touch(hash: string, at: string, notBefore: string): Promise<void>;
}
