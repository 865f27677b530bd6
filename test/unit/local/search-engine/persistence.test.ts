import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../../lib/local/search-engine/index.ts';
import { failure, LOWERCASE_SETTINGS, startTestEngine, tempDataDir } from './helpers.ts';
import type { TestEngine } from './helpers.ts';

const dirs: string[] = [];
let running: TestEngine | undefined;

async function start(dataDir?: string): Promise<TestEngine> {
  running = await startTestEngine(dataDir === undefined ? {} : { dataDir });
  return running;
}

async function restart(dataDir?: string): Promise<TestEngine> {
  await running?.stop();
  return start(dataDir);
}

function newDir(): string {
  const dir = tempDataDir();
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await running?.stop();
  running = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('search engine: persistence', () => {
  it('It should keep indexes, mappings, settings, aliases and documents across a restart', async () => {
    const dir = newDir();
    let t = await start(dir);
    await t.client.indices.create({ index: 'kept-v1', body: { settings: { ...LOWERCASE_SETTINGS, refresh_interval: '5s' }, mappings: { dynamic: 'strict', properties: { name: { type: 'keyword', normalizer: 'lowercase' }, n: { type: 'integer' } } } } });
    await t.client.indices.putAlias({ index: 'kept-v1', name: 'kept' });
    await t.client.bulk({ body: [{ index: { _index: 'kept', _id: '1' } }, { name: 'One', n: 1 }, { index: { _index: 'kept', _id: '2' } }, { name: 'Two', n: 2 }] });
    await t.client.update({ index: 'kept', id: '2', body: { doc: { n: 22 } } });
    await t.client.delete({ index: 'kept', id: '1' });

    t = await restart(dir);
    expect((await t.client.indices.getAlias({ name: 'kept' })).body).toEqual({ 'kept-v1': { aliases: { kept: {} } } });
    expect((await t.client.get({ index: 'kept', id: '2' })).body).toMatchObject({ _version: 2, _source: { name: 'Two', n: 22 } });
    expect((await failure(t.client.get({ index: 'kept', id: '1' }))).statusCode).toBe(404);
    expect((await t.client.count({ index: 'kept', body: { query: { term: { name: 'TWO' } } } })).body.count).toBe(1);
    expect((await t.client.indices.getSettings({ index: 'kept-v1' })).body['kept-v1'].settings.index.refresh_interval).toBe('5s');
    expect((await failure(t.client.index({ index: 'kept', id: '3', body: { other: 1 } }))).body.error.type).toBe('strict_dynamic_mapping_exception');
  });

  it('It should remember external versions and delete tombstones across a restart', async () => {
    const dir = newDir();
    let t = await start(dir);
    await t.client.bulk({ body: [{ index: { _index: 'versions', _id: 'a', version: 5, version_type: 'external' } }, { v: 5 }, { delete: { _index: 'versions', _id: 'b', version: 7, version_type: 'external' } }] });

    t = await restart(dir);
    const stale = await t.client.bulk({
      body: [{ index: { _index: 'versions', _id: 'a', version: 4, version_type: 'external' } }, { v: 4 }, { index: { _index: 'versions', _id: 'b', version: 6, version_type: 'external' } }, { v: 6 }],
    });
    expect((stale.body.items as Array<{ index: { status: number } }>).map((i) => i.index.status)).toEqual([409, 409]);
    expect((await t.client.index({ index: 'versions', id: 'x', body: { v: 1 } })).body._seq_no).toBe(2);
  });

  it('It should keep dynamically mapped fields across a restart', async () => {
    const dir = newDir();
    let t = await start(dir);
    await t.client.index({ index: 'dyn', id: '1', body: { born: '2000-01-01', tags: ['a', 'b'] } });
    t = await restart(dir);
    expect((await t.client.indices.getMapping({ index: 'dyn' })).body.dyn.mappings.properties.born).toEqual({ type: 'date' });
    expect((await t.client.count({ index: 'dyn', body: { query: { range: { born: { lt: '2001-01-01' } } } } })).body.count).toBe(1);
  });

  it('It should forget a deleted index across a restart', async () => {
    const dir = newDir();
    let t = await start(dir);
    await t.client.index({ index: 'gone', id: '1', body: { a: 1 } });
    await t.client.indices.delete({ index: 'gone' });
    t = await restart(dir);
    expect((await t.client.indices.exists({ index: 'gone' })).body).toBe(false);
  });

  it('It should compact the write log to one line per document on close', async () => {
    const dir = newDir();
    const engine = await SearchEngine.open({ dataDir: dir });
    for (let i = 0; i < 50; i++) engine.bulk([{ action: 'index', index: 'compact', id: 'same', source: { i } }]);
    engine.bulk([{ action: 'delete', index: 'compact', id: 'other' }]);
    const log = (): string[] => readFileSync(join(dir, 'indices', 'compact', 'log.ndjson'), 'utf8').trim().split('\n');
    expect(log()).toHaveLength(51);
    await engine.close();
    expect(log()).toHaveLength(2);
    const reopened = await SearchEngine.open({ dataDir: dir });
    expect(reopened.search('compact', { query: { ids: { values: ['same'] } } }).hits.hits[0]?._source).toEqual({ i: 49 });
    const next = reopened.bulk([{ action: 'index', index: 'compact', id: 'new', source: { i: 0 } }]);
    expect(next.items[0]?.index).toMatchObject({ _seq_no: 51, _version: 1 });
    await reopened.close();
  });

  it('It should refuse a dataDir that another live engine holds', async () => {
    const dir = newDir();
    const first = await SearchEngine.open({ dataDir: dir });
    const lock = join(dir, 'engine.lock');
    // Another process's lock: this test's parent process is alive and is not us.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(lock, String(process.ppid));
    await expect(SearchEngine.open({ dataDir: dir })).rejects.toThrow(/in use by process/);
    writeFileSync(lock, String(process.pid));
    await first.close();
  });

  it('It should start empty without a dataDir, keeping nothing from a previous run', async () => {
    let t = await start();
    await t.client.index({ index: 'volatile', id: '1', body: { a: 1 } });
    t = await restart();
    expect((await t.client.indices.exists({ index: 'volatile' })).body).toBe(false);
  });
});
