import { describe, expect, it } from 'vitest';
import { useTestEngine } from './helpers.ts';

const t = useTestEngine();
const count = async (index: string): Promise<number> => (await t.client.count({ index })).body.count as number;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('search engine: refresh semantics', () => {
  it('It should hide writes from search until a refresh, while GET by id sees them at once', async () => {
    await t.client.indices.create({ index: 'manual', body: { settings: { refresh_interval: '-1' } } });
    await t.client.index({ index: 'manual', id: '1', body: { name: 'a' } });
    expect(await count('manual')).toBe(0);
    expect((await t.client.get({ index: 'manual', id: '1' })).body.found).toBe(true);
    await t.client.indices.refresh({ index: 'manual' });
    expect(await count('manual')).toBe(1);
  });

  it('It should keep showing a deleted doc in search until the next refresh', async () => {
    await t.client.indices.create({ index: 'deletes', body: { settings: { refresh_interval: '-1' } } });
    await t.client.index({ index: 'deletes', id: '1', body: { name: 'a' }, refresh: true });
    await t.client.delete({ index: 'deletes', id: '1' });
    expect(await count('deletes')).toBe(1);
    await t.client.indices.refresh({ index: 'deletes' });
    expect(await count('deletes')).toBe(0);
  });

  it('It should make a write searchable when it asks for refresh=true or refresh=wait_for', async () => {
    await t.client.indices.create({ index: 'on-write', body: { settings: { refresh_interval: '-1' } } });
    const forced = await t.client.index({ index: 'on-write', id: '1', body: { name: 'a' }, refresh: true });
    expect(forced.body.forced_refresh).toBe(true);
    expect(await count('on-write')).toBe(1);
    await t.client.bulk({ body: [{ index: { _index: 'on-write', _id: '2' } }, { name: 'b' }], refresh: 'wait_for' });
    expect(await count('on-write')).toBe(2);
  });

  it('It should refresh periodically every second by default', async () => {
    const written = Date.now();
    await t.client.index({ index: 'periodic', id: '1', body: { name: 'a' } });
    expect(await count('periodic')).toBe(0);
    while ((await count('periodic')) === 0 && Date.now() - written < 5_000) await sleep(50);
    expect(await count('periodic')).toBe(1);
    // Visible only once the 1 s interval since the index's creation has passed, not at once.
    expect(Date.now() - written).toBeGreaterThanOrEqual(800);
  });

  it('It should not refresh periodically when refresh_interval is -1 until the setting changes', async () => {
    await t.client.indices.create({ index: 'disabled', body: { settings: { index: { refresh_interval: -1 } } } });
    await t.client.index({ index: 'disabled', id: '1', body: { name: 'a' } });
    await sleep(1_300);
    expect(await count('disabled')).toBe(0);
    await t.client.indices.putSettings({ index: 'disabled', body: { index: { refresh_interval: '200ms' } } });
    await sleep(500);
    expect(await count('disabled')).toBe(1);
  });
});
