import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCollectionStore } from '../../../functions/adapters/dynamodb/apollo-collection.dynamodb.ts';
import { startControlTable, type ControlTable } from '../../helpers/control-table.ts';

let table: ControlTable;
let store: DynamoCollectionStore;
const WS = 'ws-a';

beforeAll(async () => {
  table = await startControlTable();
  store = new DynamoCollectionStore(table.client(), table.tableName);
}, 120_000);
afterAll(async () => {
  await table?.stop();
});

describe('DynamoCollectionStore against DynamoDB Local', () => {
  it('It should advance a segment only from the page it is at, counting once, and park and unpark it', async () => {
    await store.putSegments(WS, 'job-1', ['s1', 's2']);
    await store.putSegments(WS, 'job-1', ['s1']);
    expect(await store.getSegment(WS, 'job-1', 's1')).toMatchObject({ status: 'pending', nextPage: 1 });
    expect(await store.advance(WS, 'job-1', 's1', 1, false, { organizations_found: 10, pages_done: 1 })).toBe(true);
    expect(await store.advance(WS, 'job-1', 's1', 1, false, { organizations_found: 10, pages_done: 1 })).toBe(false);
    expect(await store.defer(WS, 'job-1', 's1', 1)).toBe(false);
    expect(await store.defer(WS, 'job-1', 's1', 2)).toBe(true);
    expect((await store.listSegments(WS, 'job-1', { status: 'deferred', limit: 10 })).items.map((s) => s.key)).toEqual(['s1']);
    expect(await store.undefer(WS, 'job-1', 's1')).toBe(true);
    expect(await store.undefer(WS, 'job-1', 's1')).toBe(false);
    expect(await store.advance(WS, 'job-1', 's1', 2, true, { organizations_found: 4, pages_done: 1, segments_done: 1 })).toBe(true);
    expect(await store.getSegment(WS, 'job-1', 's1')).toMatchObject({ status: 'done', nextPage: 3 });
    expect(await store.tally(WS, 'job-1')).toMatchObject({ organizations_found: 14, pages_done: 2, segments_done: 1, deferred: 0 });
  });

  it('It should claim an organisation once, stop at the ceiling exactly under concurrent claims, and complete it once', async () => {
    const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => store.claim(WS, 'job-2', `org${i}`, 5)));
    expect(claims.filter((c) => c === 'claimed')).toHaveLength(5);
    expect(claims.filter((c) => c === 'ceiling')).toHaveLength(3);
    expect((await store.tally(WS, 'job-2')).organizations_saved).toBe(5);
    const claimed = [...claims.entries()].filter(([, c]) => c === 'claimed').map(([i]) => `org${i}`);
    // A second sighting answers the state it is in, and counts nothing.
    expect(await store.claim(WS, 'job-2', claimed[0] as string, 5)).toBe('claimed');
    expect((await store.tally(WS, 'job-2')).organizations_saved).toBe(5);
    const first = claimed[0] as string;
    expect(await store.complete(WS, 'job-2', first, 3)).toBe(true);
    expect(await store.complete(WS, 'job-2', first, 3)).toBe(false);
    expect(await store.claim(WS, 'job-2', first)).toBe('completed');
    expect((await store.tally(WS, 'job-2')).people_total_added).toBe(3);
  });
});
