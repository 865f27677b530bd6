import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoApiKeyStore } from '../../../functions/adapters/dynamodb/api-keys.dynamodb.ts';
import { issueApiKey } from '../../../functions/domain/auth/issue-api-key.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION as REGION } from '../../../lib/local/aws.ts';
import { startLocalCloud } from '../../../lib/local/cloud.ts';
import { ensureDevWorkspace } from '../../../lib/local/dev-workspace.ts';
import type { LocalCloud, LocalCloudOptions } from '../../../lib/local/types.ts';


export interface TestCloud {
  readonly cloud: LocalCloud;
  readonly keys: { readonly a: string; readonly b: string };
  readonly documents: DynamoDBDocumentClient;
  readonly apiKeys: DynamoApiKeyStore;
  /** fetch against the HTTP API with a key (or none). */
  api(path: string, init?: { method?: string; body?: unknown; key?: string | null; rawBody?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

/** An ephemeral local cloud on random ports, with two workspaces: A (the dev one) and B; `extra` adds test-only fakes and servers. */
export async function startTestCloud(extra: Pick<LocalCloudOptions, 'fakes' | 'providerUrls' | 'allowHosts'> = {}): Promise<TestCloud> {
  const cloud = await startLocalCloud({ ephemeral: true, quiet: true, ports: { http: 0, ws: 0, dynamodb: 0, sqs: 0, s3: 0, search: 0, mail: 0 }, ...extra });
  const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: cloud.endpoints.dynamodb, region: REGION, credentials: LOCAL_CREDENTIALS }));
  const apiKeys = new DynamoApiKeyStore(documents, cloud.resources.tables.control);
  const a = (await ensureDevWorkspace(cloud)).apiKey;
  const b = (await issueApiKey(apiKeys, 'workspace-b', 'integration tests')).key;
  const api: TestCloud['api'] = async (path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    const key = init.key === undefined ? a : init.key;
    if (key) headers.authorization = `Bearer ${key}`;
    if (init.body !== undefined || init.rawBody !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${cloud.endpoints.http}${path}`, {
      method: init.method ?? (init.body !== undefined || init.rawBody !== undefined ? 'POST' : 'GET'),
      headers,
      body: init.rawBody ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text for the assertion message
    }
    return { status: response.status, body };
  };
  return {
    cloud,
    keys: { a, b },
    documents,
    apiKeys,
    api,
    stop: async () => {
      documents.destroy();
      await cloud.stop();
    },
  };
}

export { REGION };
export { eventually } from '../../helpers/eventually.ts';
