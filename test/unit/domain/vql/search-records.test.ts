import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../../functions/domain/records/fields.ts';
import { countRecords, listRecords, searchRecords } from '../../../../functions/domain/records/search-records.ts';
import { MAX_JOINED_COMPANIES } from '../../../../functions/domain/vql/limits.ts';
import { vqlQuerySchema } from '../../../../functions/domain/vql/vql-schema.ts';
import type { RecordSearch, SearchResult } from '../../../../functions/ports/search.port.ts';

type Body = Record<string, any>;

/** A RecordSearch that answers from scripted results and records every body it was sent. */
function scriptedSearch(answers: Partial<Record<Entity, SearchResult[]>>, countAnswer = 0) {
  const calls: { entity: Entity; body: Body }[] = [];
  const search: RecordSearch = {
    search: async (entity, body) => {
      calls.push({ entity, body });
      const next = answers[entity]?.shift();
      if (!next) throw new Error(`unexpected ${entity} search`);
      return next;
    },
    count: async (entity, body) => {
      calls.push({ entity, body });
      return countAnswer;
    },
    apply: async () => [],
  };
  return { search, calls };
}

const hit = (source: Record<string, unknown>, sort: unknown[] = [source.uuid]) => ({ source: { workspace_id: 'ws', ...source }, sort });
const q = (query: unknown) => vqlQuerySchema.parse(query);

describe('searchRecords, listRecords, countRecords', () => {
  it('It should resolve company.* filters to company ids first, then filter contacts by them', async () => {
    const { search, calls } = scriptedSearch({
      company: [{ hits: [hit({ uuid: 'c1' }), hit({ uuid: 'c2' })], total: 2 }],
      contact: [{ hits: [hit({ uuid: 'p1', company_id: 'c1' })], total: 1 }],
    });
    const page = await searchRecords(search, 'contact', 'ws', q({ where: { keyword_match: { must: { 'company.industries': 'fintech' } } } }));
    expect(calls.map((c) => c.entity)).toEqual(['company', 'contact']);
    expect(calls[0]!.body.query.bool.filter).toContainEqual({ term: { workspace_id: 'ws' } });
    expect(calls[1]!.body.query.bool.filter).toContainEqual({ terms: { company_id: ['c1', 'c2'] } });
    expect(page.data).toEqual([{ uuid: 'p1', company_id: 'c1', cursor: ['p1'] }]);
  });

  it('It should answer nothing without querying contacts when no company matches', async () => {
    const { search, calls } = scriptedSearch({ company: [{ hits: [], total: 0 }, { hits: [], total: 0 }] });
    const where = { range_query: { must: { 'company.employees_count': { gte: 1e9 } } } };
    expect(await searchRecords(search, 'contact', 'ws', q({ where }))).toEqual({ data: [], next_cursor: null });
    expect(await countRecords(search, 'contact', 'ws', where)).toBe(0);
    expect(calls.map((c) => c.entity)).toEqual(['company', 'company']);
  });

  it('It should refuse company filters matching more companies than the bound with ERR_QUERY_TOO_BROAD', async () => {
    const { search } = scriptedSearch({ company: [{ hits: [], total: MAX_JOINED_COMPANIES + 1 }] });
    await expect(listRecords(search, 'contact', 'ws', q({ where: { keyword_match: { must: { 'company.country': 'us' } } } }))).rejects.toMatchObject({
      code: 'ERR_QUERY_TOO_BROAD',
      status: 400,
    });
  });

  it('It should attach each contact\'s company with one query, hiding the company_id it needed', async () => {
    const { search, calls } = scriptedSearch({
      contact: [{ hits: [hit({ uuid: 'p1', first_name: 'a', company_id: 'c1' }), hit({ uuid: 'p2', first_name: 'b', company_id: 'c1' }), hit({ uuid: 'p3', first_name: 'c' })], total: 3 }],
      company: [{ hits: [hit({ uuid: 'c1', name: 'Acme' })], total: 1 }],
    });
    const page = await searchRecords(search, 'contact', 'ws', q({ select_columns: ['first_name'], company_config: { populate: true, select_columns: ['name'] } }));
    expect(calls[1]!.body.query.bool.filter).toEqual([{ term: { workspace_id: 'ws' } }, { terms: { uuid: ['c1'] } }]);
    expect(page.data.map(({ cursor: _c, ...row }) => row)).toEqual([
      { uuid: 'p1', first_name: 'a', company: { uuid: 'c1', name: 'Acme' } },
      { uuid: 'p2', first_name: 'b', company: { uuid: 'c1', name: 'Acme' } },
      { uuid: 'p3', first_name: 'c', company: null },
    ]);
  });

  it('It should give each row its cursor, the next cursor on a full page, and keep Long sentinels exact', async () => {
    const { search } = scriptedSearch({
      company: [{ hits: [hit({ uuid: 'a' }, [500, 'a']), hit({ uuid: 'b' }, [2 ** 63, 'b'])], total: 2 }],
    });
    const page = await searchRecords(search, 'company', 'ws', q({ order_by: [{ order_by: 'employees_count' }], limit: 2 }));
    expect(page.data.map((r) => r.cursor)).toEqual([[500, 'a'], ['9223372036854775807', 'b']]);
    expect(page.next_cursor).toEqual(['9223372036854775807', 'b']);
  });

  it('It should report the exact total of a list page', async () => {
    const { search, calls } = scriptedSearch({ company: [{ hits: [hit({ uuid: 'a' })], total: 1234 }] });
    expect(await listRecords(search, 'company', 'ws', q({ page: 2, limit: 1 }))).toEqual({ count: 1234, results: [{ uuid: 'a' }] });
    expect(calls[0]!.body).toMatchObject({ track_total_hits: true, from: 1, size: 1 });
  });
});
