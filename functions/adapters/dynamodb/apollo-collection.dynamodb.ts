import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  COLLECTION_TALLY_KEYS,
  type ClaimOutcome,
  type CollectionStore,
  type CollectionTally,
  type CollectionTallyKey,
  type SeenState,
  type SegmentPage,
  type SegmentState,
  type SegmentStatus,
} from '../../ports/apollo-collection.port.ts';
import { failedConditions, isConditionFailure } from './transactions.ts';
import { cursorOfSortKey, sortKeyOfCursor } from './sort-key-cursor.ts';

/** A collection's state outlives its run by this long (its report); then DynamoDB drops it. */
export const COLLECTION_STATE_TTL_SECONDS = 30 * 24 * 60 * 60;
const TALLY_SK = 'TALLY';
const SEGMENT_PREFIX = 'SEG#';
const ORG_PREFIX = 'ORG#';
/** Conditional puts in flight at once while storing a plan's segments. */
const PUT_CONCURRENCY = 16;

const partition = (workspaceId: string, jobId: string) => `APOLLO#${workspaceId}#${jobId}`;
const keyOf = (workspaceId: string, jobId: string, sk: string) => ({ pk: partition(workspaceId, jobId), sk });

const segmentOf = (item: Record<string, unknown>): SegmentState => ({
  key: String(item.key),
  status: item.status as SegmentStatus,
  nextPage: Number(item.next_page),
  updatedAt: String(item.updated_at),
});


/**
 * The running state of `apollo_collection` jobs in the control table, one partition per job:
 * segment checkpoints (`SEG#`), the seen-set of Apollo organisation ids (`ORG#`, conditional
 * puts) and the counters (`TALLY`, atomic ADD). Every move that counts is one transaction with
 * its counter, so a counter never drifts from what happened.
 */
export class DynamoCollectionStore implements CollectionStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private expiresAt(): number {
    return Math.floor(this.now().getTime() / 1000) + COLLECTION_STATE_TTL_SECONDS;
  }

  private tallyUpdate(workspaceId: string, jobId: string, delta: Readonly<Partial<Record<CollectionTallyKey, number>>>, condition?: { max: number }) {
    const entries = Object.entries(delta).filter(([name, value]) => value !== 0 && value !== undefined && (COLLECTION_TALLY_KEYS as readonly string[]).includes(name));
    return {
      TableName: this.tableName,
      Key: keyOf(workspaceId, jobId, TALLY_SK),
      UpdateExpression: `ADD ${entries.map((_, i) => `#c${i} :c${i}`).join(', ')} SET expires_at = if_not_exists(expires_at, :ttl)`,
      ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#c${i}`, name])),
      ExpressionAttributeValues: { ...Object.fromEntries(entries.map(([, value], i) => [`:c${i}`, value])), ':ttl': this.expiresAt(), ...(condition ? { ':max': condition.max } : {}) },
      ...(condition ? { ConditionExpression: 'attribute_not_exists(#c0) OR #c0 < :max' } : {}),
      empty: entries.length === 0,
    };
  }

  /** One conditional update of an item, with the counters in the same transaction; false when the condition did not hold. */
  private async updateCounted(update: Record<string, unknown>, workspaceId: string, jobId: string, delta: Readonly<Partial<Record<CollectionTallyKey, number>>>): Promise<boolean> {
    const { empty, ...tally } = this.tallyUpdate(workspaceId, jobId, delta);
    try {
      if (empty) await this.client.send(new UpdateCommand(update as never));
      else await this.client.send(new TransactWriteCommand({ TransactItems: [{ Update: update as never }, { Update: tally }] }));
      return true;
    } catch (error) {
      if (isConditionFailure(error) || failedConditions(error)?.[0]) return false;
      throw error;
    }
  }

  async putSegments(workspaceId: string, jobId: string, keys: readonly string[]): Promise<void> {
    const at = this.now().toISOString();
    for (let start = 0; start < keys.length; start += PUT_CONCURRENCY) {
      await Promise.all(
        keys.slice(start, start + PUT_CONCURRENCY).map(async (key) => {
          const item = { ...keyOf(workspaceId, jobId, `${SEGMENT_PREFIX}${key}`), key, status: 'pending', next_page: 1, updated_at: at, expires_at: this.expiresAt() };
          await this.client.send(new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' })).catch((error: unknown) => {
            if (!isConditionFailure(error)) throw error;
          });
        }),
      );
    }
  }

  async getSegment(workspaceId: string, jobId: string, key: string): Promise<SegmentState | undefined> {
    const answer = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keyOf(workspaceId, jobId, `${SEGMENT_PREFIX}${key}`), ConsistentRead: true }));
    return answer.Item ? segmentOf(answer.Item) : undefined;
  }

  private segmentMove(workspaceId: string, jobId: string, key: string, set: Record<string, unknown>, condition: string, values: Record<string, unknown>) {
    const names = Object.fromEntries(Object.keys(set).map((name, i) => [`#s${i}`, name]));
    return {
      TableName: this.tableName,
      Key: keyOf(workspaceId, jobId, `${SEGMENT_PREFIX}${key}`),
      UpdateExpression: `SET ${Object.keys(set).map((_, i) => `#s${i} = :s${i}`).join(', ')}, updated_at = :at`,
      ConditionExpression: condition,
      // DynamoDB refuses a name the expressions do not use: only the condition's own are added.
      ExpressionAttributeNames: { ...names, '#status': 'status', ...(condition.includes('#page') ? { '#page': 'next_page' } : {}) },
      ExpressionAttributeValues: { ...Object.fromEntries(Object.values(set).map((value, i) => [`:s${i}`, value])), ':at': this.now().toISOString(), ...values },
    };
  }

  async advance(workspaceId: string, jobId: string, key: string, page: number, done: boolean, tally: Readonly<Partial<Record<CollectionTallyKey, number>>>): Promise<boolean> {
    const update = this.segmentMove(workspaceId, jobId, key, { next_page: page + 1, status: done ? 'done' : 'pending' }, '#status = :pending AND #page = :page', { ':pending': 'pending', ':page': page });
    return this.updateCounted(update, workspaceId, jobId, tally);
  }

  async defer(workspaceId: string, jobId: string, key: string, page: number): Promise<boolean> {
    const update = this.segmentMove(workspaceId, jobId, key, { status: 'deferred' }, '#status = :pending AND #page = :page', { ':pending': 'pending', ':page': page });
    return this.updateCounted(update, workspaceId, jobId, { deferred: 1 });
  }

  async undefer(workspaceId: string, jobId: string, key: string): Promise<boolean> {
    const update = this.segmentMove(workspaceId, jobId, key, { status: 'pending' }, '#status = :deferred', { ':deferred': 'deferred' });
    return this.updateCounted(update, workspaceId, jobId, { deferred: -1 });
  }

  async listSegments(workspaceId: string, jobId: string, query: { readonly status?: SegmentStatus; readonly limit: number; readonly cursor?: string }): Promise<SegmentPage> {
    const items: SegmentState[] = [];
    let start: Record<string, unknown> | undefined = query.cursor ? keyOf(workspaceId, jobId, sortKeyOfCursor(query.cursor)) : undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ...(query.status ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } } : {}),
          ExpressionAttributeValues: { ':pk': partition(workspaceId, jobId), ':prefix': SEGMENT_PREFIX, ...(query.status ? { ':status': query.status } : {}) },
          ExclusiveStartKey: start,
          Limit: query.limit - items.length,
          ConsistentRead: true,
        }),
      );
      items.push(...(page.Items ?? []).map(segmentOf));
      start = page.LastEvaluatedKey;
    } while (start && items.length < query.limit);
    return { items, ...(start ? { nextCursor: cursorOfSortKey(String(start.sk)) } : {}) };
  }

  async seen(workspaceId: string, jobId: string, organizationId: string): Promise<SeenState | undefined> {
    const answer = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keyOf(workspaceId, jobId, `${ORG_PREFIX}${organizationId}`), ConsistentRead: true }));
    return answer.Item ? (answer.Item.state as SeenState) : undefined;
  }

  async claim(workspaceId: string, jobId: string, organizationId: string, max?: number): Promise<ClaimOutcome> {
    const { empty: _empty, ...tally } = this.tallyUpdate(workspaceId, jobId, { organizations_saved: 1 }, max === undefined ? undefined : { max });
    const put = {
      TableName: this.tableName,
      Item: { ...keyOf(workspaceId, jobId, `${ORG_PREFIX}${organizationId}`), state: 'claimed', expires_at: this.expiresAt() },
      ConditionExpression: 'attribute_not_exists(pk)',
    };
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: [{ Put: put }, { Update: tally }] }));
      return 'claimed';
    } catch (error) {
      const failed = failedConditions(error);
      if (!failed) throw error;
      if (failed[0]) return (await this.seen(workspaceId, jobId, organizationId)) ?? 'claimed';
      if (failed[1]) return 'ceiling';
      throw error;
    }
  }

  async complete(workspaceId: string, jobId: string, organizationId: string, people: number): Promise<boolean> {
    const update = {
      TableName: this.tableName,
      Key: keyOf(workspaceId, jobId, `${ORG_PREFIX}${organizationId}`),
      UpdateExpression: 'SET #state = :completed',
      ConditionExpression: '#state = :claimed',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':completed': 'completed', ':claimed': 'claimed' },
    };
    return this.updateCounted(update, workspaceId, jobId, { people_total_added: people });
  }

  async tally(workspaceId: string, jobId: string): Promise<CollectionTally> {
    const answer = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keyOf(workspaceId, jobId, TALLY_SK), ConsistentRead: true }));
    const counts = Object.fromEntries(COLLECTION_TALLY_KEYS.map((name) => [name, 0])) as Record<CollectionTallyKey, number>;
    for (const name of COLLECTION_TALLY_KEYS) {
      const value = answer.Item?.[name];
      if (typeof value === 'number') counts[name] = value;
    }
    return counts;
  }
}
