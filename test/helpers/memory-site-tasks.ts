import {
  SITE_TALLY_KEYS,
  type SiteTask,
  type SiteTaskMessage,
  type SiteTaskOutcome,
  type SiteTaskQueue,
  type SiteTaskSpec,
  type SiteTaskStatus,
  type SiteTaskStore,
  type SiteTally,
} from '../../functions/ports/site-tasks.port.ts';

/** An in-memory SiteTaskStore with the same conditional semantics as the DynamoDB one. */
export class MemorySiteTaskStore implements SiteTaskStore {
  readonly tasks = new Map<string, SiteTask>();
  readonly tallies = new Map<string, Record<string, number>>();

  async putPending(workspaceId: string, jobId: string, specs: readonly SiteTaskSpec[]): Promise<number> {
    let created = 0;
    for (const spec of specs) {
      const id = `${workspaceId}#${jobId}#${spec.key}`;
      if (this.tasks.has(id)) continue;
      this.tasks.set(id, { ...spec, status: 'pending' });
      created += 1;
    }
    return created;
  }

  async get(workspaceId: string, jobId: string, key: string) {
    return this.tasks.get(`${workspaceId}#${jobId}#${key}`);
  }

  async settle(workspaceId: string, jobId: string, key: string, from: readonly SiteTaskStatus[], to: SiteTaskStatus, outcome?: SiteTaskOutcome, tally?: Readonly<Record<string, number>>) {
    const id = `${workspaceId}#${jobId}#${key}`;
    const task = this.tasks.get(id);
    if (!task || !from.includes(task.status)) return false;
    this.tasks.set(id, { ...task, status: to, ...(outcome ? { outcome } : {}) });
    if (tally) await this.addTally(workspaceId, jobId, tally);
    return true;
  }

  async addTally(workspaceId: string, jobId: string, delta: Readonly<Record<string, number>>) {
    const id = `${workspaceId}#${jobId}`;
    const current = this.tallies.get(id) ?? {};
    for (const [name, value] of Object.entries(delta)) current[name] = (current[name] ?? 0) + value;
    this.tallies.set(id, current);
  }

  async tally(workspaceId: string, jobId: string): Promise<SiteTally> {
    const counts: Record<string, number> = Object.fromEntries(SITE_TALLY_KEYS.map((name) => [name, 0]));
    return { ...counts, ...this.tallies.get(`${workspaceId}#${jobId}`) } as SiteTally;
  }

  async list(workspaceId: string, jobId: string, query: { status?: SiteTaskStatus; limit: number; cursor?: string }) {
    const prefix = `${workspaceId}#${jobId}#`;
    const all = [...this.tasks.entries()].filter(([id, task]) => id.startsWith(prefix) && (!query.status || task.status === query.status));
    const start = query.cursor ? Number(query.cursor) : 0;
    const items = all.slice(start, start + query.limit).map(([, task]) => task);
    const next = start + query.limit < all.length ? String(start + query.limit) : undefined;
    return { items, ...(next ? { nextCursor: next } : {}) };
  }
}

export class MemorySiteTaskQueue implements SiteTaskQueue {
  readonly sent: SiteTaskMessage[] = [];
  readonly retries: { receiptHandle: string; seconds: number }[] = [];
  async send(messages: readonly SiteTaskMessage[]) {
    this.sent.push(...messages);
  }
  async retryLater(receiptHandle: string, seconds: number) {
    this.retries.push({ receiptHandle, seconds });
  }
}
