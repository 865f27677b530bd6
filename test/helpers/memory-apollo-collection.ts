import {
  COLLECTION_TALLY_KEYS,
  type ClaimOutcome,
  type CollectionStore,
  type CollectionTally,
  type CollectionTallyKey,
  type PageTaskMessage,
  type PageTaskQueue,
  type SeenState,
  type SegmentState,
  type SegmentStatus,
} from '../../functions/ports/apollo-collection.port.ts';

/** The conditional semantics of the DynamoDB collection store, in memory: each method is one atomic step. */
export class MemoryCollectionStore implements CollectionStore {
  readonly segments = new Map<string, SegmentState>();
  readonly seenSet = new Map<string, SeenState>();
  readonly tallies = new Map<string, Record<string, number>>();
  at = '2026-12-04T10:00:00.000Z';

  private add(ws: string, job: string, delta: Readonly<Partial<Record<CollectionTallyKey, number>>>): void {
    const tally = this.tallies.get(`${ws}#${job}`) ?? {};
    for (const [name, value] of Object.entries(delta)) tally[name] = (tally[name] ?? 0) + (value ?? 0);
    this.tallies.set(`${ws}#${job}`, tally);
  }

  async putSegments(ws: string, job: string, keys: readonly string[]) {
    for (const key of keys) if (!this.segments.has(`${ws}#${job}#${key}`)) this.segments.set(`${ws}#${job}#${key}`, { key, status: 'pending', nextPage: 1, updatedAt: this.at });
  }

  async getSegment(ws: string, job: string, key: string) {
    return this.segments.get(`${ws}#${job}#${key}`);
  }

  private moveSegment(ws: string, job: string, key: string, when: (s: SegmentState) => boolean, next: (s: SegmentState) => SegmentState): boolean {
    const id = `${ws}#${job}#${key}`;
    const segment = this.segments.get(id);
    if (!segment || !when(segment)) return false;
    this.segments.set(id, { ...next(segment), updatedAt: this.at });
    return true;
  }

  async advance(ws: string, job: string, key: string, page: number, done: boolean, tally: Readonly<Partial<Record<CollectionTallyKey, number>>>) {
    const moved = this.moveSegment(ws, job, key, (s) => s.status === 'pending' && s.nextPage === page, (s) => ({ ...s, nextPage: page + 1, status: done ? 'done' : 'pending' }));
    if (moved) this.add(ws, job, tally);
    return moved;
  }

  async defer(ws: string, job: string, key: string, page: number) {
    const moved = this.moveSegment(ws, job, key, (s) => s.status === 'pending' && s.nextPage === page, (s) => ({ ...s, status: 'deferred' }));
    if (moved) this.add(ws, job, { deferred: 1 });
    return moved;
  }

  async undefer(ws: string, job: string, key: string) {
    const moved = this.moveSegment(ws, job, key, (s) => s.status === 'deferred', (s) => ({ ...s, status: 'pending' }));
    if (moved) this.add(ws, job, { deferred: -1 });
    return moved;
  }

  async listSegments(ws: string, job: string, query: { status?: SegmentStatus; limit: number; cursor?: string }) {
    const all = [...this.segments.entries()].filter(([id, s]) => id.startsWith(`${ws}#${job}#`) && (!query.status || s.status === query.status)).map(([, s]) => s);
    const start = query.cursor ? Number(query.cursor) : 0;
    const next = start + query.limit < all.length ? String(start + query.limit) : undefined;
    return { items: all.slice(start, start + query.limit), ...(next ? { nextCursor: next } : {}) };
  }

  async seen(ws: string, job: string, org: string) {
    return this.seenSet.get(`${ws}#${job}#${org}`);
  }

  async claim(ws: string, job: string, org: string, max?: number): Promise<ClaimOutcome> {
    const existing = this.seenSet.get(`${ws}#${job}#${org}`);
    if (existing) return existing;
    if (max !== undefined && (await this.tally(ws, job)).organizations_saved >= max) return 'ceiling';
    this.seenSet.set(`${ws}#${job}#${org}`, 'claimed');
    this.add(ws, job, { organizations_saved: 1 });
    return 'claimed';
  }

  async complete(ws: string, job: string, org: string, people: number) {
    if (this.seenSet.get(`${ws}#${job}#${org}`) !== 'claimed') return false;
    this.seenSet.set(`${ws}#${job}#${org}`, 'completed');
    this.add(ws, job, { people_total_added: people });
    return true;
  }

  async tally(ws: string, job: string): Promise<CollectionTally> {
    const zero = Object.fromEntries(COLLECTION_TALLY_KEYS.map((name) => [name, 0])) as Record<CollectionTallyKey, number>;
    return { ...zero, ...this.tallies.get(`${ws}#${job}`) };
  }
}

/** Messages in order; a delayed one is kept with its delay, for tests to deliver when they choose. */
export class MemoryPageQueue implements PageTaskQueue {
  readonly messages: { message: PageTaskMessage; delaySeconds?: number }[] = [];

  async send(messages: readonly PageTaskMessage[], delaySeconds?: number) {
    for (const message of messages) this.messages.push(delaySeconds === undefined ? { message } : { message, delaySeconds });
  }

  take(): { message: PageTaskMessage; delaySeconds?: number } | undefined {
    return this.messages.shift();
  }
}
