import { describe, expect, it } from 'vitest';
import { useTestEngine } from './helpers.ts';

const INDEX = 'sorted-paging';
const COUNTRIES = ['us', 'fr', 'de', 'gb'];
const LAST_NAMES = ['Smith', 'Adams', 'Zed', 'Brown'];
const DOCS = Array.from({ length: 300 }, (_, i) => ({
  uuid: `u${String((i * 7919) % 1000).padStart(4, '0')}`,
  country: COUNTRIES[(i * 31) % 4]!,
  employees: (i * 13) % 17 === 0 ? undefined : (i * 37) % 23,
  last_name: LAST_NAMES[(i * 3) % 4]!,
}));

const t = useTestEngine({ index: INDEX, docs: DOCS });

/** The expected order: employees desc (missing last), last_name asc, uuid asc. */
function expected(): string[] {
  return DOCS.map((d, i) => ({ ...d, id: String(i + 1) }))
    .sort((a, b) => {
      if (a.employees !== b.employees) {
        if (a.employees === undefined) return 1;
        if (b.employees === undefined) return -1;
        return b.employees - a.employees;
      }
      const an = a.last_name.toLowerCase();
      const bn = b.last_name.toLowerCase();
      if (an !== bn) return an < bn ? -1 : 1;
      return a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0;
    })
    .map((d) => d.id);
}

describe('search engine: sorting many ties with small pages', () => {
  it('It should walk every doc once, in sort order, with search_after pages smaller than the tie groups', async () => {
    const sort = [{ employees: { order: 'desc', missing: '_last' } }, { 'last_name.keyword': 'asc' }, { uuid: 'asc' }];
    const seen: string[] = [];
    let after: unknown[] | undefined;
    for (let page = 0; page < 100; page++) {
      const response = await t.client.search({ index: INDEX, body: { sort, size: 7, ...(after === undefined ? {} : { search_after: after }) } });
      const hits = response.body.hits.hits as Array<{ _id: string; sort: unknown[] }>;
      if (hits.length === 0) break;
      seen.push(...hits.map((h) => h._id));
      after = hits.at(-1)!.sort;
    }
    expect(seen).toEqual(expected());
  });

  it('It should return the same top page as a full sort when most docs lose on the first key', async () => {
    const response = await t.client.search({ index: INDEX, body: { query: { terms: { country: ['us', 'fr'] } }, sort: [{ 'last_name.keyword': 'asc' }, { uuid: 'desc' }], size: 5 } });
    const want = DOCS.map((d, i) => ({ ...d, id: String(i + 1) }))
      .filter((d) => d.country === 'us' || d.country === 'fr')
      .sort((a, b) => (a.last_name !== b.last_name ? (a.last_name.toLowerCase() < b.last_name.toLowerCase() ? -1 : 1) : a.uuid < b.uuid ? 1 : -1))
      .slice(0, 5)
      .map((d) => d.id);
    expect(response.body.hits.hits.map((h: { _id: string }) => h._id)).toEqual(want);
  });
});
