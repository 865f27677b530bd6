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
