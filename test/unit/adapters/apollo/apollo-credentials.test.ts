import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { CredentialsCipher } from '../../../../functions/adapters/apollo/credentials-cipher.ts';
import { DynamoApolloCredentialStore } from '../../../../functions/adapters/dynamodb/apollo-credentials.dynamodb.ts';
import type { ApolloSessionCookie } from '../../../../functions/ports/apollo-source.port.ts';

const SECRET = 'k'.repeat(48);
const COOKIE_VALUE = 'cookie-5ecret-value-aa11';
const API_KEY = 'api-5ecret-key-bb22';
const cookies: ApolloSessionCookie[] = [
  { name: 'remember_token', value: COOKIE_VALUE, domain: '.apollo.io', path: '/', secure: true, httpOnly: true, expirationDate: 1_900_000_000 },
  { name: 'X-CSRF-TOKEN', value: 'csrf', domain: 'app.apollo.io', path: '/' },
];

/** The three commands the store sends, over a Map: enough to see exactly what reaches the table. */
class MemoryTable {
  readonly items = new Map<string, Record<string, unknown>>();
  readonly client = {
    send: async (command: unknown) => {
      const id = (k: { pk: unknown; sk: unknown }) => `${String(k.pk)}|${String(k.sk)}`;
      if (command instanceof PutCommand) {
        const item = command.input.Item as { pk: string; sk: string };
        this.items.set(id(item), structuredClone(item));
        return {};
      }
      if (command instanceof GetCommand) return { Item: this.items.get(id(command.input.Key as { pk: string; sk: string })) };
      if (command instanceof DeleteCommand) {
        const k = id(command.input.Key as { pk: string; sk: string });
        const old = this.items.get(k);
        this.items.delete(k);
        return { Attributes: old };
      }
      throw new Error('unexpected command');
    },
  } as unknown as DynamoDBDocumentClient;
}

const storeOn = (table: MemoryTable, secret = SECRET) => new DynamoApolloCredentialStore(table.client, 'control', new CredentialsCipher(secret), () => new Date('2026-12-04T10:00:00.000Z'));

describe('CredentialsCipher', () => {
  it('It should open what it sealed, and nothing sealed for something else, with another key, or changed', () => {
    const cipher = new CredentialsCipher(SECRET);
    const sealed = cipher.seal(API_KEY, 'apollo:ws-a:api_key');

    expect(sealed).not.toContain(API_KEY);
    expect(cipher.seal(API_KEY, 'apollo:ws-a:api_key')).not.toBe(sealed);
    expect(cipher.open(sealed, 'apollo:ws-a:api_key')).toBe(API_KEY);
    expect(() => cipher.open(sealed, 'apollo:ws-b:api_key')).toThrow(/do not open/);
    expect(() => new CredentialsCipher('z'.repeat(48)).open(sealed, 'apollo:ws-a:api_key')).toThrow(/do not open/);
    const flipped = `${sealed.slice(0, -2)}${sealed.at(-2) === 'A' ? 'B' : 'A'}${sealed.at(-1)}`;
    expect(() => cipher.open(flipped, 'apollo:ws-a:api_key')).toThrow();
    expect(() => cipher.open('v0.abc', 'x')).toThrow(/unknown format/);
    expect(() => new CredentialsCipher('short')).toThrow(/32/);
  });
});

describe('DynamoApolloCredentialStore', () => {
  it('It should keep a session sealed at rest and give it back to the same workspace only', async () => {
    const table = new MemoryTable();
    const store = storeOn(table);

    const status = await store.putSession('ws-a', cookies);

    expect(status).toEqual({ session: { storedAt: '2026-12-04T10:00:00.000Z', earliestExpiry: new Date(1_900_000_000_000).toISOString(), cookieCount: 2 }, apiKey: null });
    expect(JSON.stringify([...table.items.values()])).not.toContain(COOKIE_VALUE);
    expect([...table.items.keys()]).toEqual(['WS#ws-a|APOLLO_CREDENTIALS#session']);
    expect(await store.load('ws-a')).toEqual({ kind: 'browser_session', cookies });
    expect(await store.load('ws-b')).toBeNull();
  });

  it('It should refuse an item moved to another workspace', async () => {
    const table = new MemoryTable();
    const store = storeOn(table);
    await store.putSession('ws-a', cookies);
    const item = table.items.get('WS#ws-a|APOLLO_CREDENTIALS#session')!;
    table.items.set('WS#ws-b|APOLLO_CREDENTIALS#session', { ...item, pk: 'WS#ws-b' });

    await expect(store.load('ws-b')).rejects.toThrow(/do not open/);
  });

  it('It should prefer the API key when both are set, and delete the session', async () => {
    const table = new MemoryTable();
    const store = storeOn(table);
    await store.putSession('ws-a', cookies);
    const status = await store.putApiKey('ws-a', API_KEY);

    expect(status.apiKey).toEqual({ storedAt: '2026-12-04T10:00:00.000Z' });
    expect(JSON.stringify([...table.items.values()])).not.toContain(API_KEY);
    expect(await store.load('ws-a')).toEqual({ kind: 'api', apiKey: API_KEY });
    expect(await store.deleteSession('ws-a')).toBe(true);
    expect(await store.deleteSession('ws-a')).toBe(false);
    expect((await store.status('ws-a')).session).toBeNull();
  });

  it('It should fail to load with another deployment\'s key, saying nothing of the secret', async () => {
    const table = new MemoryTable();
    await storeOn(table).putApiKey('ws-a', API_KEY);

    const error: unknown = await storeOn(table, 'q'.repeat(48)).load('ws-a').then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(Error);
    expect(`${(error as Error).message} ${(error as Error).stack}`).not.toContain(API_KEY);
  });
});
