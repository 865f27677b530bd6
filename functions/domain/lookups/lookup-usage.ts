/**
 * `GET /v1/lookups/usage`: the seed's three analytics, answered from DynamoDB instead of SQL —
 * credits by operation and user (the ledger), calls, success rate and latency by operation (the
 * outbound call log), and the most common employers and industries among looked-up records.
 */
import type { CallLog, CallLogEntry } from '../../ports/call-log.port.ts';
import type { CreditLedger, LedgerEntry } from '../../ports/lookups.port.ts';

export interface UsageDeps {
  readonly ledger: CreditLedger;
  readonly callLog: CallLog;
  readonly provider: string;
}

/** Call-log pages read for one answer; a period beyond that says `truncated`. */
export const USAGE_MAX_CALL_PAGES = 20;
/** Employers and industries listed. */
export const USAGE_TOP_N = 10;

const tally = (values: readonly string[]): { value: string; count: number }[] => {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, USAGE_TOP_N);
};

const sumBy = (entries: readonly LedgerEntry[], key: (entry: LedgerEntry) => string): Record<string, number> => {
  const sums: Record<string, number> = {};
  for (const entry of entries) sums[key(entry)] = (sums[key(entry)] ?? 0) + entry.credits;
  return sums;
};

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

function callsByOperation(calls: readonly CallLogEntry[]): Record<string, Record<string, number>> {
  const groups = new Map<string, CallLogEntry[]>();
  for (const call of calls) groups.set(call.operation, [...(groups.get(call.operation) ?? []), call]);
  return Object.fromEntries(
    [...groups].map(([operation, group]) => {
      const ok = group.filter((call) => call.status >= 200 && call.status < 300).length;
      const latencies = group.map((call) => call.latencyMs).sort((a, b) => a - b);
      return [
        operation,
        {
          calls: group.length,
          succeeded: ok,
          success_rate: group.length === 0 ? 0 : ok / group.length,
          latency_ms_avg: Math.round(latencies.reduce((sum, ms) => sum + ms, 0) / Math.max(1, latencies.length)),
          latency_ms_p50: percentile(latencies, 0.5),
          latency_ms_p95: percentile(latencies, 0.95),
        },
      ];
    }),
  );
}

async function readCalls(deps: UsageDeps, workspaceId: string, from: string, to: string): Promise<{ calls: CallLogEntry[]; truncated: boolean }> {
  const calls: CallLogEntry[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < USAGE_MAX_CALL_PAGES; page += 1) {
    const answer = await deps.callLog.query({ workspaceId, provider: deps.provider, from, to, ...(cursor ? { cursor } : {}) });
    calls.push(...answer.entries);
    cursor = answer.cursor;
    if (!cursor) return { calls, truncated: false };
  }
  return { calls, truncated: true };
}

export async function lookupUsage(deps: UsageDeps, workspaceId: string, from: string, to: string): Promise<Record<string, unknown>> {
  const ledger = (await deps.ledger.list(workspaceId, from, to)).filter((entry) => entry.provider === deps.provider);
  const { calls, truncated } = await readCalls(deps, workspaceId, from, to);
  return {
    provider: deps.provider,
    period: { from, to },
    credits: {
      total: ledger.reduce((sum, entry) => sum + entry.credits, 0),
      by_operation: sumBy(ledger, (entry) => entry.operation),
      by_user: sumBy(ledger, (entry) => entry.userId ?? 'workspace'),
    },
    calls: { total: calls.length, by_operation: callsByOperation(calls), truncated },
    top_employers: tally(ledger.flatMap((entry) => (entry.employer ? [entry.employer] : []))),
    top_industries: tally(ledger.flatMap((entry) => (entry.industry ? [entry.industry] : []))),
  };
}
