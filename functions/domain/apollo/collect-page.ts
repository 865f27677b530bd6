import { ApolloSourceError, type ApolloRawRecord, type ApolloSource } from '../../ports/apollo-source.port.ts';
import type { CollectionStore, PageTaskMessage, PageTaskQueue } from '../../ports/apollo-collection.port.ts';
import type { JobEvents } from '../../ports/job-events.port.ts';
import type { LeasedJobStore } from '../../ports/jobs.port.ts';
import type { Job } from '../jobs/job.ts';
import { collectionCheckpointOf, type CollectingCheckpoint } from './collection-checkpoint.ts';
import { apolloCollectionDataSchema, type ApolloCollectionData } from './job-data.ts';
import { MAX_REQUEUE_DELAY_SECONDS } from './limits.ts';
import { companyFromOrganization, contactFromPerson } from './records/apollo-records.ts';
import { writeCollected, type CollectedRecordStore } from './records/write-collected.ts';
import type { PlannedSegment } from './segments/plan-segments.ts';

export interface CollectPageDeps {
  readonly jobs: LeasedJobStore;
  readonly store: CollectionStore;
  readonly queue: PageTaskQueue;
  readonly records: CollectedRecordStore;
  /** The workspace's source, or null when it stored no session and no API key. */
  readonly openSource: (workspaceId: string, jobId: string) => Promise<ApolloSource | null>;
  readonly events?: JobEvents;
}

/**
 * - page: read and committed; nothing: a stale or duplicate delivery (another one committed it);
 * - deferred: the job is paused (its next run sends the page again); requeued: the source asked to wait;
 * - paused: the session expired, the job is paused until a new session and a resume.
 */
export type CollectPageResult = 'page' | 'nothing' | 'deferred' | 'requeued' | 'paused';

const RUNNABLE = new Set(['in_queue', 'processing', 'retrying', 'retry_in_queued']);
export const SESSION_EXPIRED_CODE = 'ERR_SOURCE_SESSION_EXPIRED';

interface PageWork {
  readonly deps: CollectPageDeps;
  readonly message: PageTaskMessage;
  readonly job: Job;
  readonly data: ApolloCollectionData;
  readonly plan: CollectingCheckpoint;
  readonly segment: PlannedSegment;
  readonly source: ApolloSource;
}

/** One organisation: claimed (counted once), written, its people written, then completed (people counted once). */
async function collectOrganization(work: PageWork, org: ApolloRawRecord): Promise<'ok' | 'ceiling'> {
  const { deps, message, data } = work;
  const { workspace_id: ws, job_id: jobId } = message;
  let state = await deps.store.seen(ws, jobId, org.id);
  if (state === 'completed') return 'ok';
  if (state === undefined) {
    const claim = await deps.store.claim(ws, jobId, org.id, data.max_organizations);
    if (claim === 'ceiling') return 'ceiling';
    state = claim === 'claimed' ? 'claimed' : claim;
    if (state === 'completed') return 'ok';
  }
  const company = companyFromOrganization(org, [jobId]);
  await writeCollected(deps.records, ws, [company]);
  let people = 0;
  if (data.include_people) {
    const found = await work.source.search(
      { entity: 'people', filters: { ...work.plan.search.personFilters, organization_ids: [org.id] }, page: 1, perPage: data.people_per_organization },
      { workspaceId: ws, jobId },
    );
    const chosen = found.records.slice(0, data.people_per_organization);
    const name = typeof company.fields.name === 'string' ? company.fields.name : undefined;
    await writeCollected(deps.records, ws, chosen.map((person) => contactFromPerson(person, { uuid: company.uuid, ...(name ? { name } : {}) }, [jobId])));
    people = chosen.length;
  }
  await deps.store.complete(ws, jobId, org.id, people);
  return 'ok';
}

async function readPage(work: PageWork): Promise<CollectPageResult> {
  const { deps, message, segment, source } = work;
  const { workspace_id: ws, job_id: jobId, page } = message;
  const answer = await source.search(
    { entity: 'organizations', filters: { ...work.plan.search.organizationFilters, ...segment.overrides }, page, perPage: source.perPage },
    { workspaceId: ws, jobId },
  );
  let ceiling = false;
  for (const org of answer.records) {
    if ((await collectOrganization(work, org)) === 'ceiling') {
      ceiling = true;
      break;
    }
  }
  const last = ceiling || answer.records.length === 0 || page >= Math.min(segment.pages, answer.totalPages);
  const tally = { organizations_found: answer.records.length, pages_done: 1, ...(last ? { segments_done: 1 } : {}) };
  const advanced = await deps.store.advance(ws, jobId, message.segment, page, last, tally);
  if (advanced && !last) await deps.queue.send([{ ...message, page: page + 1 }]);
  return advanced ? 'page' : 'nothing';
}

async function pauseForSession(deps: CollectPageDeps, job: Job, message: PageTaskMessage, why: string): Promise<CollectPageResult> {
  await deps.store.defer(job.workspaceId, job.id, message.segment, message.page);
  const error = { code: SESSION_EXPIRED_CODE, message: why };
  const paused = await deps.jobs.move(job.workspaceId, job.id, { from: ['in_queue', 'processing', 'retrying'], to: 'paused', lease: null, patch: { error } });
  if (paused) {
    await deps.events?.publish(job.workspaceId, { type: 'error', job_id: job.id, ...error }).catch(() => undefined);
    await deps.events?.publish(job.workspaceId, { type: 'status', job_id: job.id, status: 'paused', error }).catch(() => undefined);
  }
  return 'paused';
}

async function withSource(deps: CollectPageDeps, job: Job, message: PageTaskMessage, run: (source: ApolloSource) => Promise<CollectPageResult>): Promise<CollectPageResult> {
  const source = await deps.openSource(job.workspaceId, job.id);
  if (!source) return pauseForSession(deps, job, message, 'No Apollo session or API key is stored for this workspace: store one, then resume the task');
  try {
    return await run(source);
  } catch (error) {
    if (!(error instanceof ApolloSourceError)) throw error;
    if (error.code === 'RATE_LIMITED') {
      // Requeued as a new delayed message, not redelivered: waiting on the source's limit never spends the message's receives.
      const seconds = Math.min(MAX_REQUEUE_DELAY_SECONDS, Math.max(1, Math.ceil((error.retryAfterMs ?? 1000) / 1000)));
      await deps.queue.send([message], seconds);
      return 'requeued';
    }
    if (error.code === 'SESSION_EXPIRED' || error.code === 'AUTH_FAILED') return pauseForSession(deps, job, message, 'The Apollo session expired (or the key was refused): store a new one, then resume the task');
    throw error;
  } finally {
    await source.close();
  }
}

/**
 * One page of one segment of an `apollo_collection` job. Idempotent and checkpointed: only the
 * page the segment's checkpoint names is read, each organisation is claimed once in the job's
 * seen-set before it is written (so it is counted once, however often Apollo or a redelivery
 * shows it), and the segment advances in one conditional write, after which the next page is
 * sent. A crash anywhere re-reads at most this page, and loses nothing.
 */
export async function collectPage(deps: CollectPageDeps, message: PageTaskMessage): Promise<CollectPageResult> {
  const { workspace_id: ws, job_id: jobId, segment: key, page } = message;
  const [job, state] = await Promise.all([deps.jobs.get(ws, jobId), deps.store.getSegment(ws, jobId, key)]);
  if (!job || job.type !== 'apollo_collection' || !state || state.status !== 'pending' || state.nextPage !== page) return 'nothing';
  if (job.status === 'paused' || job.status === 'open') return (await deps.store.defer(ws, jobId, key, page)) ? 'deferred' : 'nothing';
  if (!RUNNABLE.has(job.status)) return 'nothing';
  const plan = collectionCheckpointOf(job.checkpoint);
  const segment = plan?.phase === 'collecting' ? plan.segments.find((s) => s.key === key) : undefined;
  if (!plan || plan.phase !== 'collecting' || !segment) return 'nothing';
  const data = apolloCollectionDataSchema.parse(job.data);
  if (data.max_organizations !== undefined && (await deps.store.tally(ws, jobId)).organizations_saved >= data.max_organizations) {
    return (await deps.store.advance(ws, jobId, key, page, true, { segments_done: 1 })) ? 'page' : 'nothing';
  }
  return withSource(deps, job, message, (source) => readPage({ deps, message, job, data, plan, segment, source }));
}
