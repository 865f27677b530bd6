import { beforeAll, describe, expect, it } from 'vitest';
import { CONTACTS } from './fixtures.ts';
import { failure, hitsOf, idsOf, seedContacts, useTestEngine } from './helpers.ts';

const INDEX = 'sorting';
const t = useTestEngine({ index: INDEX, docs: CONTACTS });

const sorted = async (sort: unknown, extra: Record<string, unknown> = {}): Promise<string[]> => idsOf(await t.client.search({ index: INDEX, body: { sort, ...extra } }));

describe('search engine: sorting', () => {
  it('It should sort keyword fields on normalised values, ascending and descending', async () => {
    expect(await sorted([{ country: 'asc' }, { 'last_name.keyword': 'asc' }])).toEqual(['5', '4', '1', '2', '3']);
    expect(await sorted([{ 'last_name.keyword': { order: 'desc' } }])).toEqual(['1', '3', '5', '4', '2']);
  });

  it('It should sort numbers and dates, reporting the sort values', async () => {
    expect(await sorted([{ employees: 'desc' }])).toEqual(['4', '2', '1', '5', '3']);
    const hits = hitsOf(await t.client.search({ index: INDEX, body: { sort: [{ created_at: 'asc' }] } }));
    expect(hits.map((h) => h._id)).toEqual(['4', '3', '5', '1', '2']);
    expect(hits[0]!.sort).toEqual([Date.parse('2022-06-30T23:59:59.999Z')]);
    expect(hits[0]!._score).toBeNull();
  });

  it('It should put docs without a value last by default, or first with missing _first', async () => {
    expect(await sorted([{ score: { order: 'desc' } }])).toEqual(['4', '1', '2', '3', '5']);
    expect(await sorted([{ score: { order: 'desc', missing: '_first' } }])).toEqual(['3', '5', '4', '1', '2']);
    expect(await sorted([{ seniority: { order: 'asc', missing: '_first' } }])).toEqual(['5', '4', '2', '3', '1']);
    expect(await sorted([{ seniority: { order: 'asc', missing: '_last' } }])).toEqual(['4', '2', '3', '1', '5']);
  });

  it('It should sort a multi-valued field by its smallest value ascending and its largest descending', async () => {
    expect(await sorted([{ departments: 'asc' }, '_doc'])).toEqual(['1', '3', '2', '4', '5']);
    expect(await sorted([{ departments: 'desc' }, '_doc'])).toEqual(['2', '1', '3', '4', '5']);
  });

  it('It should accept string sort specs and sort by _doc and by _score', async () => {
    expect(await sorted(['country', '_doc'])).toEqual(['5', '1', '4', '2', '3']);
    expect(await sorted([{ _doc: 'desc' }])).toEqual(['5', '4', '3', '2', '1']);
    const byScore = await sorted(['_score', { _doc: 'asc' }], { query: { match: { title: 'engineer software' } } });
    expect(byScore).toEqual(['3', '1', '5']);
  });

  it('It should refuse to sort on a text field without fielddata, as OpenSearch does', async () => {
    const { statusCode, body } = await failure(t.client.search({ index: INDEX, body: { sort: [{ last_name: 'asc' }] } }));
    expect(statusCode).toBe(400);
    expect(body.error.root_cause[0]!.reason).toContain('Text fields are not optimised');
    expect(body.error.root_cause[0]!.reason).toContain('[last_name]');
  });

  it('It should refuse to sort on an unmapped field unless unmapped_type is given', async () => {
    const { statusCode, body } = await failure(t.client.search({ index: INDEX, body: { sort: [{ nickname: 'asc' }] } }));
    expect(statusCode).toBe(400);
    expect(body.error.root_cause[0]!.reason).toBe('No mapping found for [nickname] in order to sort on');
    expect(await sorted([{ nickname: { order: 'asc', unmapped_type: 'keyword' } }, '_doc'])).toEqual(['1', '2', '3', '4', '5']);
  });
});

describe('search engine: paging', () => {
  const PAGED = 'paging';
  // Many ties on employees: only the uuid tiebreaker gives a total order.
  const docs = Array.from({ length: 23 }, (_, i) => ({ uuid: `u${String(22 - i).padStart(2, '0')}`, employees: (i % 4) * 10, country: i % 5 === 0 ? undefined : 'fr' }));

  beforeAll(async () => {
    await seedContacts(t.client, PAGED, docs);
  });

  it('It should page with search_after through ties without gaps or duplicates', async () => {
    const sort = [{ employees: { order: 'desc', missing: '_last' } }, { uuid: 'asc' }];
    const seen: string[] = [];
    let after: unknown[] | undefined;
    for (let page = 0; page < 10; page++) {
      const hits = hitsOf(await t.client.search({ index: PAGED, body: { sort, size: 5, ...(after ? { search_after: after } : {}) } }));
      if (hits.length === 0) break;
      seen.push(...hits.map((h) => h._id));
      after = hits[hits.length - 1]!.sort;
    }
    const expected = docs
      .map((d, i) => ({ id: String(i + 1), ...d }))
      .sort((a, b) => b.employees - a.employees || a.uuid.localeCompare(b.uuid))
      .map((d) => d.id);
    expect(seen).toEqual(expected);
  });

  it('It should page with search_after on a sort with missing values', async () => {
    const sort = [{ country: { order: 'asc', missing: '_last' } }, { uuid: 'desc' }];
    const all = idsOf(await t.client.search({ index: PAGED, body: { sort, size: 100 } }));
    const first = hitsOf(await t.client.search({ index: PAGED, body: { sort, size: 20 } }));
    const rest = idsOf(await t.client.search({ index: PAGED, body: { sort, size: 100, search_after: first[first.length - 1]!.sort } }));
    expect([...first.map((h) => h._id), ...rest]).toEqual(all);
    expect(first[first.length - 1]!.sort?.[0]).toBeNull();
  });

  it('It should skip `from` hits and return at most `size`', async () => {
    const all = await sorted(['_doc']);
    expect(idsOf(await t.client.search({ index: INDEX, body: { sort: ['_doc'], from: 1, size: 2 } }))).toEqual(all.slice(1, 3));
    expect(idsOf(await t.client.search({ index: INDEX, body: { from: 4, size: 10 } }))).toHaveLength(1);
    expect(idsOf(await t.client.search({ index: INDEX, body: { size: 0 } }))).toEqual([]);
  });

  it('It should refuse from + size beyond index.max_result_window', async () => {
    const { statusCode, body } = await failure(t.client.search({ index: INDEX, body: { from: 9_995, size: 10 } }));
    expect(statusCode).toBe(400);
    expect(body.error.root_cause[0]!.reason).toContain('Result window is too large, from + size must be less than or equal to: [10000] but was [10005]');
  });

  it('It should refuse search_after without a sort, with a wrong arity, or with from', async () => {
    expect((await failure(t.client.search({ index: INDEX, body: { search_after: [1] } }))).statusCode).toBe(400);
    expect((await failure(t.client.search({ index: INDEX, body: { sort: ['_doc'], search_after: [1, 2] } }))).body.error.reason).toContain('search_after has 2 value(s) but sort has 1');
    expect((await failure(t.client.search({ index: INDEX, body: { sort: ['_doc'], search_after: [1], from: 2 } }))).body.error.reason).toContain('`from` parameter must be set to 0');
  });
});
