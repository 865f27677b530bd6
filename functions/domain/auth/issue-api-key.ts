import { randomUUID } from 'node:crypto';
import type { ApiKeyStore } from '../../ports/api-keys.port.ts';
import { generateApiKey, hashApiKey } from './api-key.ts';
import type { Role } from './principal.ts';

export interface IssuedKey {
  readonly key: string;
  readonly keyId: string;
  readonly workspaceId: string;
}

export interface IssueOptions {
  /** Default `admin`: keys without a creator come from the operator CLI. */
  readonly role?: Role;
  /** The user creating the key; its calls are attributed to (and limited by) that user. */
  readonly createdBy?: string;
}

const WORKSPACE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Issues a key for a workspace; the plaintext is returned once and never stored. */
export async function issueApiKey(store: ApiKeyStore, workspaceId: string, name: string, now = new Date(), options: IssueOptions = {}): Promise<IssuedKey> {
  if (!WORKSPACE_ID.test(workspaceId)) throw new Error('A workspace id is 1-64 letters, digits, _ or -');
  const { key, hash, displayPrefix } = generateApiKey();
  const keyId = randomUUID();
  await store.put({
    hash,
    workspaceId,
    keyId,
    name,
    displayPrefix,
    createdAt: now.toISOString(),
    role: options.role ?? 'admin',
    ...(options.createdBy ? { createdBy: options.createdBy } : {}),
  });
  return { key, keyId, workspaceId };
}

/** True when the key still resolves (exists and is not revoked). */
export async function isKeyLive(store: ApiKeyStore, key: string): Promise<boolean> {
  const record = await store.findByHash(hashApiKey(key));
  return record !== undefined && record.revokedAt === undefined;
}
