import { describe, expect, it } from 'vitest';
import { bearerKey, generateApiKey, hashApiKey } from '../../../functions/domain/auth/api-key.ts';
import { issueApiKey } from '../../../functions/domain/auth/issue-api-key.ts';
import { resolveApiKey } from '../../../functions/domain/auth/resolve-api-key.ts';
import { MemoryApiKeyStore } from '../../helpers/factories.ts';

describe('API keys', () => {
  it('It should store only the hash of an issued key', async () => {
    const store = new MemoryApiKeyStore();
    const issued = await issueApiKey(store, 'ws-a', 'ci');
    const [stored] = [...store.keys.values()];
    expect(stored?.hash).toBe(hashApiKey(issued.key));
    expect(JSON.stringify(stored)).not.toContain(issued.key);
  });

  it('It should resolve a live key to its workspace and refuse unknown, malformed and revoked keys', async () => {
    const store = new MemoryApiKeyStore();
    const { key } = await issueApiKey(store, 'ws-a', 'ci');
    expect(await resolveApiKey(store, `Bearer ${key}`)).toMatchObject({ workspaceId: 'ws-a' });
    expect(await resolveApiKey(store, `Bearer ${generateApiKey().key}`)).toBeUndefined();
    expect(await resolveApiKey(store, key)).toBeUndefined();
    expect(await resolveApiKey(store, undefined)).toBeUndefined();
    await store.revoke(hashApiKey(key), new Date().toISOString());
    expect(await resolveApiKey(store, `Bearer ${key}`)).toBeUndefined();
  });

  it('It should only accept bearer values that look like leadstack keys', () => {
    expect(bearerKey('Bearer lsk_abc')).toBe('lsk_abc');
    expect(bearerKey('Basic lsk_abc')).toBeUndefined();
    expect(bearerKey('Bearer other')).toBeUndefined();
  });

  it('It should refuse a workspace id that could break key layouts', async () => {
    await expect(issueApiKey(new MemoryApiKeyStore(), 'a#b', 'x')).rejects.toThrow(/workspace id/);
  });
});
