/**
 * The CSV import: (a) end to end through the local cloud (the file in S3, POST /v1/jobs, the
 * job worker, DynamoDB) in rows/s until the job completes and until the rows are searchable;
 * (b) the import pipeline alone (csv-parse + header plan + row mapping and normalisation, the
 * sinks discarded) side by side with bare csv-parse over the same file, and their ratio.
 *
 * Standalone: `npx tsx bench/import.bench.ts --rows 20000 --parse-rows 1000000`.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { parse } from 'csv-parse';
import { openImportRows } from '../functions/domain/imports/import-rows.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../lib/local/aws.ts';
import { startLocalCloud } from '../lib/local/cloud.ts';
import { ensureDevWorkspace } from '../lib/local/dev-workspace.ts';
import { describeMachine } from './machine.ts';

const HEADER = 'First Name,Last Name,Title,Company,Email,Email Status,Seniority,Departments,# Employees,Industry,Person Linkedin Url,Company Linkedin Url,City,Country,Apollo Contact Id\n';
/** One row in this many is invalid (a range in "# Employees"), so the error report is exercised. */
const BAD_EVERY = 100;
const TITLES = ['CEO', 'CTO', 'VP Sales', 'Software Engineer', 'Head of Marketing'];
const SENIORITY = ['c_suite', 'c_suite', 'vp', 'senior', 'head'];
const COUNTRIES = ['United States', 'Germany', 'France', 'United Kingdom'];
const COMPANIES = 5_000;

function row(i: number): string {
  const c = i % COMPANIES;
  const employees = i % BAD_EVERY === 0 ? '50-100' : String(10 + (i % 5_000));
  // Every 50th row carries a quoted multi-line cell, as exports with notes do.
  const title = i % 50 === 0 ? `"${TITLES[i % 5]}\nInterim"` : TITLES[i % 5];
  return `First${i},Last${i % 997},${title},Company ${c},person${i}@company${c}.com,verified,${SENIORITY[i % 5]},"Engineering, Sales",${employees},"Software, Internet",https://linkedin.com/in/p${i},https://linkedin.com/company/c${c},San Francisco,${COUNTRIES[i % 4]},apollo-${i}\n`;
}

/** Writes the CSV to disk with backpressure, never holding it whole. */
async function generate(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  out.write(`\uFEFF${HEADER}`);
  for (let i = 0; i < rows; i++) {
    if (!out.write(row(i))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return (await stat(path)).size;
}

const perSecond = (rows: number, ms: number): string => Math.round(rows / (ms / 1000)).toLocaleString('en-US');
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

interface Timing {
  readonly rows: number;
  readonly wallMs: number;
  /** Process CPU time (user + system): what the run cost, whatever else the machine was doing. */
  readonly cpuMs: number;
  readonly invalid?: number;
}

async function timed(work: () => Promise<{ rows: number; invalid?: number }>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const out = await work();
  const used = process.cpuUsage(cpu);
  return { ...out, wallMs: performance.now() - t0, cpuMs: (used.user + used.system) / 1000 };
}

const bareParse = (path: string): Promise<Timing> =>
  timed(async () => {
    let rows = 0;
    for await (const _record of createReadStream(path).pipe(parse({ bom: true }))) rows++;
    return { rows: rows - 1 };
  });

const pipelineParse = (path: string): Promise<Timing> =>
  timed(async () => {
    const { rows } = await openImportRows(createReadStream(path), {});
    let count = 0;
    let invalid = 0;
    for await (const items of rows) {
      for (const item of items) {
        count++;
        if (item.mapped.kind === 'invalid') invalid++;
      }
    }
    return { rows: count, invalid };
  });

const best = (runs: readonly Timing[], key: 'wallMs' | 'cpuMs'): number => Math.min(...runs.map((r) => r[key]));

/** (b): alternating runs of each, the best of each kept, so a noisy neighbour hurts both sides alike. */
export async function runImportPipelineBench(opts: { rows: number; dir: string; runs?: number }): Promise<void> {
  const path = join(opts.dir, `import-bench-${opts.rows}.csv`);
  const bytes = await generate(path, opts.rows);
  console.log(`\n## Import pipeline vs bare csv-parse (${opts.rows.toLocaleString('en-US')} rows, ${mib(bytes)}) — ${describeMachine()}`);
  const bare: Timing[] = [];
  const pipeline: Timing[] = [];
  for (let run = 0; run < (opts.runs ?? 3); run++) {
    bare.push(await bareParse(path));
    pipeline.push(await pipelineParse(path));
    const last = [bare.at(-1), pipeline.at(-1)];
    if (last.some((t) => t?.rows !== opts.rows)) throw new Error(`row counts differ: ${last.map((t) => t?.rows).join(' vs ')}, expected ${opts.rows}`);
  }
  const invalid = pipeline[0]?.invalid ?? 0;
  console.log(`${bare.length} alternating runs each; the best wall time and the best CPU time (user + system) of each side`);
  console.log('| path | wall | rows/s (wall) | CPU | rows/s (CPU) |');
  console.log('|---|---|---|---|---|');
  const line = (name: string, runs: Timing[]) =>
    console.log(`| ${name} | ${best(runs, 'wallMs').toFixed(0)} ms | ${perSecond(opts.rows, best(runs, 'wallMs'))} | ${best(runs, 'cpuMs').toFixed(0)} ms | ${perSecond(opts.rows, best(runs, 'cpuMs'))} |`);
  line('bare csv-parse (stream, bom, arrays)', bare);
  line(`import pipeline (parse + header plan + map + normalise, sinks discarded; ${invalid} invalid rows)`, pipeline);
  const ratio = (key: 'wallMs' | 'cpuMs') => (best(bare, key) / best(pipeline, key)).toFixed(2);
  console.log(`ratio pipeline/bare throughput: ${ratio('wallMs')} by wall time, ${ratio('cpuMs')} by CPU time (target ≥ 0.5)`);
  await rm(path, { force: true });
}

/** (a): the file in S3, one POST /v1/jobs, timed until the job completes and until every valid row is searchable. */
export async function runImportEndToEndBench(opts: { rows: number; dir: string }): Promise<void> {
  const path = join(opts.dir, `import-e2e-${opts.rows}.csv`);
  const bytes = await generate(path, opts.rows);
  const valid = opts.rows - Math.ceil(opts.rows / BAD_EVERY);
  console.log(`\n## CSV import end to end through the local cloud (${opts.rows.toLocaleString('en-US')} rows, ${mib(bytes)}) — ${describeMachine()}`);
  const cloud = await startLocalCloud({ ephemeral: true, quiet: true, ports: { http: 0, ws: 0, dynamodb: 0, sqs: 0, s3: 0, search: 0, mail: 0 } });
  const s3 = new S3Client({ endpoint: cloud.endpoints.s3, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' });
  try {
    const { apiKey } = await ensureDevWorkspace(cloud);
    const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
    const key = `workspaces/dev/uploads/bench/import-${opts.rows}.csv`;
    await s3.send(new PutObjectCommand({ Bucket: cloud.resources.bucket, Key: key, Body: createReadStream(path), ContentLength: bytes, ContentType: 'text/csv' }));
    const t0 = performance.now();
    const created = await fetch(`${cloud.endpoints.http}/v1/jobs`, { method: 'POST', headers, body: JSON.stringify({ job_type: 'insert_csv_file', job_data: { s3_key: key } }) });
    if (created.status !== 201) throw new Error(`POST /v1/jobs answered ${created.status}: ${await created.text()}`);
    const id = ((await created.json()) as { job: { id: string } }).job.id;
    let job: { status: string; counters: Record<string, number>; error?: unknown } = { status: 'open', counters: {} };
    while (!['completed', 'failed', 'stopped'].includes(job.status)) {
      await new Promise((r) => setTimeout(r, 250));
      job = ((await (await fetch(`${cloud.endpoints.http}/v1/jobs/${id}`, { headers })).json()) as { job: typeof job }).job;
    }
    const completed = performance.now() - t0;
    if (job.status !== 'completed') throw new Error(`the import ended ${job.status}: ${JSON.stringify(job)}`);
    let count = 0;
    while (count < valid) {
      const res = await fetch(`${cloud.endpoints.http}/v1/contacts/count`, { method: 'POST', headers, body: '{}' });
      count = ((await res.json()) as { count: number }).count;
      if (count < valid) await new Promise((r) => setTimeout(r, 250));
    }
    const searchable = performance.now() - t0;
    console.log(`counters: ${JSON.stringify(job.counters)}`);
    console.log('| stage | time | rows/s |');
    console.log('|---|---|---|');
    console.log(`| POST /v1/jobs → job completed (every row committed to DynamoDB) | ${completed.toFixed(0)} ms | ${perSecond(opts.rows, completed)} |`);
    console.log(`| POST /v1/jobs → every valid contact searchable | ${searchable.toFixed(0)} ms | ${perSecond(opts.rows, searchable)} |`);
  } finally {
    s3.destroy();
    await cloud.stop();
    await rm(path, { force: true });
  }
}

export async function runImportBench(opts: { rows: number; parseRows: number }): Promise<void> {
  const dir = join(process.cwd(), '.tmp', 'bench');
  await mkdir(dir, { recursive: true });
  await runImportPipelineBench({ rows: opts.parseRows, dir });
  await runImportEndToEndBench({ rows: opts.rows, dir });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, 'parse-rows': { type: 'string', default: '1000000' } } });
  await runImportBench({ rows: Number(values.rows), parseRows: Number(values['parse-rows']) });
}
