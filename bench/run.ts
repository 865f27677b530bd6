/**
 * `npm run bench`: every benchmark, each printing its figures and the machine. Sizes can be
 * lowered for a quick look: `npm run bench -- --docs 100000 --companies 20000 --rows 5000`;
 * `--only <name>` runs one (search-engine, upsert-path, export, import, extraction, crawl, enrichment-accuracy, fake-apollo, rate-limiter, company-intel, lookups, apollo-collection).
 *
 * To add a benchmark, append it to BENCHES below.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runExportBench } from './export.bench.ts';
import { runApolloCollectionBench } from './apollo-collection.bench.ts';
import { runCompanyIntelBench } from './company-intel.bench.ts';
import { runCrawlBench } from './crawl.bench.ts';
import { runEnrichmentAccuracyBench } from './enrichment-accuracy.bench.ts';
import { runExtractionBench } from './extraction.bench.ts';
import { runFakeApolloBench } from './fake-apollo.bench.ts';
import { runImportBench } from './import.bench.ts';
import { runLookupsBench } from './lookups.bench.ts';
import { runRateLimiterBench } from './rate-limiter.bench.ts';
import { runSearchEngineBench } from './search-engine.bench.ts';
import { runUpsertPathBench } from './upsert-path.bench.ts';

/** Heap for a million contacts and 200k companies held three times over (array, engine, Orama). */
const BENCH_HEAP_MB = 14_336;

// Memory figures need a forced GC and the full corpus needs a large heap: re-run under node with both.
if (typeof globalThis.gc !== 'function' && process.env.LEADSTACK_BENCH_CHILD === undefined) {
  const args = [`--expose-gc`, `--max-old-space-size=${BENCH_HEAP_MB}`, '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)];
  const child = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, LEADSTACK_BENCH_CHILD: '1' } });
  process.exit(child.status ?? 1);
}

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000000' },
    companies: { type: 'string', default: '200000' },
    rows: { type: 'string', default: '20000' },
    'export-rows': { type: 'string', default: '100000' },
    // End to end, DynamoDB Local takes 250-300 merging writes/s here, so a million rows would take
    // about 1.5 hours: the default stays at a size that finishes; pass --import-rows 1000000 for the full run.
    'import-rows': { type: 'string', default: '20000' },
    'parse-rows': { type: 'string', default: '1000000' },
    'extraction-sites': { type: 'string', default: '500' },
    'crawl-sites': { type: 'string', default: '20' },
    'crawl-pages': { type: 'string', default: '3' },
    'accuracy-sites': { type: 'string', default: '300' },
    'accuracy-examples': { type: 'boolean', default: false },
    // The rate limiter runs whole windows of real time: 30 calls per 10 s over 4 windows is 40 s.
    'limiter-calls': { type: 'string', default: '30' },
    'limiter-window-s': { type: 'string', default: '10' },
    'limiter-windows': { type: 'string', default: '4' },
    // Each monitored company costs about 3.5 EDGAR requests at 10/s: 100 companies take about 35 s.
    'intel-companies': { type: 'string', default: '100' },
    // Apollo collection: N requests a minute on the fake and the provider; the first K industries as the search
    // (4 at 120/min is about two minutes; every industry at 60/min is the 10-minute run).
    'apollo-rate': { type: 'string', default: '120' },
    'apollo-industries': { type: 'string', default: '4' },
    only: { type: 'string' },
  },
});

const BENCHES: ReadonlyArray<readonly [string, () => Promise<void>]> = [
  ['search-engine', () => runSearchEngineBench({ contacts: Number(values.docs), companies: Number(values.companies) })],
  ['upsert-path', () => runUpsertPathBench({ rows: Number(values.rows) })],
  ['export', () => runExportBench({ rows: Number(values['export-rows']) })],
  ['import', () => runImportBench({ rows: Number(values['import-rows']), parseRows: Number(values['parse-rows']) })],
  ['extraction', () => runExtractionBench({ sites: Number(values['extraction-sites']) })],
  ['crawl', () => runCrawlBench({ sites: Number(values['crawl-sites']), pages: Number(values['crawl-pages']) })],
  ['enrichment-accuracy', () => runEnrichmentAccuracyBench({ sites: Number(values['accuracy-sites']), examples: values['accuracy-examples'] })],
  ['fake-apollo', () => runFakeApolloBench()],
  ['rate-limiter', () => runRateLimiterBench({ limit: Number(values['limiter-calls']), windowMs: Number(values['limiter-window-s']) * 1000, windows: Number(values['limiter-windows']) })],
  ['company-intel', () => runCompanyIntelBench({ companies: Number(values['intel-companies']) })],
  ['lookups', () => runLookupsBench()],
  ['apollo-collection', () => runApolloCollectionBench({ ratePerMinute: Number(values['apollo-rate']), industries: Number(values['apollo-industries']) })],
];

// `--only rate-limiter` runs one benchmark by name.
for (const [name, bench] of BENCHES) {
  if (values.only !== undefined && values.only !== name) continue;
  await bench();
  console.log('');
}
