/**
 * `npm run bench`: every benchmark, each printing its figures and the machine. Sizes can be
 * lowered for a quick look: `npm run bench -- --docs 100000 --rows 5000`.
 */
import { parseArgs } from 'node:util';
import { runSearchEngineBench } from './search-engine.bench.ts';
import { runUpsertPathBench } from './upsert-path.bench.ts';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '1000000' }, rows: { type: 'string', default: '20000' } } });

await runSearchEngineBench({ docs: Number(values.docs) });
await runUpsertPathBench({ rows: Number(values.rows) });
