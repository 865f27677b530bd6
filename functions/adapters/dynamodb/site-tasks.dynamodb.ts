import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  SITE_TALLY_KEYS,
  type SiteTask,
  type SiteTaskOutcome,
  type SiteTaskPage,
  type SiteTaskSpec,
  type SiteTaskStatus,
  type SiteTaskStore,
  type SiteTally,
} from '../../ports/site-tasks.port.ts';
import { failedConditions, isConditionFailure } from './transactions.ts';
import { cursorOfSortKey, sortKeyOfCursor } from './sort-key-cursor.ts';

/** Tasks and their tally outlive their job's run by this long, for its report; then DynamoDB drops them. */
export const SITE_TASK_TTL_SECONDS = 30 * 24 * 60 * 60;
/** Conditional puts in flight at once while storing a planned page. */
const PUT_CONCURRENCY = 16;
const TALLY_SK = 'TALLY';
const TASK_PREFIX = 'SITE#';
/** Counter names become attribute names: only plain snake_case ones are accepted. */
const COUNTER = /^[a-z][a-z0-9_]{0,63}$/;

const partition = (workspaceId: string, jobId: string) => `SITES#${workspaceId}#${jobId}`;
const taskKey = (workspaceId: string, jobId: string, key: string) => ({ pk: partition(workspaceId, jobId), sk: `${TASK_PREFIX}${key}` });

function taskOf(item: Record<string, unknown>): SiteTask {
  return {
    key: String(item.key),
    domain: String(item.domain),
    status: item.status as SiteTaskStatus,
    ...(typeof item.company_uuid === 'string' ? { companyUuid: item.company_uuid } : {}),
    ...(typeof item.start_url === 'string' ? { startUrl: item.start_url } : {}),
    ...(typeof item.country === 'string' ? { country: item.country } : {}),
    ...(item.outcome ? { outcome: item.outcome as SiteTaskOutcome } : {}),
  };
}

function tallyUpdate(delta: Readonly<Record<string, number>>) {
  const entries = Object.entries(delta).filter(([, value]) => value !== 0);
  for (const [name] of entries) if (!COUNTER.test(name)) throw new Error(`Not a tally counter name: ${name}`);
  return {
    UpdateExpression: `ADD ${entries.map((_, i) => `#c${i} :c${i}`).join(', ')} SET expires_at = if_not_exists(expires_at, :ttl)`,
    ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#c${i}`, name])),
    ExpressionAttributeValues: { ...Object.fromEntries(entries.map(([, value], i) => [`:c${i}`, value])), ':ttl': 0 },
    empty: entries.length === 0,
  };
}


/**
 * Site tasks in the control table: pk `SITES#<workspace>#<job>`, sk `SITE#<key>` (one per site),
 * and the job's tally at sk `TALLY` (atomic ADD counters). One partition per job keeps a job's
 * tasks together for its report and away from the workspace's job listing.
 */
export class DynamoSiteTaskStore implements SiteTaskStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private expiresAt(): number {
    return Math.floor(this.now().getTime() / 1000) + SITE_TASK_TTL_SECONDS;
  }

  async putPending(workspaceId: string, jobId: string, tasks: readonly SiteTaskSpec[]): Promise<number> {
    let created = 0;
    const expires = this.expiresAt();
    for (let start = 0; start < tasks.length; start += PUT_CONCURRENCY) {
      const results = await Promise.all(tasks.slice(start, start + PUT_CONCURRENCY).map((task) => this.putOne(workspaceId, jobId, task, expires)));
      created += results.filter(Boolean).length;
    }
    return created;
  }

  private async putOne(workspaceId: string, jobId: string, task: SiteTaskSpec, expires: number): Promise<boolean> {
    const item = {
      ...taskKey(workspaceId, jobId, task.key),
      key: task.key,
      domain: task.domain,
      status: 'pending',
      ...(task.companyUuid ? { company_uuid: task.companyUuid } : {}),
      ...(task.startUrl ? { start_url: task.startUrl } : {}),
      ...(task.country ? { country: task.country } : {}),
      expires_at: expires,
    };
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async get(workspaceId: string, jobId: string, key: string): Promise<SiteTask | undefined> {
    const answer = await this.client.send(new GetCommand({ TableName: this.tableName, Key: taskKey(workspaceId, jobId, key), ConsistentRead: true }));
    return answer.Item ? taskOf(answer.Item) : undefined;
  }

  async settle(
    workspaceId: string,
    jobId: string,
    key: string,
    from: readonly SiteTaskStatus[],
    to: SiteTaskStatus,
    outcome?: SiteTaskOutcome,
    tally?: Readonly<Record<string, number>>,
  ): Promise<boolean> {
    const fromValues = Object.fromEntries(from.map((status, i) => [`:f${i}`, status]));
    const taskUpdate = {
      TableName: this.tableName,
      Key: taskKey(workspaceId, jobId, key),
      UpdateExpression: `SET #status = :to${outcome ? ', outcome = :outcome' : ''}`,
      ConditionExpression: `#status IN (${Object.keys(fromValues).join(', ')})`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':to': to, ...fromValues, ...(outcome ? { ':outcome': outcome } : {}) },
    };
    const counters = tally ? tallyUpdate(tally) : undefined;
    try {
      if (!counters || counters.empty) {
        await this.client.send(new UpdateCommand(taskUpdate));
        return true;
      }
      const { empty: _empty, ...tallyExpression } = counters;
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Update: taskUpdate },
            {
              Update: {
                TableName: this.tableName,
                Key: { pk: partition(workspaceId, jobId), sk: TALLY_SK },
                ...tallyExpression,
                ExpressionAttributeValues: { ...tallyExpression.ExpressionAttributeValues, ':ttl': this.expiresAt() },
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error) || failedConditions(error)?.some(Boolean)) return false;
      throw error;
    }
  }

  async addTally(workspaceId: string, jobId: string, delta: Readonly<Record<string, number>>): Promise<void> {
    const { empty, ...expression } = tallyUpdate(delta);
    if (empty) return;
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: partition(workspaceId, jobId), sk: TALLY_SK },
        ...expression,
        ExpressionAttributeValues: { ...expression.ExpressionAttributeValues, ':ttl': this.expiresAt() },
      }),
    );
  }

  async tally(workspaceId: string, jobId: string): Promise<SiteTally> {
    const answer = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: partition(workspaceId, jobId), sk: TALLY_SK }, ConsistentRead: true }),
    );
    const counts: Record<string, number> = Object.fromEntries(SITE_TALLY_KEYS.map((name) => [name, 0]));
    for (const [name, value] of Object.entries(answer.Item ?? {})) {
      if (typeof value === 'number' && name !== 'expires_at') counts[name] = value;
    }
    return counts as SiteTally;
  }

  async list(workspaceId: string, jobId: string, query: { status?: SiteTaskStatus; limit: number; cursor?: string }): Promise<SiteTaskPage> {
    const items: SiteTask[] = [];
    let start: Record<string, unknown> | undefined = query.cursor ? { pk: partition(workspaceId, jobId), sk: sortKeyOfCursor(query.cursor) } : undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ...(query.status ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } } : {}),
          ExpressionAttributeValues: { ':pk': partition(workspaceId, jobId), ':prefix': TASK_PREFIX, ...(query.status ? { ':status': query.status } : {}) },
          ExclusiveStartKey: start,
          Limit: query.limit - items.length,
          ConsistentRead: true,
        }),
      );
      items.push(...(page.Items ?? []).map(taskOf));
      start = page.LastEvaluatedKey;
    } while (start && items.length < query.limit);
    const lastSk = start ? String(start.sk) : undefined;
    return { items, ...(lastSk ? { nextCursor: cursorOfSortKey(lastSk) } : {}) };
  }
}
