/**
 * The local search engine against a brute-force scan of the same documents.
 *
 * Indexes N synthetic contacts in process (no HTTP), then times a suite of VQL-shaped queries
 * on the engine and on a plain loop over the same JS objects that applies the same predicate
 * and sort. It prints figures only; the "same" column says whether both returned the same ids.
 *
 *   tsx bench/search-engine.bench.ts --docs 100000
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SearchEngine } from '../lib/local/search-engine/index.ts';
import type { BulkOperation } from '../lib/local/search-engine/index.ts';
import { describeMachine } from './machine.ts';

const DEFAULT_DOCS = 1_000_000;
const BULK_BATCH = 10_000;
const WARMUP_RUNS = 3;
const TIMED_RUNS = 20;
const PAGE_SIZE = 25;
const INDEX = 'contacts';
const MB = 1024 * 1024;

interface Contact {
  uuid: string;
  workspace_id: string;
  first_name: string;
  last_name: string;
  email: string;
  email_status: string;
  title: string;
  seniority: string;
  departments: string[];
  city: string;
  country: string;
  employees: number;
  created_at: string;
  company_name: string;
  linkedin_url: string;
}

const FIRST = ['John', 'Jane', 'Marie', 'Pierre', 'Ana', 'Luis', 'Wei', 'Yuki', 'Omar', 'Fatima', 'Liam', 'Emma', 'Noah', 'Olivia', 'Lucas', 'Mia', 'Hugo', 'Chloe', 'Arjun', 'Priya', 'Sven', 'Ingrid', 'Mateo', 'Sofia', 'Kofi', 'Amara', 'Ivan', 'Olga', 'Tom', 'Sarah'];
const LAST = ['Smith', 'Martin', 'Garcia', 'Muller', 'Rossi', 'Dubois', 'Tanaka', 'Kim', 'Nguyen', 'Silva', 'Kowalski', 'Jensen', 'Brown', 'Lopez', 'Moreau', 'Schmidt', 'Ivanova', 'Okafor', 'Patel', 'Cohen', 'Larsen', 'Novak', 'Costa', 'Fischer', 'Khan', 'Haddad', 'Wong', 'Berg', 'Lee', 'Walker'];
const TITLES = ['Software Engineer', 'Senior Software Engineer', 'Head of Sales', 'Account Executive', 'Marketing Manager', 'Chief Technology Officer', 'Data Scientist', 'Product Manager', 'Sales Development Representative', 'VP Engineering', 'Office Manager', 'Chief Executive Officer'];
const SENIORITY = ['intern', 'entry', 'senior', 'manager', 'director', 'vp', 'c_suite', 'owner'];
const DEPARTMENTS = ['engineering', 'sales', 'marketing', 'finance', 'hr', 'legal', 'operations', 'support', 'product', 'design', 'data', 'it'];
const COUNTRIES = ['us', 'us', 'us', 'gb', 'fr', 'fr', 'de', 'de', 'es', 'it', 'nl', 'se', 'ca', 'br', 'in', 'jp', 'au', 'pl'];
const CITIES = ['paris', 'london', 'berlin', 'madrid', 'new york', 'san francisco', 'toronto', 'tokyo', 'sydney', 'lyon', 'munich', 'austin', 'boston', 'mumbai', 'warsaw', 'stockholm'];
const EMAIL_STATUS = ['verified', 'unverified', 'bounced', 'unknown'];
const COMPANY_WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Cyberdyne', 'Soylent', 'Tyrell', 'Aperture'];
const WORKSPACES = ['ws-1', 'ws-1', 'ws-1', 'ws-1', 'ws-2', 'ws-2', 'ws-2', 'ws-3', 'ws-3', 'ws-4'];
const DATE_START = Date.UTC(2019, 0, 1);
const DATE_SPAN = Date.UTC(2025, 0, 1) - DATE_START;

/** mulberry32: a seeded PRNG, so every run indexes the same corpus. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(n: number): Contact[] {
  const rnd = prng(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const docs: Contact[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const company = `${pick(COMPANY_WORDS)} ${pick(COMPANY_WORDS)}`;
    const departments = [...new Set([pick(DEPARTMENTS), ...(rnd() < 0.4 ? [pick(DEPARTMENTS)] : [])])];
    docs[i] = {
      uuid: `c${i.toString(36).padStart(5, '0')}-${Math.floor(rnd() * 1e9).toString(36)}`,
      workspace_id: pick(WORKSPACES),
      first_name: first,
      last_name: last,
      email: `${first}.${last}.${i}@${company.split(' ')[0]}.com`.toLowerCase(),
      email_status: pick(EMAIL_STATUS),
      title: pick(TITLES),
      seniority: pick(SENIORITY),
      departments,
      city: pick(CITIES),
      country: pick(COUNTRIES),
      employees: Math.floor(Math.exp(rnd() * Math.log(100_000))),
      created_at: new Date(DATE_START + Math.floor(rnd() * DATE_SPAN)).toISOString(),
      company_name: company,
      linkedin_url: `https://linkedin.com/in/${first}-${last}-${i}`.toLowerCase(),
    };
  }
  return docs;
}

const keyword = { type: 'keyword', normalizer: 'lowercase' };
const text = { type: 'text', fields: { keyword: { type: 'keyword', normalizer: 'lowercase', ignore_above: 256 } } };
const INDEX_BODY = {
  settings: { analysis: { normalizer: { lowercase: { type: 'custom', filter: ['lowercase'] } } } },
  mappings: {
    dynamic: 'strict',
    properties: {
      uuid: keyword, workspace_id: keyword, first_name: text, last_name: text, email: keyword, email_status: keyword, title: text, seniority: keyword,
      departments: keyword, city: keyword, country: keyword, employees: { type: 'integer' }, created_at: { type: 'date' }, company_name: text, linkedin_url: keyword,
    },
  },
};

interface Case {
  readonly name: string;
  /** A `_search` body, or a `_count` body when `count` is set. */
  readonly body: Record<string, unknown>;
  readonly count?: boolean;
  /** The same predicate and sort as a plain loop over the JS objects: ids, or a count. */
  readonly brute: () => unknown;
}

type Row = [Contact, number];
const byIndex = (a: Row, b: Row): number => a[1] - b[1];
const newestFirst = (a: Row, b: Row): number => (a[0].created_at < b[0].created_at ? 1 : a[0].created_at > b[0].created_at ? -1 : byIndex(a, b));
const uuids = (rows: Row[]): string[] => rows.slice(0, PAGE_SIZE).map(([d]) => d.uuid);

/** A plain loop: the matches of `predicate`, in doc order, with their positions for tie-breaking. */
function scan(docs: readonly Contact[], predicate: (d: Contact) => boolean): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < docs.length; i++) if (predicate(docs[i]!)) out.push([docs[i]!, i]);
  return out;
}

const ws = (id: string): unknown => ({ term: { workspace_id: id } });

function filterCases(docs: readonly Contact[]): Case[] {
  const countries = new Set(['fr', 'de', 'es']);
  const depts = new Set(['engineering', 'sales']);
  const senior = new Set(['director', 'vp', 'c_suite']);
  const nameIs = (d: Contact, name: string): boolean => d.first_name.toLowerCase() === name || d.last_name.toLowerCase() === name;
  return [
    {
      name: 'bool filter: term + terms + range',
      body: { query: { bool: { filter: [ws('ws-2'), { terms: { country: [...countries] } }, { range: { employees: { gte: 50, lte: 5000 } } }] } }, size: PAGE_SIZE },
      brute: () => uuids(scan(docs, (d) => d.workspace_id === 'ws-2' && countries.has(d.country) && d.employees >= 50 && d.employees <= 5000)),
    },
    {
      name: 'bool filter + must_not',
      body: { query: { bool: { filter: [ws('ws-1')], must_not: [{ terms: { seniority: ['intern', 'entry'] } }, { term: { email_status: 'bounced' } }] } }, size: PAGE_SIZE },
      brute: () => uuids(scan(docs, (d) => d.workspace_id === 'ws-1' && d.seniority !== 'intern' && d.seniority !== 'entry' && d.email_status !== 'bounced')),
    },
    {
      name: 'terms any-of (array field), date sort',
      body: { query: { bool: { filter: [ws('ws-1'), { terms: { departments: [...depts] } }] } }, sort: [{ created_at: 'desc' }], size: PAGE_SIZE },
      brute: () => uuids(scan(docs, (d) => d.workspace_id === 'ws-1' && d.departments.some((x) => depts.has(x))).sort(newestFirst)),
    },
    {
      name: 'match on text, date sort',
      body: { query: { bool: { must: [{ match: { first_name: 'Marie' } }], filter: [ws('ws-1')] } }, sort: [{ created_at: 'desc' }], size: PAGE_SIZE },
      brute: () => uuids(scan(docs, (d) => d.workspace_id === 'ws-1' && nameIs(d, 'marie')).sort(newestFirst)),
    },
    {
      name: 'count: terms + date range',
      count: true,
      body: { query: { bool: { filter: [ws('ws-1'), { terms: { seniority: [...senior] } }, { range: { created_at: { gte: '2022-01-01', lt: '2023-01-01' } } }] } } },
      brute: () => scan(docs, (d) => d.workspace_id === 'ws-1' && senior.has(d.seniority) && d.created_at >= '2022-01-01' && d.created_at < '2023-01-01').length,
    },
  ];
}

function sortCases(engine: SearchEngine, docs: readonly Contact[]): Case[] {
  const keySort = { sort: [{ 'last_name.keyword': 'asc' }, { uuid: 'asc' }], size: PAGE_SIZE };
  const page1 = engine.search(INDEX, { query: { bool: { filter: [ws('ws-1')] } }, ...keySort }).hits.hits;
  const after = (page1[page1.length - 1]?.sort ?? []) as [string, string];
  const keyOf = (d: Contact): [string, string] => [d.last_name.toLowerCase(), d.uuid];
  const compare = (a: [string, string], b: [string, string]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
  return [
    {
      name: 'keyword sort, search_after page 2',
      body: { query: { bool: { filter: [ws('ws-1')] } }, ...keySort, search_after: after },
      brute: () =>
        scan(docs, (d) => d.workspace_id === 'ws-1' && compare(keyOf(d), after) > 0)
          .map(([d, i]) => [keyOf(d), d.uuid, i] as const)
          .sort((a, b) => compare(a[0], b[0]) || a[2] - b[2])
          .slice(0, PAGE_SIZE)
          .map(([, uuid]) => uuid),
    },
    {
      name: 'numeric sort desc',
      body: { query: { bool: { filter: [ws('ws-3')] } }, sort: [{ employees: 'desc' }], size: PAGE_SIZE },
      brute: () => uuids(scan(docs, (d) => d.workspace_id === 'ws-3').sort((a, b) => b[0].employees - a[0].employees || byIndex(a, b))),
    },
  ];
}

/** What the engine answers for a case: the hits' ids, or the count. */
function ours(engine: SearchEngine, c: Case): unknown {
  if (c.count === true) return engine.count(INDEX, c.body);
  return engine.search(INDEX, c.body).hits.hits.map((h) => h._id);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function time(fn: () => unknown): { p50: number; p99: number; result: unknown } {
  let result: unknown;
  for (let i = 0; i < WARMUP_RUNS; i++) result = fn();
  const samples: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), result };
}

function memory(label: string): void {
  globalThis.gc?.();
  const m = process.memoryUsage();
  console.log(`${label.padEnd(34)} heap ${(m.heapUsed / MB).toFixed(0)} MB, external+buffers ${((m.external + m.arrayBuffers) / MB).toFixed(0)} MB, RSS ${(m.rss / MB).toFixed(0)} MB`);
}

async function index(engine: SearchEngine, docs: readonly Contact[]): Promise<number> {
  engine.createIndex(INDEX, INDEX_BODY);
  const started = performance.now();
  for (let from = 0; from < docs.length; from += BULK_BATCH) {
    const ops: BulkOperation[] = docs.slice(from, from + BULK_BATCH).map((d) => ({ action: 'index', index: INDEX, id: d.uuid, source: d }));
    const response = engine.bulk(ops);
    if (response.errors) console.log('bulk reported item errors');
    // Yield so the periodic refresh runs during ingestion, as it would behind the REST API.
    await new Promise((r) => setImmediate(r));
  }
  engine.refresh(INDEX);
  return performance.now() - started;
}

export async function runSearchEngineBench(opts: { docs: number }): Promise<void> {
  console.log('## Local search engine');
  console.log(`machine: ${describeMachine()}`);
  memory('baseline');
  const docs = generate(opts.docs);
  memory(`after generating ${opts.docs} docs`);
  const engine = await SearchEngine.open();
  const ms = await index(engine, docs);
  console.log(`indexed ${opts.docs} docs in ${(ms / 1000).toFixed(1)} s: ${Math.round(opts.docs / (ms / 1000))} docs/s (bulk batches of ${BULK_BATCH}, then refresh)`);
  memory('after indexing (docs + engine)');
  console.log(`\n${'query'.padEnd(38)} ${'matches'.padStart(8)} ${'ours p50'.padStart(9)} ${'ours p99'.padStart(9)} ${'brute p50'.padStart(10)} ${'brute p99'.padStart(10)} ${'brute/ours'.padStart(10)}  same`);
  for (const c of [...filterCases(docs), ...sortCases(engine, docs)]) {
    const engineTimes = time(() => ours(engine, c));
    const brute = time(c.brute);
    const same = JSON.stringify(engineTimes.result) === JSON.stringify(brute.result);
    const matches = engine.count(INDEX, { query: c.body.query });
    const f = (n: number, w: number): string => `${n.toFixed(2)} ms`.padStart(w);
    const ratio = `${(brute.p50 / engineTimes.p50).toFixed(1)}x`.padStart(10);
    console.log(`${c.name.padEnd(38)} ${String(matches).padStart(8)} ${f(engineTimes.p50, 9)} ${f(engineTimes.p99, 9)} ${f(brute.p50, 10)} ${f(brute.p99, 10)} ${ratio}  ${same ? 'yes' : 'NO'}`);
  }
  memory('after queries');
  await engine.close();
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({ options: { docs: { type: 'string', default: String(DEFAULT_DOCS) } } });
  await runSearchEngineBench({ docs: Number(values.docs) });
}
