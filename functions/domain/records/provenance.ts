/**
 * Where a collected field's value came from (architecture guide §10): the collector (`website`,
 * `apollo`, `rocketreach`, ...), the page or provider call, when, and by which job. Stored beside
 * the record as `provenance`, keyed by field name, and never indexed.
 */
export type FieldProvenance = {
  readonly source: string;
  readonly url: string;
  readonly fetched_at: string;
  readonly job_id?: string;
  /** A digest of the value written, so a later collection can tell whether a person changed it since. */
  readonly digest?: string;
};

export type Provenance = Readonly<Record<string, FieldProvenance>>;
