import { get } from 'node:http';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { describeFakes, parseCliOptions, PORT_ORDER } from '../../../lib/local/cli-options.ts';
import { startLocalCloud } from '../../../lib/local/cloud.ts';
import type { LocalCloud } from '../../../lib/local/cloud.ts';
import { NO_FAULTS } from '../../../lib/local/fakes/fake-provider.ts';
import type { FakeKnobs, RunningFake } from '../../../lib/local/fakes/fake-provider.ts';
import { KNOBS_PATH } from '../../../lib/local/fakes/fake-server.ts';
import { catalogFake, sitesFake, spareFake } from '../../fixtures/fakes/throwaway-fakes.ts';
import { fixtureTopology } from '../../fixtures/local-cloud/topology.ts';

const FAKES = [catalogFake, sitesFake, spareFake];

const portFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

/** Consecutive free ports for `--port-base`: the services and every fake. */
const freePortBase = async (count: number): Promise<number> => {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const free = await Promise.all(Array.from({ length: count }, (_, offset) => portFree(base + offset)));
    if (free.every(Boolean)) return base;
  }
};

/** fetch may not set Host; the fake web answers by it. */
const getAs = (host: string, port: number): Promise<string> =>
  new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/', headers: { host } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(body));
    }).once('error', reject);
  });

const started: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((running) => running.stop()));
});

const startFake = async (knobs: Partial<FakeKnobs> = {}, seed = 'seed-a'): Promise<RunningFake> => {
  const fake = await catalogFake.start({ host: '127.0.0.1', port: 0, seed, knobs: { ...NO_FAULTS, ...knobs } });
  started.push({ stop: fake.close });
  return fake;
};

const setKnobs = async (fake: RunningFake, knobs: unknown): Promise<Response> =>
  fetch(`${fake.url}${KNOBS_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(knobs) });

describe('fake providers in the local cloud', () => {
  it('It should start the fakes on the ports after the services, skip an overridden one and hand handlers the outbound env', async () => {
    // Prepare
    const base = await freePortBase(PORT_ORDER.length + FAKES.length);
    const cli = parseCliOptions(['--ephemeral', '--quiet', '--port-base', String(base), '--allow-host', '127.0.0.1:8080', '--allow-host', 'localhost:3000', '--provider-url', 'spare=http://127.0.0.1:9/sandbox']);
    const { verbose: _verbose, ...options } = cli;

    // Act
    const cloud: LocalCloud = await startLocalCloud({ ...options, topology: fixtureTopology('lsfakes'), fakes: FAKES });
    started.push(cloud);
    const echoed = (await (await fetch(`${cloud.endpoints.http}/items/1`)).json()) as { env: Record<string, unknown> };
    const catalog = await fetch(`http://127.0.0.1:${base + 7}/items`);
    const site = await getAs('acme.test', base + 8);

    // Assess
    const catalogUrl = `http://127.0.0.1:${base + 7}`;
    const sitesUrl = `http://127.0.0.1:${base + 8}`;
    expect(cloud.fakes).toEqual([
      { name: 'catalog', url: catalogUrl },
      { name: 'sites', url: sitesUrl },
    ]);
    expect(await portFree(base + 9)).toBe(true);
    expect(catalog.status).toBe(200);
    expect(site).toBe('<h1>acme.test</h1>');
    expect(echoed.env).toMatchObject({
      allowHosts: `127.0.0.1:${base + 7},127.0.0.1:${base + 8},127.0.0.1:8080,localhost:3000`,
      connectTo: `*.test=127.0.0.1:${base + 8}`,
      providers: { PROVIDER_CATALOG_BASE_URL: catalogUrl, PROVIDER_SITES_BASE_URL: sitesUrl, PROVIDER_SPARE_BASE_URL: 'http://127.0.0.1:9/sandbox' },
    });
    expect(describeFakes(cloud.fakes, options.providerUrls).join('\n')).toMatch(
      new RegExp(`Fake catalog\\s+${catalogUrl}[\\s\\S]*Fake sites\\s+${sitesUrl}[\\s\\S]*Provider spare\\s+http://127.0.0.1:9/sandbox`),
    );
  });

  it('It should give fakes free ports when the services run on free ports, and an allow list of exactly the fakes', async () => {
    const cloud = await startLocalCloud({ ephemeral: true, quiet: true, topology: fixtureTopology('lsfakes0'), ports: { http: 0, ws: 0, dynamodb: 0, sqs: 0, s3: 0, search: 0, mail: 0 }, fakes: [catalogFake] });
    started.push(cloud);

    expect(cloud.fakes).toHaveLength(1);
    expect(cloud.env.OUTBOUND_ALLOW_HOSTS).toBe(new URL(cloud.fakes[0]!.url).host);
    expect(cloud.env.OUTBOUND_CONNECT_TO).toBeUndefined();
    expect((await fetch(`${cloud.fakes[0]!.url}/items`)).status).toBe(200);
  });

  it('It should answer 503 with Retry-After in an outage set at start, and recover when the knob is turned off at runtime', async () => {
    const fake = await startFake({ outage: true });

    const during = await fetch(`${fake.url}/items`);
    const turnedOff = await setKnobs(fake, { outage: false });
    const after = await fetch(`${fake.url}/items`);

    expect(during.status).toBe(503);
    expect(during.headers.get('retry-after')).toBe('30');
    expect(await turnedOff.json()).toEqual(NO_FAULTS);
    expect(after.status).toBe(200);
  });

  it('It should inject server errors at the error rate, in the same order for the same seed', async () => {
    const statusesOf = async (fake: RunningFake): Promise<number[]> => {
      const statuses: number[] = [];
      for (let index = 0; index < 20; index += 1) statuses.push((await fetch(`${fake.url}/items`)).status);
      return statuses;
    };
    const first = await startFake({ errorRate: 0.5 });
    const second = await startFake({ errorRate: 0.5 });
    const always = await startFake();
    await setKnobs(always, { errorRate: 1 });

    const firstStatuses = await statusesOf(first);

    expect(firstStatuses).toEqual(await statusesOf(second));
    expect(firstStatuses).toContain(500);
    expect(firstStatuses).toContain(200);
    expect(new Set(await statusesOf(always))).toEqual(new Set([500]));
  });

  it('It should hold answers back by the latency knob while its control path still answers', async () => {
    const fake = await startFake();
    await setKnobs(fake, { latencyMs: 60_000 });
    let settled = false;
    const delayed = fetch(`${fake.url}/items`).then(
      () => (settled = true),
      () => 'cut off when the fake closes',
    );

    const knobs = (await (await fetch(`${fake.url}${KNOBS_PATH}`)).json()) as FakeKnobs;
    await setKnobs(fake, { latencyMs: 0 });
    const prompt = await fetch(`${fake.url}/items`);

    expect(knobs.latencyMs).toBe(60_000);
    expect(prompt.status).toBe(200);
    expect(settled).toBe(false);
    await fake.close();
    expect(await delayed).toBe('cut off when the fake closes');
  });

  it('It should serve the same data for the same seed and different data for another', async () => {
    const itemsOf = async (fake: RunningFake): Promise<unknown> => ((await (await fetch(`${fake.url}/items`)).json()) as { items: unknown }).items;

    const [a, again, b] = await Promise.all([startFake({}, 'seed-a'), startFake({}, 'seed-a'), startFake({}, 'seed-b')]);

    expect(await itemsOf(a)).toEqual(await itemsOf(again));
    expect(await itemsOf(a)).not.toEqual(await itemsOf(b));
  });

  it('It should refuse knobs out of range or unknown, naming the problem', async () => {
    const fake = await startFake();

    const responses = await Promise.all([{ errorRate: 2 }, { latencyMs: -1 }, { meltdown: true }].map((knobs) => setKnobs(fake, knobs)));
    const notJson = await fetch(`${fake.url}${KNOBS_PATH}`, { method: 'POST', body: '{' });

    expect(responses.map((response) => response.status)).toEqual([400, 400, 400]);
    expect(notJson.status).toBe(400);
    expect(((await responses[0]!.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'BAD_KNOBS', message: expect.stringContaining('errorRate') });
  });
});
