import type { ApiKeyStore } from '../../ports/api-keys.port.ts';
import { bearerKey, hashApiKey } from './api-key.ts';

export interface Caller {
  readonly workspaceId: string;
  readonly keyId: string;
}

/** The workspace behind an `Authorization` header, or undefined for a missing, unknown or revoked key. */
export async function resolveApiKey(store: ApiKeyStore, authorization: string | undefined): Promise<Caller | undefined> {
  const key = bearerKey(authorization);
  if (!key) return undefined;
  const record = await store.findByHash(hashApiKey(key));
  if (!record || record.revokedAt) return undefined;
  return { workspaceId: record.workspaceId, keyId: record.keyId };
}
