import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

const TOTAL = 10_000;
const BATCH = 1_000;
const PAGE = 700;
// Few distinct sort values, so almost every page boundary falls inside a run of ties.
const SENIORITIES = ['senior', 'manager', 'director', undefined];
const LAST_NAMES = ['Adams', 'Baker', 'Clark'];

let t: TestCloud;
const inserted = new Set<string>();

const contactsCount = async (): Promise<number> => (await t.api('/v1/contacts/count', { body: {} })).body.count as number;

beforeAll(async () => {
  t = await startTestCloud();
  for (let start = 0; start < TOTAL; start += BATCH) {
    const rows = Array.from({ length: BATCH }, (_, k) => {
      const i = start + k;
      const seniority = SENIORITIES[i % SENIORITIES.length];
      return { first_name: `P${i}`, last_name: LAST_NAMES[i % LAST_NAMES.length], country: i % 2 ? 'France' : 'Spain', ...(seniority ? { seniority } : {}) };
    });
    const { status, body } = await t.api('/v1/contacts/batch-upsert', { body: rows });
    expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
    for (const uuid of body.contact_uuids as string[]) inserted.add(uuid);
  }
  expect(inserted.size).toBe(TOTAL);
  await eventually(async () => (await contactsCount()) === TOTAL, `${TOTAL} contacts to be searchable`, 240_000);
}, 300_000);

afterAll(async () => t?.stop());

describe('cursor paging over 10,000 rows', () => {
  it('It should walk every row once, in order, across ties and missing values', async () => {
    const order_by = [
      { order_by: 'seniority', order_direction: 'asc' },
      { order_by: 'last_name', order_direction: 'desc' },
    ];
    const seen: { uuid: string; cursor: [string | null, string, string] }[] = [];
    let cursor: unknown[] | null = null;
    let pages = 0;
    do {
      const { status, body } = await t.api('/v1/contacts/search', { body: { order_by, limit: PAGE, select_columns: ['seniority'], ...(cursor ? { cursor } : {}) } });
      expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
      seen.push(...body.data);
      cursor = body.next_cursor;
      pages++;
    } while (cursor && pages < 100);
    expect(pages).toBe(Math.ceil(TOTAL / PAGE));
    expect(seen).toHaveLength(TOTAL);
    expect(new Set(seen.map((r) => r.uuid))).toEqual(inserted);
    // Each cursor sorts strictly after the one before: seniority ascending (missing last), last name descending, uuid ascending.
    const rank = (s: string | null) => (s === null ? '\uffff' : s);
    for (let i = 1; i < seen.length; i++) {
      const [s0, l0, u0] = seen[i - 1]!.cursor;
      const [s1, l1, u1] = seen[i]!.cursor;
      const after = rank(s1) > rank(s0) || (s1 === s0 && (l1 < l0 || (l1 === l0 && u1 > u0)));
      expect(after, `row ${i}: ${JSON.stringify(seen[i - 1]!.cursor)} then ${JSON.stringify(seen[i]!.cursor)}`).toBe(true);
    }
  });

  it('It should walk a filtered set the same way and agree with its count', async () => {
    const where = { keyword_match: { must: { country: 'france' }, must_not: { seniority: ['manager'] } } };
    const { body: counted } = await t.api('/v1/contacts/count', { body: { where } });
    const uuids: string[] = [];
    let cursor: unknown[] | null = null;
    do {
      const { body } = await t.api('/v1/contacts/search', { body: { where, order_by: [{ order_by: 'last_name' }], limit: 1000, select_columns: ['uuid'], ...(cursor ? { cursor } : {}) } });
      uuids.push(...body.data.map((r: { uuid: string }) => r.uuid));
      cursor = body.next_cursor;
    } while (cursor);
    // Odd rows are in France; every fourth row (i % 4 === 1) among them is a manager.
    expect(counted.count).toBe(TOTAL / 2 - TOTAL / 4);
    expect(uuids).toHaveLength(counted.count);
    expect(new Set(uuids).size).toBe(counted.count);
  });
});
