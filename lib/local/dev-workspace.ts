import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoApiKeyStore } from '../../functions/adapters/dynamodb/api-keys.dynamodb.ts';
import { DynamoUserStore } from '../../functions/adapters/dynamodb/users.dynamodb.ts';
import { createUser } from '../../functions/domain/accounts/users.ts';
import { isKeyLive, issueApiKey } from '../../functions/domain/auth/issue-api-key.ts';
import { generatePassword, hashPassword } from '../../functions/domain/auth/password.ts';

export const DEV_WORKSPACE_ID = 'dev';
export const DEV_ADMIN_EMAIL = 'admin@example.com';
const KEY_FILE = 'dev-api-key.json';
const ADMIN_FILE = 'dev-admin.json';

/** The parts of a running local cloud this needs (lib/local/cloud.ts provides them). */
export interface DevWorkspaceCloud {
  readonly dataDir: string;
  readonly endpoints: { readonly dynamodb: string };
  readonly resources: { readonly tables: { readonly control: string } };
}

export interface DevWorkspace {
  readonly workspaceId: string;
  readonly apiKey: string;
  /** The development admin, to sign in with (POST /v1/auth/login). */
  readonly admin: { readonly email: string; readonly password: string };
}

const readJson = <T>(file: string): Promise<T | undefined> => readFile(file, 'utf8').then((text) => JSON.parse(text) as T, () => undefined);

/** The dev admin; its password is generated once and kept beside the key so `npm start` can print it again. */
async function ensureDevAdmin(users: DynamoUserStore, dataDir: string): Promise<DevWorkspace['admin']> {
  const file = path.join(dataDir, ADMIN_FILE);
  const saved = await readJson<{ email?: string; password?: string }>(file);
  const existing = await users.findByEmail(DEV_ADMIN_EMAIL);
  if (existing && saved?.password && saved.email === DEV_ADMIN_EMAIL) return { email: DEV_ADMIN_EMAIL, password: saved.password };
  const password = generatePassword();
  if (existing) await users.setPassword(existing.workspaceId, existing.id, await hashPassword(password), new Date().toISOString());
  else await createUser({ users }, DEV_WORKSPACE_ID, { email: DEV_ADMIN_EMAIL, name: 'Dev Admin', role: 'admin', password });
  await writeFile(file, JSON.stringify({ email: DEV_ADMIN_EMAIL, password }, null, 2), { mode: 0o600 });
  return { email: DEV_ADMIN_EMAIL, password };
}

/**
 * The development workspace: its API key and its admin user. Both are kept in the data
 * directory (mode 0600) so the README's curl examples keep working across restarts; the table
 * itself holds only hashes.
 */
export async function ensureDevWorkspace(cloud: DevWorkspaceCloud): Promise<DevWorkspace> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: cloud.endpoints.dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
  const store = new DynamoApiKeyStore(client, cloud.resources.tables.control);
  const file = path.join(cloud.dataDir, KEY_FILE);
  const saved = await readJson<{ apiKey?: string }>(file);
  try {
    const admin = await ensureDevAdmin(new DynamoUserStore(client, cloud.resources.tables.control), cloud.dataDir);
    if (saved?.apiKey && (await isKeyLive(store, saved.apiKey))) return { workspaceId: DEV_WORKSPACE_ID, apiKey: saved.apiKey, admin };
    const issued = await issueApiKey(store, DEV_WORKSPACE_ID, 'development key (npm start)');
    await writeFile(file, JSON.stringify({ workspaceId: DEV_WORKSPACE_ID, apiKey: issued.key }, null, 2), { mode: 0o600 });
    return { workspaceId: DEV_WORKSPACE_ID, apiKey: issued.key, admin };
  } finally {
    client.destroy();
  }
}
