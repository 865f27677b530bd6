import { isConditionFailure } from './transactions.ts';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { canTransition, type Job, type JobPatch, type JobStatus } from '../../domain/jobs/job.ts';
import { decodeJobCursor, encodeJobCursor, JOB_SK_PREFIX } from '../../domain/jobs/job-cursor.ts';
import type { JobListQuery, JobMove, JobPage, LeasedJobStore, NewJob } from '../../ports/jobs.port.ts';
import { chargeItem, itemToJob, patchAttributes, type JobItem } from './job-item.ts';

/**
 * A list page with filters reads ahead in chunks of at least this many items: DynamoDB applies
 * `Limit` before the filter, so a small limit with a rare status would take many round trips.
 */
const LIST_READ_CHUNK = 100;
/** Most items one list call examines before answering with a cursor (bounds a sparse filter's cost). */
const LIST_MAX_EXAMINED = 1_000;

const CLEARABLE_ATTRIBUTES = {
  error: 'error',
  result: 'result',
  finishedAt: 'finished_at',
  deadLetterMessageId: 'dead_letter_message_id',
} as const satisfies Record<NonNullable<JobMove['clear']>[number], string>;

export const jobKey = (workspaceId: string, id: string) => ({ pk: `WS#${workspaceId}`, sk: `${JOB_SK_PREFIX}${id}` });

/**
 * Jobs in the control table: pk `WS#<workspace>`, sk `JOB#<uuid v7>`. Version 7 ids sort by
 * creation time, so a descending query lists a workspace's jobs newest first. Every status
 * change is one conditional UpdateItem (status IN from, plus the optional version and lease
 * guards), so of two racing writers exactly one wins.
 */
export class DynamoJobStore implements LeasedJobStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(job: NewJob): Promise<Job> {
    const at = this.now().toISOString();
    const item: JobItem = {
      ...jobKey(job.workspaceId, job.id),
      entity: 'job',
      id: job.id,
      workspace_id: job.workspaceId,
      job_type: job.type,
      status: 'open',
      data: job.data,
      retry_count: job.retryCount,
      attempts: 0,
      progress: 0,
      counters: { rows_read: 0, rows_written: 0, rows_failed: 0 },
      ...(job.createdBy === undefined ? {} : { created_by: job.createdBy }),
      ...(job.downloadCharge === undefined ? {} : { download_charge: chargeItem(job.downloadCharge) }),
      created_at: at,
      updated_at: at,
      version: 1,
    };
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
    return itemToJob(item);
  }

  async get(workspaceId: string, id: string): Promise<Job | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: jobKey(workspaceId, id), ConsistentRead: true }),
    );
    return Item ? itemToJob(Item as JobItem) : undefined;
  }

  async list(workspaceId: string, query: JobListQuery): Promise<JobPage> {
    const filters = filterExpression(query);
    const items: Job[] = [];
    let start = query.cursor === undefined ? undefined : { pk: `WS#${workspaceId}`, sk: decodeJobCursor(query.cursor, workspaceId) };
    let examined = 0;
    let exhausted = false;
    while (items.length < query.limit && examined < LIST_MAX_EXAMINED) {
      const wanted = query.limit - items.length;
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ...(filters.expression ? { FilterExpression: filters.expression } : {}),
          ...(Object.keys(filters.names).length ? { ExpressionAttributeNames: filters.names } : {}),
          ExpressionAttributeValues: { ':pk': `WS#${workspaceId}`, ':prefix': JOB_SK_PREFIX, ...filters.values },
          ScanIndexForward: false,
          Limit: filters.expression ? Math.max(wanted, LIST_READ_CHUNK) : wanted,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      examined += page.ScannedCount ?? 0;
      for (const item of (page.Items ?? []) as JobItem[]) {
        if (items.length < query.limit) items.push(itemToJob(item));
      }
      const last = page.LastEvaluatedKey as { pk: string; sk: string } | undefined;
      if (!last) {
        exhausted = true;
        break;
      }
      start = last;
    }
    // The cursor is the position of the last job returned (not DynamoDB's own, which may lie
    // past jobs read ahead but not returned), bound to the caller's workspace.
    const lastReturned = items.at(-1);
    const position = items.length >= query.limit ? lastReturned && jobKey(workspaceId, lastReturned.id).sk : start?.sk;
    const more = !exhausted || items.length >= query.limit;
    return { items, ...(more && position ? { nextCursor: encodeJobCursor(workspaceId, position) } : {}) };
  }

  async transition(
    workspaceId: string,
    id: string,
    from: readonly JobStatus[],
    to: JobStatus,
    patch?: JobPatch,
    expectedVersion?: number,
  ): Promise<Job | undefined> {
    return this.move(workspaceId, id, {
      from,
      to,
      ...(patch ? { patch } : {}),
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
    });
  }

  async move(workspaceId: string, id: string, move: JobMove): Promise<Job | undefined> {
    const illegal = move.from.filter((status) => status !== move.to && !canTransition(status, move.to));
    if (illegal.length > 0 || move.from.length === 0) {
      throw new Error(`Illegal job transition ${illegal.join('|') || '(none)'} → ${move.to}`);
    }
    const set = patchAttributes(move.patch ?? {});
    set.status = move.to;
    if (move.lease) Object.assign(set, { lease_owner: move.lease.owner, lease_until: move.lease.until });
    if (move.deadLetterMessageId !== undefined) set.dead_letter_message_id = move.deadLetterMessageId;
    const remove = [
      ...(move.clear ?? []).map((field) => CLEARABLE_ATTRIBUTES[field]),
      ...(move.lease === null ? ['lease_owner', 'lease_until'] : []),
    ];
    const conditions = [`#status IN (${move.from.map((_, i) => `:from${i}`).join(', ')})`];
    const values: Record<string, unknown> = Object.fromEntries(move.from.map((status, i) => [`:from${i}`, status]));
    if (move.expectedVersion !== undefined) {
      conditions.push('#version = :expectedVersion');
      values[':expectedVersion'] = move.expectedVersion;
    }
    if (move.leaseOwner !== undefined) {
      conditions.push('lease_owner = :leaseOwner');
      values[':leaseOwner'] = move.leaseOwner;
    }
    if (move.leaseExpiredBy !== undefined) {
      // ISO-8601 UTC strings of one fixed format compare in time order.
      conditions.push('(attribute_not_exists(lease_until) OR lease_until < :expiredBy)');
      values[':expiredBy'] = move.leaseExpiredBy;
    }
    return this.update(workspaceId, id, set, remove, conditions, values);
  }

  async report(
    workspaceId: string,
    id: string,
    patch: JobPatch,
    whileIn: readonly JobStatus[],
    leaseOwner?: string,
  ): Promise<Job | undefined> {
    if (whileIn.length === 0) return undefined;
    const conditions = [`#status IN (${whileIn.map((_, i) => `:in${i}`).join(', ')})`];
    const values: Record<string, unknown> = Object.fromEntries(whileIn.map((status, i) => [`:in${i}`, status]));
    if (leaseOwner !== undefined) {
      conditions.push('lease_owner = :leaseOwner');
      values[':leaseOwner'] = leaseOwner;
    }
    return this.update(workspaceId, id, patchAttributes(patch), [], conditions, values);
  }

  private async update(
    workspaceId: string,
    id: string,
    set: Record<string, unknown>,
    remove: readonly string[],
    conditions: readonly string[],
    conditionValues: Record<string, unknown>,
  ): Promise<Job | undefined> {
    const names: Record<string, string> = { '#status': 'status', '#version': 'version' };
    const values: Record<string, unknown> = { ...conditionValues, ':one': 1, ':now': this.now().toISOString() };
    const assignments = ['#version = #version + :one', 'updated_at = :now'];
    for (const [index, [field, value]] of Object.entries(set).entries()) {
      names[`#f${index}`] = field;
      values[`:f${index}`] = value;
      assignments.push(`#f${index} = :f${index}`);
    }
    const removals = remove.map((field, index) => {
      names[`#r${index}`] = field;
      return `#r${index}`;
    });
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: jobKey(workspaceId, id),
          UpdateExpression: `SET ${assignments.join(', ')}${removals.length ? ` REMOVE ${removals.join(', ')}` : ''}`,
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? itemToJob(Attributes as JobItem) : undefined;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }
}

function filterExpression(query: JobListQuery): { expression?: string; names: Record<string, string>; values: Record<string, unknown> } {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (query.types?.length) {
    names['#type'] = 'job_type';
    parts.push(`#type IN (${query.types.map((_, i) => `:type${i}`).join(', ')})`);
    query.types.forEach((type, i) => (values[`:type${i}`] = type));
  }
  if (query.statuses?.length) {
    names['#status'] = 'status';
    parts.push(`#status IN (${query.statuses.map((_, i) => `:status${i}`).join(', ')})`);
    query.statuses.forEach((status, i) => (values[`:status${i}`] = status));
  }
  return { ...(parts.length ? { expression: parts.join(' AND ') } : {}), names, values };
}
