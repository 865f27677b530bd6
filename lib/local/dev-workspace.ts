import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoApiKeyStore } from '../../functions/adapters/dynamodb/api-keys.dynamodb.ts';
import { isKeyLive, issueApiKey } from '../../functions/domain/auth/issue-api-key.ts';

export const DEV_WORKSPACE_ID = 'dev';
const KEY_FILE = 'dev-api-key.json';

/** The parts of a running local cloud this needs (lib/local/cloud.ts provides them). */
export interface DevWorkspaceCloud {
  readonly dataDir: string;
  readonly endpoints: { readonly dynamodb: string };
  readonly resources: { readonly tables: { readonly control: string } };
}

/**
 * The development workspace's API key. It is kept in the data directory (mode 0600) so the
 * README's curl examples keep working across restarts; the table itself holds only its hash.
 */
export async function ensureDevWorkspace(cloud: DevWorkspaceCloud): Promise<{ workspaceId: string; apiKey: string }> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: cloud.endpoints.dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
  const store = new DynamoApiKeyStore(client, cloud.resources.tables.control);
  const file = path.join(cloud.dataDir, KEY_FILE);
  const saved = await readFile(file, 'utf8').then((text) => JSON.parse(text) as { apiKey?: string }, () => undefined);
  try {
    if (saved?.apiKey && (await isKeyLive(store, saved.apiKey))) return { workspaceId: DEV_WORKSPACE_ID, apiKey: saved.apiKey };
    const issued = await issueApiKey(store, DEV_WORKSPACE_ID, 'development key (npm start)');
    await writeFile(file, JSON.stringify({ workspaceId: DEV_WORKSPACE_ID, apiKey: issued.key }, null, 2), { mode: 0o600 });
    return { workspaceId: DEV_WORKSPACE_ID, apiKey: issued.key };
  } finally {
    client.destroy();
  }
}
