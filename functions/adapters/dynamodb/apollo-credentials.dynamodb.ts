/**
 * A workspace's Apollo credentials in the control table, sealed with AES-256-GCM
 * (../apollo/credentials-cipher.ts): pk `WS#<workspace>`, sk `APOLLO_CREDENTIALS#session` or
 * `APOLLO_CREDENTIALS#api_key`. Only `sealed` is secret; when it was stored, the earliest cookie
 * expiry and the cookie count are kept beside it in clear, so the status never opens a secret.
 */
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { earliestExpiry } from '../../domain/apollo/session-cookies.ts';
import type { ApolloCredentialAdmin, ApolloCredentialStatus, ApolloCredentials, ApolloSessionCookie } from '../../ports/apollo-source.port.ts';
import type { CredentialsCipher } from '../apollo/credentials-cipher.ts';

type Kind = 'session' | 'api_key';

const storedCookiesSchema = z.array(
  z.object({
    name: z.string(),
    value: z.string(),
    domain: z.string(),
    path: z.string(),
    secure: z.boolean().optional(),
    httpOnly: z.boolean().optional(),
    expirationDate: z.number().optional(),
  }),
);

const key = (workspaceId: string, kind: Kind) => ({ pk: `WS#${workspaceId}`, sk: `APOLLO_CREDENTIALS#${kind}` });
/** What a sealed value is bound to: this workspace and this kind only. */
const boundTo = (workspaceId: string, kind: Kind): string => `apollo:${workspaceId}:${kind}`;

export class DynamoApolloCredentialStore implements ApolloCredentialAdmin {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly cipher: CredentialsCipher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async load(workspaceId: string): Promise<ApolloCredentials | null> {
    const apiKey = await this.get(workspaceId, 'api_key');
    if (apiKey) return { kind: 'api', apiKey: this.cipher.open(String(apiKey.sealed), boundTo(workspaceId, 'api_key')) };
    const session = await this.get(workspaceId, 'session');
    if (!session) return null;
    const cookies = storedCookiesSchema.parse(JSON.parse(this.cipher.open(String(session.sealed), boundTo(workspaceId, 'session'))));
    return { kind: 'browser_session', cookies };
  }

  async putSession(workspaceId: string, cookies: readonly ApolloSessionCookie[]): Promise<ApolloCredentialStatus> {
    const item = {
      ...key(workspaceId, 'session'),
      sealed: this.cipher.seal(JSON.stringify(cookies), boundTo(workspaceId, 'session')),
      stored_at: this.now().toISOString(),
      earliest_expiry: earliestExpiry(cookies),
      cookie_count: cookies.length,
    };
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: item }));
    return this.status(workspaceId);
  }

  async deleteSession(workspaceId: string): Promise<boolean> {
    const answer = await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: key(workspaceId, 'session'), ReturnValues: 'ALL_OLD' }));
    return answer.Attributes !== undefined;
  }

  async putApiKey(workspaceId: string, apiKey: string): Promise<ApolloCredentialStatus> {
    const item = { ...key(workspaceId, 'api_key'), sealed: this.cipher.seal(apiKey, boundTo(workspaceId, 'api_key')), stored_at: this.now().toISOString() };
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: item }));
    return this.status(workspaceId);
  }

  async status(workspaceId: string): Promise<ApolloCredentialStatus> {
    const [session, apiKey] = await Promise.all([this.get(workspaceId, 'session'), this.get(workspaceId, 'api_key')]);
    return {
      session: session
        ? { storedAt: String(session.stored_at), earliestExpiry: typeof session.earliest_expiry === 'string' ? session.earliest_expiry : null, cookieCount: Number(session.cookie_count) }
        : null,
      apiKey: apiKey ? { storedAt: String(apiKey.stored_at) } : null,
    };
  }

  private async get(workspaceId: string, kind: Kind): Promise<Record<string, unknown> | undefined> {
    const answer = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key(workspaceId, kind), ConsistentRead: true }));
    return answer.Item;
  }
}
