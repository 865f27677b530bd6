/**
 * `npm run bench`: every benchmark, each printing its figures and the machine. Sizes can be
 * lowered for a quick look: `npm run bench -- --docs 100000 --companies 20000 --rows 5000`.
 *
 * To add a benchmark, append it to BENCHES below.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runExportBench } from './export.bench.ts';
import { runExtractionBench } from './extraction.bench.ts';
import { runImportBench } from './import.bench.ts';
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
  },
});

const BENCHES: ReadonlyArray<() => Promise<void>> = [
  () => runSearchEngineBench({ contacts: Number(values.docs), companies: Number(values.companies) }),
  () => runUpsertPathBench({ rows: Number(values.rows) }),
  () => runExportBench({ rows: Number(values['export-rows']) }),
  () => runImportBench({ rows: Number(values['import-rows']), parseRows: Number(values['parse-rows']) }),
  () => runExtractionBench({ sites: Number(values['extraction-sites']) }),
];

for (const bench of BENCHES) {
  await bench();
  console.log('');
}
