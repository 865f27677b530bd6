import type { RecordSearch } from '../../ports/search.port.ts';
import { searchRecords } from '../records/search-records.ts';
import { signalView } from './signal-store.ts';
import { encodeCursor, signalsQueryToVql, type SignalsQuery } from './signals-query.ts';

/** A page of the workspace's signals, newest filing first, through the one search path. */
export async function listSignals(search: RecordSearch, workspaceId: string, query: SignalsQuery): Promise<{ data: Record<string, unknown>[]; next_cursor: string | null }> {
  const page = await searchRecords(search, 'signal', workspaceId, signalsQueryToVql(query));
  const data = page.data.map(({ cursor: _cursor, ...row }) => signalView(row));
  return { data, next_cursor: page.next_cursor ? encodeCursor(page.next_cursor) : null };
}

/** Most signals `GET /v1/signals/monitor/{id}` returns inline; the rest page through `GET /v1/signals`. */
export const MAX_JOB_SIGNALS = 100;

/** The signals one monitoring job stored (most urgent first). */
export async function signalsOfJob(search: RecordSearch, workspaceId: string, jobId: string): Promise<Record<string, unknown>[]> {
  const page = await searchRecords(search, 'signal', workspaceId, {
    where: { keyword_match: { must: { job_id: [jobId] } } },
    order_by: [{ order_by: 'urgency_score', order_direction: 'desc' }, { order_by: 'uuid', order_direction: 'asc' }],
    limit: MAX_JOB_SIGNALS,
  });
  return page.data.map(({ cursor: _cursor, ...row }) => signalView(row));
}
