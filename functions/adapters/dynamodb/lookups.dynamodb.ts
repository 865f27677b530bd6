import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CreditAlertLatch, CreditLedger, LedgerEntry, LookupRegistry, ProviderKeyStore, SealedKey } from '../../ports/lookups.port.ts';

/** The ledger feeds a quarter of usage analytics, like the call log. */
export const LEDGER_TTL_SECONDS = 90 * 86_400;
/** A provider forgets a lookup id long before this; the registry only has to outlive it. */
export const LOOKUP_REGISTRY_TTL_SECONDS = 30 * 86_400;
const LEDGER_PAGE_SIZE = 500;

const epochSeconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/**
 * The lookups' control-table items:
 * - provider key: pk = WS#<workspace>, sk = PROVIDERKEY#<provider> (sealed, never plaintext);
 * - ledger: pk = LEDGER#<workspace>, sk = ENTRY#<ISO time>#<random>, expires_at TTL;
 * - lookup ownership: pk = LOOKUPREQ#<workspace>#<provider id>, sk = LOOKUPREQ, expires_at TTL;
 * - low-credit latch: pk = WS#<workspace>, sk = CREDITALERT#<provider> (`disarmed` while sent).
 */
export class DynamoLookupsStore implements ProviderKeyStore, CreditLedger, LookupRegistry, CreditAlertLatch {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(workspaceId: string, provider: string): Promise<SealedKey | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: `WS#${workspaceId}`, sk: `PROVIDERKEY#${provider}` } }));
    return Item ? (Item.sealed as SealedKey) : undefined;
  }

  async put(workspaceId: string, provider: string, key: SealedKey): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { pk: `WS#${workspaceId}`, sk: `PROVIDERKEY#${provider}`, sealed: key } }));
  }

  async record(entry: LedgerEntry): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: `LEDGER#${entry.workspaceId}`, sk: `ENTRY#${entry.at}#${randomUUID()}`, ...entry, expires_at: epochSeconds(entry.at) + LEDGER_TTL_SECONDS },
      }),
    );
  }

  async list(workspaceId: string, from: string, to: string): Promise<readonly LedgerEntry[]> {
    const entries: LedgerEntry[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': `LEDGER#${workspaceId}`, ':from': `ENTRY#${from}`, ':to': `ENTRY#${to}\uffff` },
          Limit: LEDGER_PAGE_SIZE,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const { pk: _pk, sk: _sk, expires_at: _e, ...entry } of page.Items ?? []) entries.push(entry as unknown as LedgerEntry);
      start = page.LastEvaluatedKey;
    } while (start);
    return entries;
  }

  async remember(workspaceId: string, id: string): Promise<void> {
    const expiresAt = Math.floor(this.now().getTime() / 1000) + LOOKUP_REGISTRY_TTL_SECONDS;
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { pk: `LOOKUPREQ#${workspaceId}#${id}`, sk: 'LOOKUPREQ', expires_at: expiresAt } }));
  }

  async owns(workspaceId: string, id: string): Promise<boolean> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: `LOOKUPREQ#${workspaceId}#${id}`, sk: 'LOOKUPREQ' } }));
    return Item !== undefined && Number(Item.expires_at) * 1000 > this.now().getTime();
  }

  async disarm(workspaceId: string, provider: string): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: `WS#${workspaceId}`, sk: `CREDITALERT#${provider}` },
          UpdateExpression: 'SET disarmed = :yes, disarmed_at = :now',
          ConditionExpression: 'attribute_not_exists(disarmed) OR disarmed = :no',
          ExpressionAttributeValues: { ':yes': true, ':no': false, ':now': this.now().toISOString() },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async arm(workspaceId: string, provider: string): Promise<void> {
    await this.client.send(
      new UpdateCommand({ TableName: this.tableName, Key: { pk: `WS#${workspaceId}`, sk: `CREDITALERT#${provider}` }, UpdateExpression: 'SET disarmed = :no', ExpressionAttributeValues: { ':no': false } }),
    );
  }
}
