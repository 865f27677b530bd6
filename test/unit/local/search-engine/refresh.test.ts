import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestEngine, useTestEngine, type TestEngine } from './helpers.ts';

const t = useTestEngine();
const count = async (index: string): Promise<number> => (await t.client.count({ index })).body.count as number;

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

  // The periodic refresh reads the clock: these two run their own engine on a fake clock
  // (setInterval and Date only; sockets keep their real timers), so they assert when a write
  // becomes visible on the engine's clock, not how long the machine took.
  describe('on a fake clock', () => {
    let own: TestEngine | undefined;
    const ownCount = async (index: string): Promise<number> => (await own!.client.count({ index })).body.count as number;

    beforeEach(async () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
      own = await startTestEngine();
    });
    afterEach(async () => {
      await own?.stop();
      own = undefined;
      vi.useRealTimers();
    });

    it('It should refresh periodically every second by default', async () => {
      await own!.client.index({ index: 'periodic', id: '1', body: { name: 'a' } });
      expect(await ownCount('periodic')).toBe(0);
      vi.advanceTimersByTime(900);
      expect(await ownCount('periodic')).toBe(0);
      vi.advanceTimersByTime(100);
      expect(await ownCount('periodic')).toBe(1);
    });

    it('It should not refresh periodically when refresh_interval is -1 until the setting changes', async () => {
      await own!.client.indices.create({ index: 'disabled', body: { settings: { index: { refresh_interval: -1 } } } });
      await own!.client.index({ index: 'disabled', id: '1', body: { name: 'a' } });
      vi.advanceTimersByTime(60_000);
      expect(await ownCount('disabled')).toBe(0);
      await own!.client.indices.putSettings({ index: 'disabled', body: { index: { refresh_interval: '200ms' } } });
      vi.advanceTimersByTime(200);
      expect(await ownCount('disabled')).toBe(1);
    });
  });
});
