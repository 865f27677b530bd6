/** One outbound call, as the call log keeps it for usage analytics. */
export interface CallLogEntry {
  readonly workspaceId: string;
  readonly provider: string;
  readonly operation: string;
  /** HTTP status, or 0 when no response came (timeout, network, refused by the guard). */
  readonly status: number;
  /** Why a call without a status failed (an error code), else undefined. */
  readonly error?: string;
  readonly latencyMs: number;
  /** Decompressed response bytes read. */
  readonly bytes: number;
  readonly credits: number;
  readonly attempts: number;
  readonly jobId?: string;
  readonly caller?: string;
  /** ISO-8601 start of the call. */
  readonly at: string;
}

export interface CallLogQuery {
  readonly workspaceId: string;
  readonly provider: string;
  /** ISO-8601 bounds, inclusive. */
  readonly from: string;
  readonly to: string;
  readonly limit?: number;
  readonly cursor?: string;
}

export interface CallLogPage {
  readonly entries: readonly CallLogEntry[];
  readonly cursor?: string;
}

/**
 * @example
 * await callLog.record({ workspaceId, provider: 'rocketreach', operation: 'person_lookup', status: 200, latencyMs: 120, bytes: 2048, credits: 1, attempts: 1, at: new Date().toISOString() });
 * const { entries } = await callLog.query({ workspaceId, provider: 'rocketreach', from: '2026-12-01T00:00:00Z', to: '2026-12-31T23:59:59Z' });
 */
export interface CallLog {
  record(entry: CallLogEntry): Promise<void>;
  /** Oldest first, within one workspace and provider. */
  query(query: CallLogQuery): Promise<CallLogPage>;
}
