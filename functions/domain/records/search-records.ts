import type { RecordSearch } from '../../ports/search.port.ts';
import { compileCount, compileSearch } from '../vql/vql-to-dsl.ts';
import type { VqlQuery, VqlWhere } from '../vql/vql-schema.ts';
import type { Entity } from './fields.ts';

export interface SearchPage {
  readonly data: Record<string, unknown>[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly next_cursor: unknown[] | null;
}

export async function searchRecords(search: RecordSearch, entity: Entity, workspaceId: string, query: VqlQuery): Promise<SearchPage> {
  const compiled = compileSearch(entity, workspaceId, query);
  const hits = await search.search(entity, compiled.body);
  const data = hits.map((hit) => {
    const { workspace_id: _ws, ...fields } = hit.source;
    return { ...fields, cursor: hit.sort };
  });
  const full = hits.length === compiled.body.size;
  return { data, next_cursor: full ? (hits.at(-1)?.sort.slice() ?? null) : null };
}

export async function countRecords(search: RecordSearch, entity: Entity, workspaceId: string, where: VqlWhere | undefined): Promise<number> {
  return search.count(entity, compileCount(entity, workspaceId, where));
}
