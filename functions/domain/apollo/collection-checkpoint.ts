import type { ApolloSearchFilters } from '../../ports/apollo-source.port.ts';
import type { PlannedSegment, PlanState } from './segments/plan-segments.ts';

/** The searches a task sends, resolved once from its URL when it is planned. */
export interface CollectionSearch {
  readonly organizationFilters: ApolloSearchFilters;
  readonly personFilters: ApolloSearchFilters;
}

export interface PlanningCheckpoint {
  readonly phase: 'planning';
  readonly search: CollectionSearch;
  readonly plan: PlanState;
}

/** The segment plan, as page workers read it from the job. */
export interface CollectingCheckpoint {
  readonly phase: 'collecting';
  readonly search: CollectionSearch;
  readonly segments: readonly PlannedSegment[];
  readonly total: number;
  readonly unreachable: number;
  readonly pagesTotal: number;
  /** Page-1 messages of every segment were sent (a run that crashed before sends them again; duplicates are harmless). */
  readonly dispatched: boolean;
}

export type CollectionCheckpoint = PlanningCheckpoint | CollectingCheckpoint;

/** The job's checkpoint as this job type writes it, or undefined before its first run. */
export function collectionCheckpointOf(raw: Readonly<Record<string, unknown>> | undefined): CollectionCheckpoint | undefined {
  if (!raw || (raw.phase !== 'planning' && raw.phase !== 'collecting')) return undefined;
  return raw as unknown as CollectionCheckpoint;
}
