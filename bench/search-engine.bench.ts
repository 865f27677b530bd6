/**
 * The local search engine against a brute-force scan and against Orama, on the same documents.
 *
 * Generates N contacts and M companies with a seeded PRNG (bench/corpus), loads them into
 * (a) the engine, (b) Orama, (c) nothing (a plain array the brute force scans), then runs a
 * filter-heavy and a text-heavy suite of VQL queries (bench/query-suite/queries.ts), each
 * compiled by compileSearch, and prints per query: hit counts of all three (a mismatch is
 * printed loudly), p50/p99 per engine and the ratios. Also memory per million documents and
 * the VQL → DSL compile time.
 *
 *   tsx bench/search-engine.bench.ts --docs 100000 --companies 20000
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AnyOrama } from '@orama/orama';
import { compileSearch } from '../functions/domain/vql/vql-to-dsl.ts';
import { vqlQuerySchema, type VqlQuery } from '../functions/domain/vql/vql-schema.ts';
import type { Entity } from '../functions/domain/records/fields.ts';
import { COMPANY_FIELDS, CONTACT_FIELDS } from '../functions/domain/records/fields.ts';
import { mappingsFor, RECORD_INDEX_SETTINGS } from '../lib/search-mappings.ts';
import { SearchEngine } from '../lib/local/search-engine/index.ts';
import type { BulkOperation } from '../lib/local/search-engine/index.ts';
import { BENCH_WORKSPACE, generateCorpus, type Doc } from './corpus/records.ts';
import { describeMachine, percentile } from './machine.ts';
import { bruteForceSearch } from './query-suite/brute-force.ts';
import { loadOrama, oramaSearch, toOrama } from './query-suite/orama.ts';
import { QUERIES, type BenchQuery } from './query-suite/queries.ts';

const DEFAULT_CONTACTS = 1_000_000;
const DEFAULT_COMPANIES = 200_000;
const BULK_BATCH = 10_000;
const INDEX: Record<Entity, string> = { contact: 'contacts', company: 'companies', signal: 'signals' };
const MB = 1024 * 1024;
/** Each engine runs a query at least this many times, then until the time budget is spent or MAX_RUNS is reached. */
const MIN_RUNS = 5;
const MAX_RUNS = 200;
const TIME_BUDGET_MS = 1_500;
const WARMUP_RUNS = 2;
const COMPILE_ITERATIONS = 5_000;

interface Timing {
  readonly p50: number;
  readonly p99: number;
  readonly runs: number;
}

/** A run slower than this gets one warm-up and the minimum number of timed runs, to keep the whole run reasonable. */
const SLOW_RUN_MS = 300;
const SLOW_MIN_RUNS = 3;
/** A first run slower than this is the only sample: repeating a minutes-long query says nothing new. */
const SINGLE_RUN_MS = 10_000;

async function time<T>(fn: () => T | Promise<T>): Promise<Timing & { result: T }> {
  const w0 = performance.now();
  let result = await fn();
  const first = performance.now() - w0;
  if (first >= SINGLE_RUN_MS) return { p50: first, p99: first, runs: 1, result };
  if (performance.now() - w0 < SLOW_RUN_MS) for (let i = 1; i < WARMUP_RUNS; i++) result = await fn();
  const slow = performance.now() - w0 >= SLOW_RUN_MS;
  const samples: number[] = [];
  const started = performance.now();
  const min = slow ? SLOW_MIN_RUNS : MIN_RUNS;
  while (samples.length < min || (samples.length < MAX_RUNS && performance.now() - started < TIME_BUDGET_MS)) {
    const t0 = performance.now();
    result = await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), runs: samples.length, result };
}

interface Memory {
  readonly heap: number;
  readonly rss: number;
}

function memory(): Memory {
  globalThis.gc?.();
  globalThis.gc?.();
  const m = process.memoryUsage();
  // Typed arrays (postings, bitsets, columns) live outside the JS heap: count them with it.
  return { heap: m.heapUsed + m.external, rss: m.rss };
}

function perMillion(delta: Memory, docs: number): string {
  const f = (bytes: number): string => `${((bytes / MB) * (1_000_000 / docs)).toFixed(0)} MB`;
  return `heap+external ${f(delta.heap)}, RSS ${f(delta.rss)} per million docs`;
}

const diff = (after: Memory, before: Memory): Memory => ({ heap: after.heap - before.heap, rss: after.rss - before.rss });

async function loadEngine(engine: SearchEngine, entity: Entity, docs: readonly Doc[]): Promise<void> {
  const mappings = mappingsFor(entity === 'contact' ? CONTACT_FIELDS : COMPANY_FIELDS);
  engine.createIndex(INDEX[entity], { settings: RECORD_INDEX_SETTINGS, mappings });
  for (let from = 0; from < docs.length; from += BULK_BATCH) {
    const ops: BulkOperation[] = docs.slice(from, from + BULK_BATCH).map((d) => ({ action: 'index', index: INDEX[entity], id: d.uuid as string, source: d }));
    if (engine.bulk(ops).errors) throw new Error(`bulk load of ${entity} reported item errors`);
    // Yield so the periodic refresh runs during ingestion, as it would behind the REST API.
    await new Promise((r) => setImmediate(r));
  }
  engine.refresh(INDEX[entity]);
}

interface Prepared {
  readonly query: BenchQuery;
  readonly vql: VqlQuery;
  readonly body: Record<string, unknown>;
}

/** Parses the VQL as the API would, and for cursor queries walks the engine's pages to get the cursor. */
function prepare(engine: SearchEngine, q: BenchQuery): Prepared {
  let vql = vqlQuerySchema.parse(q.vql);
  if (q.cursorFromPage !== undefined) {
    let cursor: unknown[] | undefined;
    for (let page = 1; page < q.cursorFromPage; page++) {
      const { body } = compileSearch(q.entity, BENCH_WORKSPACE, cursor === undefined ? vql : { ...vql, cursor: cursor as VqlQuery['cursor'] });
      const hits = engine.search(INDEX[q.entity], body).hits.hits;
      cursor = hits.at(-1)?.sort as unknown[];
    }
    vql = { ...vql, cursor: cursor as VqlQuery['cursor'] };
  }
  return { query: q, vql, body: compileSearch(q.entity, BENCH_WORKSPACE, vql).body };
}

function oursRun(engine: SearchEngine, p: Prepared): string[] {
  return engine.search(INDEX[p.query.entity], p.body).hits.hits.map((h) => h._id as string);
}

function oursCount(engine: SearchEngine, p: Prepared): number {
  const { search_after: _after, from: _from, ...body } = p.body;
  const total = engine.search(INDEX[p.query.entity], { ...body, size: 0, track_total_hits: true }).hits.total;
  return typeof total === 'number' ? total : (total?.value ?? -1);
}

function compileTimes(p: Prepared): Timing {
  const samples = new Float64Array(COMPILE_ITERATIONS);
  for (let i = 0; i < 200; i++) compileSearch(p.query.entity, BENCH_WORKSPACE, p.vql);
  for (let i = 0; i < COMPILE_ITERATIONS; i++) {
    const t0 = performance.now();
    compileSearch(p.query.entity, BENCH_WORKSPACE, p.vql);
    samples[i] = (performance.now() - t0) * 1000;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), runs: COMPILE_ITERATIONS };
}

const ms = (n: number): string => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const ratio = (other: number, ours: number): string => `${(other / ours).toFixed(other / ours < 10 ? 1 : 0)}x`;

export async function runSearchEngineBench(opts: { contacts: number; companies: number }): Promise<void> {
  console.log('## Local search engine vs brute force vs Orama');
  console.log(`machine: ${describeMachine()}${globalThis.gc === undefined ? ' (gc not exposed: memory figures include garbage)' : ''}`);
  const base = memory();
  const t0 = performance.now();
  const corpus = generateCorpus(opts.contacts, opts.companies);
  const totalDocs = opts.contacts + opts.companies;
  const docsMem = diff(memory(), base);
  console.log(`corpus: ${opts.contacts} contacts + ${opts.companies} companies generated in ${((performance.now() - t0) / 1000).toFixed(1)} s; the plain documents take ${perMillion(docsMem, totalDocs)}`);
  const docsOf: Record<Entity, Doc[]> = { contact: corpus.contacts, company: corpus.companies, signal: [] };

  const beforeOurs = memory();
  const engine = await SearchEngine.open();
  const t1 = performance.now();
  await loadEngine(engine, 'company', corpus.companies);
  await loadEngine(engine, 'contact', corpus.contacts);
  const oursLoad = performance.now() - t1;
  const oursMem = diff(memory(), beforeOurs);

  const beforeOrama = memory();
  const t2 = performance.now();
  const orama: Record<Entity, AnyOrama> = { company: await loadOrama('company', corpus.companies), contact: await loadOrama('contact', corpus.contacts), signal: await loadOrama('signal', []) };
  const oramaLoad = performance.now() - t2;
  const oramaMem = diff(memory(), beforeOrama);

  console.log(`load: ours ${(oursLoad / 1000).toFixed(1)} s (${Math.round(totalDocs / (oursLoad / 1000))} docs/s, bulk of ${BULK_BATCH} then refresh), Orama ${(oramaLoad / 1000).toFixed(1)} s (${Math.round(totalDocs / (oramaLoad / 1000))} docs/s, insertMultiple)`);
  console.log('memory after load, forced GC, delta over the plain documents:');
  console.log(`  ours  (indexes; keeps the given source objects, shared with the array): ${perMillion(oursMem, totalDocs)}`);
  console.log(`  ours incl. the source objects it holds:                             ${perMillion({ heap: oursMem.heap + docsMem.heap, rss: oursMem.rss + docsMem.rss }, totalDocs)}`);
  console.log(`  Orama (indexes + its own copy of each document, dates as numbers):    ${perMillion(oramaMem, totalDocs)}`);

  const header = `${'query'.padEnd(46)} ${'hits'.padStart(8)} ${'ours p50'.padStart(9)} ${'p99'.padStart(7)} ${'brute p50'.padStart(10)} ${'p99'.padStart(7)} ${'orama p50'.padStart(10)} ${'p99'.padStart(7)} ${'brute/ours'.padStart(10)} ${'orama/ours'.padStart(10)}  check`;
  const mismatches: string[] = [];
  const notes: string[] = [];
  const compileRows: string[] = [];
  for (const suite of ['filter', 'text'] as const) {
    console.log(`\n### ${suite === 'filter' ? 'Filter-heavy' : 'Text-heavy'} suite (times in ms; ${opts.contacts} contacts, ${opts.companies} companies; page of 25)`);
    console.log(header);
    for (const q of QUERIES.filter((x) => x.suite === suite)) {
      const p = prepare(engine, q);
      const docs = docsOf[q.entity];
      const ours = await time(() => oursRun(engine, p));
      const brute = await time(() => bruteForceSearch(docs, q.entity, BENCH_WORKSPACE, p.vql));
      const plan = toOrama(q.entity, BENCH_WORKSPACE, p.vql);
      const oramaTime = 'params' in plan ? await time(() => oramaSearch(orama[q.entity], plan.params)) : undefined;

      const oursHits = oursCount(engine, p);
      const bruteResult = brute.result;
      const oramaHits = oramaTime?.result.count;
      const samePage = JSON.stringify(ours.result) === JSON.stringify(bruteResult.page);
      const countsAgree = oursHits === bruteResult.count && (oramaHits === undefined || oramaHits === oursHits);
      const check = countsAgree && samePage ? 'ok' : '!! MISMATCH';
      if (!countsAgree || !samePage) mismatches.push(`${q.name}: hits ours ${oursHits}, brute ${bruteResult.count}, orama ${oramaHits ?? 'n/a'}; first page ${samePage ? 'same' : 'DIFFERENT'} (ours vs brute)`);
      if ('unsupported' in plan) notes.push(`${q.name}: Orama not run (${plan.unsupported})`);
      for (const [engineName, t] of [['ours', ours], ['brute force', brute], ['Orama', oramaTime]] as const) {
        if (t?.runs === 1) notes.push(`${q.name}: ${engineName} timed on one run (the first took over ${SINGLE_RUN_MS / 1000} s)`);
      }
      const o = oramaTime === undefined ? ['n/a'.padStart(10), ''.padStart(7), 'n/a'.padStart(10)] : [ms(oramaTime.p50).padStart(10), ms(oramaTime.p99).padStart(7), ratio(oramaTime.p50, ours.p50).padStart(10)];
      console.log(`${q.name.padEnd(46)} ${String(oursHits).padStart(8)} ${ms(ours.p50).padStart(9)} ${ms(ours.p99).padStart(7)} ${ms(brute.p50).padStart(10)} ${ms(brute.p99).padStart(7)} ${o[0]} ${o[1]} ${ratio(brute.p50, ours.p50).padStart(10)} ${o[2]}  ${check}`);
      const c = compileTimes(p);
      compileRows.push(`${q.name.padEnd(46)} ${c.p50.toFixed(1).padStart(8)} ${c.p99.toFixed(1).padStart(8)}`);
    }
  }
  console.log(`\nruns per figure: after ${WARMUP_RUNS} warm-ups, at least ${MIN_RUNS} timed runs, more until ${TIME_BUDGET_MS / 1000} s or ${MAX_RUNS} runs; a query slower than ${SLOW_RUN_MS} ms gets 1 warm-up and ${SLOW_MIN_RUNS} runs. p99 of few runs is the maximum.`);
  console.log('check: "ok" when ours, brute force and Orama (where it ran) report the same hit count and ours and brute force return the same first page.');
  for (const note of notes) console.log(`  - ${note}`);
  if (mismatches.length > 0) {
    console.log(`\n!!!!!!!! ${mismatches.length} MISMATCH(ES): the engines disagree !!!!!!!!`);
    for (const m of mismatches) console.log(`  !! ${m}`);
  } else {
    console.log('\nall hit counts agree across ours, brute force and Orama (where Orama ran); all first pages agree between ours and brute force.');
  }
  console.log(`\n### VQL → DSL compile time (compileSearch, ${COMPILE_ITERATIONS} iterations per query, µs)`);
  console.log(`${'query'.padEnd(46)} ${'p50 µs'.padStart(8)} ${'p99 µs'.padStart(8)}`);
  for (const row of compileRows) console.log(row);
  await engine.close();
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({ options: { docs: { type: 'string', default: String(DEFAULT_CONTACTS) }, companies: { type: 'string', default: String(DEFAULT_COMPANIES) } } });
  await runSearchEngineBench({ contacts: Number(values.docs), companies: Number(values.companies) });
}
