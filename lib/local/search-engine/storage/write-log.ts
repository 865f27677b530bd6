/** One applied write as persisted in an index's append-only log. */
export type LogEntry =
  | { readonly op: 'index'; readonly id: string; readonly version: number; readonly seqNo: number; readonly source: Record<string, unknown> }
  | { readonly op: 'delete'; readonly id: string; readonly version: number; readonly seqNo: number };

/** Where an index records its applied writes; absent for in-memory engines. */
export interface WriteLog {
  append(entry: LogEntry): void;
}
