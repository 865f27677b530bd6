import { AppError } from '../../platform/errors.ts';
import type { ApiKeyCatalog, ApiKeyRecord } from '../../ports/api-keys.port.ts';
import { issueApiKey } from './issue-api-key.ts';
import type { Principal, Role } from './principal.ts';

/** How keys look in listings: never the hash, never the key. */
export function publicKey(record: ApiKeyRecord): Record<string, unknown> {
  return {
    id: record.keyId,
    name: record.name,
    prefix: record.displayPrefix,
    role: record.role ?? 'admin',
    created_by: record.createdBy ?? null,
    created_at: record.createdAt,
    last_used_at: record.lastUsedAt ?? null,
    revoked_at: record.revokedAt ?? null,
  };
}

/**
 * Admins see and revoke every key of the workspace. Anyone else only the user-role keys made by
 * the user they act for: a user-role key made by an admin acts for that admin, yet must not
 * reach the admin's own admin keys.
 */
const mayManage = (principal: Principal, record: ApiKeyRecord): boolean =>
  principal.role === 'admin' || (principal.userId !== undefined && record.createdBy === principal.userId && (record.role ?? 'admin') === 'user');

/**
 * A key acts for its creator, so it can never hold a higher role than the caller's, and a user
 * holds at most `maxKeysPerUser` live keys. The count is read before the write: two concurrent
 * creations can pass it by one, which buys nothing since a user's keys share one rate limit.
 */
export async function createKey(
  catalog: ApiKeyCatalog,
  principal: Principal,
  input: { name: string; role?: Role },
  limits: { maxKeysPerUser: number },
  now = new Date(),
) {
  const role = input.role ?? principal.role;
  if (role === 'admin' && principal.role !== 'admin') {
    throw new AppError('ERR_FORBIDDEN', 'Only an admin can create an admin key', [{ path: 'role', message: 'Must be user' }]);
  }
  if (principal.userId) await ensureRoomForKey(catalog, principal.workspaceId, principal.userId, limits.maxKeysPerUser);
  const issued = await issueApiKey(catalog, principal.workspaceId, input.name, now, { role, ...(principal.userId ? { createdBy: principal.userId } : {}) });
  const record = await catalog.findById(principal.workspaceId, issued.keyId);
  return { key: issued.key, api_key: record ? publicKey(record) : { id: issued.keyId } };
}

async function ensureRoomForKey(catalog: ApiKeyCatalog, workspaceId: string, userId: string, max: number): Promise<void> {
  const live = (await catalog.list(workspaceId)).filter((record) => record.createdBy === userId && record.revokedAt === undefined).length;
  if (live >= max) {
    throw new AppError('ERR_TOO_MANY_API_KEYS', `A user holds at most ${max} live API keys; revoke one first`, [
      { path: 'api_keys', message: `${live} of ${max} live keys` },
    ]);
  }
}

export async function listKeys(catalog: ApiKeyCatalog, principal: Principal) {
  const records = await catalog.list(principal.workspaceId);
  return records.filter((record) => mayManage(principal, record)).map(publicKey);
}

export async function revokeKey(catalog: ApiKeyCatalog, principal: Principal, keyId: string, now = new Date()): Promise<void> {
  const record = await catalog.findById(principal.workspaceId, keyId);
  // Another user's key answers like a missing one: ids are not an oracle.
  if (!record || !mayManage(principal, record)) throw new AppError('ERR_NOT_FOUND', `No API key ${keyId}`);
  if (!record.revokedAt) await catalog.revoke(record.hash, now.toISOString());
}
