import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EdgarCache, EdgarCacheEntry } from '../../ports/edgar-filings.port.ts';

/** A cached submissions index outlives no validator for long: EDGAR answers 304 while it holds. */
export const EDGAR_CACHE_TTL_SECONDS = 7 * 24 * 60 * 60;

/**
 * EDGAR answers with their validators in the control table: pk `EDGAR#<key>`, sk `EDGAR`,
 * `expires_at` TTL. EDGAR data is public, so one entry serves every workspace. Entries hold the
 * compact parsed index (a few hundred bytes a filing), well under DynamoDB's 400 KB item limit.
 */
export class DynamoEdgarCache implements EdgarCache {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private key(key: string) {
    return { pk: `EDGAR#${key}`, sk: 'EDGAR' };
  }

  async get(key: string): Promise<EdgarCacheEntry | undefined> {
    const answer = await this.client.send(new GetCommand({ TableName: this.tableName, Key: this.key(key) }));
    const item = answer.Item;
    if (!item || Number(item.expires_at) * 1000 <= this.now().getTime()) return undefined;
    return item.entry as EdgarCacheEntry;
  }

  async put(key: string, entry: EdgarCacheEntry): Promise<void> {
    const expiresAt = Math.floor(this.now().getTime() / 1000) + EDGAR_CACHE_TTL_SECONDS;
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: { ...this.key(key), entry: JSON.parse(JSON.stringify(entry)) as unknown, expires_at: expiresAt } }),
    );
  }
}
