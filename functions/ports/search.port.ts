import type { Entity } from '../domain/records/fields.ts';

export interface SearchHit {
  readonly source: Record<string, unknown>;
  readonly sort: readonly unknown[];
}

/** A document as the indexer writes it: its id, the version guarding order, and its body (undefined = delete). */
export interface IndexOperation {
  readonly entity: Entity;
  readonly id: string;
  readonly version: number;
  readonly document?: Record<string, unknown>;
}

export interface SearchResult {
  readonly hits: SearchHit[];
  /** Every match, when the body asked for `track_total_hits: true`; a lower bound otherwise. */
  readonly total: number;
}

export interface RecordSearch {
  /** Runs a compiled search body (functions/domain/vql writes every one) against an entity's alias. */
  search(entity: Entity, body: Record<string, unknown>): Promise<SearchResult>;
  count(entity: Entity, body: Record<string, unknown>): Promise<number>;
  /** Applies the operations in one bulk request; returns the indexes (into `ops`) that failed. */
  apply(ops: readonly IndexOperation[]): Promise<number[]>;
}
