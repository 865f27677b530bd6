/**
 * The fake Apollo's cost to `npm start`: time to listen (what start-up waits for), then the
 * first search, which generates the 60,000-organisation dataset lazily, the memory that holds
 * it, and the latency of searches once warm (organisations, people across the whole dataset,
 * and a deep page). Wall and CPU time both: on a shared machine wall time alone misleads.
 */
import { NO_FAULTS } from '../lib/local/fakes/fake-provider.ts';
import { FAKE_APOLLO_API_KEY, startFakeApollo } from '../lib/local/fakes/apollo/index.ts';
import { describeMachine, percentile } from './machine.ts';

const WARM_CALLS = 20;
const MB = 1024 * 1024;

const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

const memory = (): string => {
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return `rss ${(rss / MB).toFixed(0)} MB, heap ${(heapUsed / MB).toFixed(0)} MB`;
};

const timed = async <T>(run: () => Promise<T>): Promise<{ wallMs: number; cpuMs: number; value: T }> => {
  const wall = performance.now();
  const cpu = cpuMs();
  const value = await run();
  return { wallMs: performance.now() - wall, cpuMs: cpuMs() - cpu, value };
};

export async function runFakeApolloBench(): Promise<void> {
  console.log(`\n## Fake Apollo: start-up and memory — ${describeMachine()}`);
  console.log(`before start: ${memory()}`);
  const started = await timed(() => startFakeApollo({ host: '127.0.0.1', port: 0, seed: 'bench:apollo', knobs: NO_FAULTS, apolloKnobs: { ratePerMinute: 0, ratePerHour: 0, ratePerDay: 0 } }));
  const fake = started.value;
  console.log(`listening: ${started.wallMs.toFixed(0)} ms wall, ${started.cpuMs.toFixed(0)} ms CPU; ${memory()}`);
  const search = (path: string, body: unknown) => async () => {
    const response = await fetch(`${fake.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': FAKE_APOLLO_API_KEY }, body: JSON.stringify(body) });
    await response.arrayBuffer();
    return response.status;
  };
  const first = await timed(search('/api/v1/mixed_companies/search', { organization_locations: ['california'], per_page: 100 }));
  console.log(`first search (generates the dataset): ${first.wallMs.toFixed(0)} ms wall, ${first.cpuMs.toFixed(0)} ms CPU; ${memory()}`);
  const cases: [string, string, (call: number) => unknown][] = [
    ['organisations, new filter each call', '/api/v1/mixed_companies/search', (call) => ({ organization_num_employees_ranges: [`${call + 1},${call * 50 + 100}`], per_page: 100 })],
    ['organisations, page 400 of a cached search', '/api/v1/mixed_companies/search', () => ({ page: 400, per_page: 100 })],
    ['people, new title each call (all 60k organisations)', '/api/v1/mixed_people/search', (call) => ({ person_titles: [`x${call}`, 'vp'], per_page: 100 })],
  ];
  for (const [label, path, body] of cases) {
    const walls: number[] = [];
    let cpu = 0;
    for (let call = 0; call < WARM_CALLS; call += 1) {
      const run = await timed(search(path, body(call)));
      walls.push(run.wallMs);
      cpu += run.cpuMs;
    }
    walls.sort((a, b) => a - b);
    console.log(`${label}: p50 ${percentile(walls, 50).toFixed(0)} ms, p95 ${percentile(walls, 95).toFixed(0)} ms wall, ${(cpu / WARM_CALLS).toFixed(0)} ms CPU each`);
  }
  console.log(`after searches: ${memory()}`);
  await fake.close();
}
