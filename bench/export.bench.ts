/**
 * Export of N contacts (default 100k) through the local search engine into the S3 emulator,
 * as the export_csv_file runner does it (runExport with the real OpenSearch and S3 adapters).
 *
 * Each case runs in its own child process, the "worker", which samples its own RSS and heap
 * every 20 ms: its peak is the worker's memory, apart from the emulators (they live in the
 * parent). Cases, all reading the same matches in the same search_after pages:
 * - search only (the baseline): pages read and dropped, nothing encoded or written;
 * - CSV / XLSX to a discarded stream: the encoding cost without S3;
 * - CSV / XLSX to S3: the whole export, multipart upload included.
 * Ratios are rows/s against the baseline; times are the best of ROUNDS, peaks the highest.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ExportFiles } from '../functions/adapters/s3/multipart-writer.s3.ts';
import { OpenSearchRecordSearch } from '../functions/adapters/opensearch/records.opensearch.ts';
import { createSearchClient } from '../functions/adapters/opensearch/search-client.ts';
import type { ExportFiles, FileSink } from '../functions/domain/exports/export-ports.ts';
import { EXPORT_PAGE_SIZE } from '../functions/domain/exports/limits.ts';
import { runExport } from '../functions/domain/exports/run-export.ts';
import type { Job } from '../functions/domain/jobs/job.ts';
import type { JobRunContext } from '../functions/domain/jobs/runner.ts';
import { searchRecords } from '../functions/domain/records/search-records.ts';
import { indexOperationFor } from '../functions/domain/records/search-document.ts';
import type { JobStore } from '../functions/ports/jobs.port.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../lib/local/aws.ts';
import { startLocalCloud } from '../lib/local/cloud.ts';
import { describeMachine } from './machine.ts';

const WORKSPACE = 'bench-export';
const INDEX_BATCH = 5_000;
const SAMPLE_MS = 20;
const ROUNDS = 2;
const CASES = ['search only', 'csv → discard', 'csv → S3', 'xlsx → discard', 'xlsx → S3'] as const;
type Case = (typeof CASES)[number];
/**
 * V8 grows its heap lazily, so a peak says little about what a run needs. The S3 cases run once
 * more with the old space capped this low: finishing proves memory does not grow with the rows.
 */
const CAPPED_HEAP_MB = 64;
const COLUMNS = ['uuid', 'first_name', 'last_name', 'email', 'title', 'seniority', 'departments', 'city', 'country', 'linkedin_url', 'company_name'];

const contact = (i: number) => ({
  entity: 'contact',
  workspace_id: WORKSPACE,
  uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  version: 1,
  first_name: `First${i}`,
  last_name: `Last${i % 997}`,
  email: `person${i}@example${i % 50}.com`,
  title: ['CEO', 'CTO', 'VP Sales', '=cmd|calc'][i % 4],
  seniority: ['c_suite', 'vp', 'senior', 'entry'][i % 4],
  departments: ['engineering', 'sales'],
  city: ['paris', 'berlin', 'austin'][i % 3],
  country: ['france', 'germany', 'united states'][i % 3],
  linkedin_url: `https://linkedin.com/in/p${i}`,
  company_name: `Acme ${i % 1000}, Inc.`,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
});

interface WorkerResult {
  rows: number;
  bytes: number;
  ms: number;
  peakRssMb: number;
  peakHeapMb: number;
  startRssMb: number;
}

const mb = (bytes: number): number => bytes / 2 ** 20;

/** The worker side: one case, its own memory sampled, one JSON line out. */
async function runWorker(which: Case): Promise<WorkerResult> {
  const search = new OpenSearchRecordSearch(createSearchClient(process.env.BENCH_SEARCH!, LOCAL_REGION));
  const s3 = new S3Client({ endpoint: process.env.BENCH_S3!, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' });
  let bytes = 0;
  const discard: ExportFiles = {
    create: (): FileSink => ({ write: async (chunk) => void (bytes += chunk.length), complete: async () => ({ bytes }), abort: async () => undefined }),
  };
  const job = { id: `bench-${which.replace(/\W+/g, '-')}`, workspaceId: WORKSPACE, type: 'export_csv_file', status: 'processing', data: { entity: 'contact', format: which.startsWith('xlsx') ? 'xlsx' : 'csv', select_columns: COLUMNS } } as unknown as Job;
  const ctx: JobRunContext = { job, jobs: { report: async () => job } as unknown as JobStore, events: { publish: async () => undefined }, remainingMs: () => 15 * 60_000 };
  globalThis.gc?.();
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, SAMPLE_MS);
  const t0 = performance.now();
  let rows = 0;
  if (which === 'search only') {
    let cursor: unknown[] | undefined;
    for (;;) {
      const page = await searchRecords(search, 'contact', WORKSPACE, { select_columns: COLUMNS, limit: EXPORT_PAGE_SIZE, ...(cursor ? { cursor: cursor as never } : {}) });
      rows += page.data.length;
      if (!page.next_cursor) break;
      cursor = page.next_cursor;
    }
  } else {
    const files = which.endsWith('S3') ? new S3ExportFiles(s3, process.env.BENCH_BUCKET!) : discard;
    // An operator's export: no download charge, so nothing is ever refunded.
    const outcome = await runExport({ search, files, ledger: { refund: () => Promise.resolve() } }, ctx);
    if (outcome.outcome !== 'completed') throw new Error(`export ended ${outcome.outcome}`);
    rows = Number(outcome.result.rows);
    bytes = Number(outcome.result.bytes);
  }
  const ms = performance.now() - t0;
  clearInterval(sampler);
  s3.destroy();
  return { rows, bytes, ms, peakRssMb: mb(peakRss), peakHeapMb: mb(peakHeap), startRssMb: mb(start.rss) };
}

function spawnWorker(which: Case, env: Record<string, string>, heapMb?: number): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const flags = ['--expose-gc', ...(heapMb ? [`--max-old-space-size=${heapMb}`] : []), '--import', 'tsx'];
    const child = spawn(process.execPath, [...flags, fileURLToPath(import.meta.url)], {
      env: { ...process.env, ...env, LEADSTACK_EXPORT_BENCH_CASE: which },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as WorkerResult);
      else reject(new Error(`export worker (${which}) exited ${code}: ${out}`));
    });
  });
}

async function loadContacts(searchEndpoint: string, rows: number): Promise<void> {
  const client = createSearchClient(searchEndpoint, LOCAL_REGION);
  const search = new OpenSearchRecordSearch(client);
  for (let start = 0; start < rows; start += INDEX_BATCH) {
    const ops = Array.from({ length: Math.min(INDEX_BATCH, rows - start) }, (_, i) => indexOperationFor('INSERT', contact(start + i), undefined)!);
    const failed = await search.apply(ops);
    if (failed.length > 0) throw new Error(`${failed.length} documents were not indexed`);
  }
  await client.indices.refresh({ index: 'contacts' });
}

export async function runExportBench(opts: { rows: number }): Promise<void> {
  console.log(`\n## Export (${opts.rows} contacts × ${COLUMNS.length} columns, local search engine → S3 emulator) — ${describeMachine()}`);
  const cloud = await startLocalCloud({ ephemeral: true, quiet: true, ports: { http: 0, ws: 0, dynamodb: 0, sqs: 0, s3: 0, search: 0, mail: 0 } });
  try {
    const t0 = performance.now();
    await loadContacts(cloud.endpoints.search, opts.rows);
    console.log(`indexed ${opts.rows} contacts straight into the engine in ${((performance.now() - t0) / 1000).toFixed(1)} s (not part of the figures)`);
    const env = { BENCH_SEARCH: cloud.endpoints.search, BENCH_S3: cloud.endpoints.s3, BENCH_BUCKET: cloud.resources.bucket };
    // The engine builds its sort structures on the first pass: warm it up so the baseline is not charged for it.
    await spawnWorker('search only', env);
    const results = new Map<string, WorkerResult>();
    // Best of ROUNDS, cases interleaved: on a shared machine one slow moment should not decide a ratio.
    for (let round = 0; round < ROUNDS; round++) {
      for (const which of CASES) {
        const run = await spawnWorker(which, env);
        const best = results.get(which);
        if (!best || run.ms < best.ms) results.set(which, { ...run, peakRssMb: Math.max(run.peakRssMb, best?.peakRssMb ?? 0), peakHeapMb: Math.max(run.peakHeapMb, best?.peakHeapMb ?? 0) });
      }
    }
    for (const which of ['csv → S3', 'xlsx → S3'] as const) results.set(`${which}, heap capped at ${CAPPED_HEAP_MB} MB`, await spawnWorker(which, env, CAPPED_HEAP_MB));
    const base = results.get('search only')!;
    const rate = (r: WorkerResult) => r.rows / (r.ms / 1000);
    console.log('| case | rows | file MB | s | rows/s | × baseline | worker peak RSS MB (start) | peak heap MB |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const [which, r] of results) {
      if (r.rows !== opts.rows) throw new Error(`${which} wrote ${r.rows} rows, expected ${opts.rows}`);
      console.log(
        `| ${which} | ${r.rows} | ${which === 'search only' ? '-' : mb(r.bytes).toFixed(1)} | ${(r.ms / 1000).toFixed(1)} | ${rate(r).toFixed(0)} | ${(rate(r) / rate(base)).toFixed(2)} | ${r.peakRssMb.toFixed(0)} (${r.startRssMb.toFixed(0)}) | ${r.peakHeapMb.toFixed(0)} |`,
      );
    }
  } finally {
    await cloud.stop();
  }
}

const workerCase = process.env.LEADSTACK_EXPORT_BENCH_CASE as Case | undefined;
if (workerCase) {
  const result = await runWorker(workerCase);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
