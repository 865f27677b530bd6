import { describe, expect, it } from 'vitest';
import { collectPage, type CollectPageDeps } from '../../../../functions/domain/apollo/collect-page.ts';
import { runApolloCollection, type ApolloCollectionDeps } from '../../../../functions/domain/apollo/run-apollo-collection.ts';
import type { Job } from '../../../../functions/domain/jobs/job.ts';
import type { JobRunOutcome } from '../../../../functions/domain/jobs/runner.ts';
import { companyFromOrganization } from '../../../../functions/domain/apollo/records/apollo-records.ts';
import { writeCollected } from '../../../../functions/domain/apollo/records/write-collected.ts';
import { apolloRecordUuid } from '../../../../functions/domain/records/ids.ts';
import type { PreparedRecord } from '../../../../functions/domain/records/prepare.ts';
import type { JobEvent } from '../../../../functions/ports/job-events.port.ts';
import type { StoredItem, UpsertOutcome } from '../../../../functions/ports/records.port.ts';
import { ApolloSourceDouble, DOUBLE_INDUSTRIES } from '../../../helpers/apollo-source.double.ts';
import { MemoryCollectionStore, MemoryPageQueue } from '../../../helpers/memory-apollo-collection.ts';
import { MemoryJobStore } from '../jobs/memory-job-store.ts';

const WS = 'ws-a';
const JOB = '01900000-0000-7000-8000-000000000001';

/** Upserts that merge fields, counting writes per uuid; can be told to crash on the n-th write. */
class Records {
  readonly items = new Map<string, StoredItem>();
  readonly writes = new Map<string, number>();
  crashOnWrite: number | undefined;
  private count = 0;
  async get(_ws: string, entity: string, uuid: string) {
    return this.items.get(`${entity}#${uuid}`);
  }
  async upsertMany(_ws: string, records: readonly PreparedRecord[]): Promise<UpsertOutcome[]> {
    this.count += 1;
    if (this.count === this.crashOnWrite) throw new Error('the worker died');
    return records.map((record) => {
      const key = `${record.entity}#${record.uuid}`;
      this.items.set(key, { ...this.items.get(key), ...record.fields, extra: record.extra, uuid: record.uuid });
      this.writes.set(key, (this.writes.get(key) ?? 0) + 1);
      return { ok: true, uuid: record.uuid, created: true };
    });
  }
  ofEntity(entity: string): StoredItem[] {
    return [...this.items.entries()].filter(([key]) => key.startsWith(`${entity}#`)).map(([, item]) => item);
  }
}

function setup(data: Record<string, unknown>, source = new ApolloSourceDouble({ organizations: 600, perPage: 10, maxPages: 5 })) {
  const jobs = new MemoryJobStore();
  const store = new MemoryCollectionStore();
  const queue = new MemoryPageQueue();
  const records = new Records();
  const events: JobEvent[] = [];
  const at = '2026-12-04T10:00:00.000Z';
  jobs.seed({
    id: JOB, workspaceId: WS, type: 'apollo_collection', status: 'processing', data: { include_people: true, people_per_organization: 50, ...data },
    retryCount: 3, attempts: 0, progress: 0, counters: { rowsRead: 0, rowsWritten: 0, rowsFailed: 0 }, createdAt: at, updatedAt: at, version: 1,
  } as Job);
  const openSource = async () => source;
  const runDeps: ApolloCollectionDeps = { store, queue, openSource, allowedHosts: new Set(['app.apollo.io']), catalogues: { industries: DOUBLE_INDUSTRIES }, sleep: async () => undefined, pollIntervalMs: 10 };
  const pageDeps: CollectPageDeps = { jobs, store, queue, records, openSource, events: { publish: async (_ws, event) => void events.push(event) } };
  const run = (): Promise<JobRunOutcome> =>
    runApolloCollection(runDeps, { job: jobs.jobs.get(`${WS}/${JOB}`) as Job, jobs, events: { publish: async (_ws, event) => void events.push(event) }, remainingMs: () => 5 });
  /** Delivers every queued message, as SQS would; a throwing delivery is redelivered later. */
  const drain = async (limit = 10_000) => {
    const results: string[] = [];
    for (let i = 0; i < limit; i += 1) {
      const next = queue.take();
      if (!next) break;
      try {
        results.push(await collectPage(pageDeps, next.message));
      } catch {
        results.push('thrown');
        queue.messages.push({ message: next.message });
      }
    }
    return results;
  };
  const job = () => jobs.jobs.get(`${WS}/${JOB}`) as Job;
  return { jobs, store, queue, records, source, events, run, drain, job };
}

const URL = 'https://app.apollo.io/#/companies?organizationLocations[]=california&organizationLocations[]=texas&organizationLocations[]=germany';

describe('apollo collection (runner and page worker, against the source double)', () => {
  it('It should split a search over the cap and collect exactly the ground truth, once each, with exact counters', async () => {
    const t = setup({ apollo_url: URL, task_name: 'All three' });
    expect((await t.run()).outcome).toBe('continue');
    expect((t.job().checkpoint as { segments: unknown[] }).segments.length).toBeGreaterThan(1);
    await t.drain();
    const truth = t.source.matches({ organization_locations: ['california', 'texas', 'germany'] }).map((org) => apolloRecordUuid('company', org.id));
    const companies = t.records.ofEntity('company');
    expect(new Set(companies.map((c) => c.uuid))).toEqual(new Set(truth));
    expect(companies.every((c) => (c.task_ids as string[]).includes(JOB))).toBe(true);
    const tally = await t.store.tally(WS, JOB);
    expect(tally.organizations_saved).toBe(truth.length);
    expect(tally.people_total_added).toBe(truth.length * 3);
    expect(t.records.ofEntity('contact')).toHaveLength(truth.length * 3);
    // Apollo repeats rows across pages: found counts rows read, saved counts distinct organisations.
    expect(tally.organizations_found).toBeGreaterThan(tally.organizations_saved);
    expect((await t.run()).outcome).toBe('completed');
    expect(t.job().result ?? {}).toMatchObject({ organizations_saved: truth.length, people_total_added: truth.length * 3 });
    const outcome = await t.run();
    expect(outcome).toMatchObject({ outcome: 'completed', result: { state: 'completed_with_people', organizations_saved: truth.length, segments_done: tally.segments_done } });
    expect(t.events.some((event) => event.type === 'progress' && event.counters?.organizations_saved === truth.length)).toBe(true);
  });

  it('It should resume a page a worker died in at that page, losing no organisation and counting none twice', async () => {
    const t = setup({ apollo_url: URL, task_name: 'crash' });
    await t.run();
    t.records.crashOnWrite = 37;
    const results = await t.drain();
    expect(results).toContain('thrown');
    const truth = t.source.matches({ organization_locations: ['california', 'texas', 'germany'] });
    const tally = await t.store.tally(WS, JOB);
    expect(tally.organizations_saved).toBe(truth.length);
    expect(tally.people_total_added).toBe(truth.length * 3);
    expect(t.records.ofEntity('company')).toHaveLength(truth.length);
    const pages = t.source.requests.filter((r) => r.entity === 'organizations' && r.perPage > 1).length;
    // The page that died is read once more, no other page.
    expect(pages).toBe(tally.pages_done + 1);
  });

  it('It should requeue a rate-limited page with the delay the source asked for, never failing the task', async () => {
    const t = setup({ apollo_url: URL, task_name: 'slow' });
    await t.run();
    t.source.failNext({ code: 'RATE_LIMITED', retryAfterMs: 30_000 });
    const first = t.queue.messages[0]?.message;
    expect(await t.drain(1)).toEqual(['requeued']);
    expect(t.queue.messages.at(-1)).toEqual({ message: first, delaySeconds: 30 });
    await t.drain();
    expect((await t.store.tally(WS, JOB)).organizations_saved).toBe(t.source.matches({ organization_locations: ['california', 'texas', 'germany'] }).length);
  });

  it('It should pause the task when the session expires and continue it after a resume', async () => {
    const t = setup({ apollo_url: URL, task_name: 'expiring' });
    await t.run();
    await t.drain(3);
    t.source.failNext({ code: 'SESSION_EXPIRED' });
    await t.drain(1);
    expect(t.job().status).toBe('paused');
    expect(t.job().error?.code).toBe('ERR_SOURCE_SESSION_EXPIRED');
    // Pages delivered while paused are parked, not read.
    const parked = await t.drain();
    expect(parked.every((result) => result === 'deferred' || result === 'nothing')).toBe(true);
    expect((await t.store.tally(WS, JOB)).deferred).toBeGreaterThan(0);
    t.jobs.seed({ ...t.job(), status: 'processing' });
    await t.run();
    await t.drain();
    const truth = t.source.matches({ organization_locations: ['california', 'texas', 'germany'] });
    const tally = await t.store.tally(WS, JOB);
    expect(tally.organizations_saved).toBe(truth.length);
    expect(tally.deferred).toBe(0);
    expect((await t.run()).outcome).toBe('completed');
  });

  it('It should stop saving at the ceiling, exactly', async () => {
    const t = setup({ apollo_url: 'https://app.apollo.io/#/companies', task_name: 'ceiling', max_organizations: 23, include_people: false });
    await t.run();
    await t.drain();
    const tally = await t.store.tally(WS, JOB);
    expect(tally.organizations_saved).toBe(23);
    expect(t.records.ofEntity('company')).toHaveLength(23);
    expect(t.records.ofEntity('contact')).toHaveLength(0);
    expect(await t.run()).toMatchObject({ outcome: 'completed', result: { state: 'completed', organizations_saved: 23 } });
  });

  it('It should keep every task that collected a record when another task collects it again', async () => {
    const t = setup({ apollo_url: URL, task_name: 'first' });
    const org = t.source.organizations[0] as (typeof t.source.organizations)[number];
    await writeCollected(t.records, WS, [companyFromOrganization(org, ['task-1'])]);
    await writeCollected(t.records, WS, [companyFromOrganization(org, ['task-2'])]);
    const companies = t.records.ofEntity('company');
    expect(companies).toHaveLength(1);
    expect(companies[0]?.task_ids).toEqual(['task-1', 'task-2']);
  });
});
