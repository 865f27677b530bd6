/**
 * Website extraction: pages/s of the full per-site extractor (parse, emails, phones, social
 * profiles, organisation data, people and the shipped fingerprint set) against a bare HTML
 * parse (htmlparser2's parseDocument) of the same pages. Alternating runs, the best of each.
 * The corpus is the fake web's ordinary sites as a crawl reads them (extraction-corpus.ts).
 */
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'htmlparser2';
import { extractSite } from '../functions/domain/enrichment/extract-site.ts';
import { shippedFingerprints } from '../functions/domain/enrichment/shipped-fingerprints.ts';
import type { BenchSite } from './extraction-corpus.ts';
import { fakeWebSiteCorpus } from './extraction-corpus.ts';
import { describeMachine } from './machine.ts';

const ROUNDS = 3;

interface Timing {
  wallMs: number;
  cpuMs: number;
  found: number;
}

function timed(work: () => number): Timing {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const found = work();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - t0, cpuMs: (used.user + used.system) / 1000, found };
}

const bareParse = (sites: readonly BenchSite[]) => () => {
  let nodes = 0;
  for (const site of sites) for (const page of site.pages) nodes += parseDocument(page.html).children.length;
  return nodes;
};

const fullExtraction = (sites: readonly BenchSite[]) => () => {
  let values = 0;
  for (const site of sites) {
    const result = extractSite(site.pages, { companyDomain: site.companyDomain, defaultCountry: site.defaultCountry });
    values += result.emails.length + result.phones.length + result.social_profiles.length + result.technologies.length + result.people.length;
  }
  return values;
};

export async function runExtractionBench(opts: { sites: number }): Promise<void> {
  const sites = fakeWebSiteCorpus({ sites: opts.sites });
  const pages = sites.reduce((n, s) => n + s.pages.length, 0);
  const bytes = sites.reduce((n, s) => n + s.pages.reduce((m, p) => m + Buffer.byteLength(p.html), 0), 0);
  const fingerprints = shippedFingerprints();
  console.log(`\n## Website extraction vs bare HTML parse (${sites.length} fake-web sites of ${opts.sites}, ${pages} pages, ${(bytes / 2 ** 20).toFixed(1)} MiB, ${fingerprints.technologies.size} fingerprints) — ${describeMachine()}`);
  // One warm-up of each so JIT and the fingerprint compilation are not billed to the first run.
  bareParse(sites.slice(0, 5))();
  fullExtraction(sites.slice(0, 5))();
  const bare: Timing[] = [];
  const full: Timing[] = [];
  for (let run = 0; run < ROUNDS; run++) {
    bare.push(timed(bareParse(sites)));
    full.push(timed(fullExtraction(sites)));
  }
  const best = (runs: readonly Timing[], key: 'wallMs' | 'cpuMs') => Math.min(...runs.map((r) => r[key]));
  const rate = (ms: number) => `${Math.round((pages / ms) * 1000).toLocaleString('en-US')}`;
  console.log(`${ROUNDS} alternating runs each; the best wall time and the best CPU time (user + system) of each side`);
  console.log('| path | wall | pages/s (wall) | CPU | pages/s (CPU) |');
  console.log('|---|---|---|---|---|');
  const line = (name: string, runs: Timing[]) => console.log(`| ${name} | ${best(runs, 'wallMs').toFixed(0)} ms | ${rate(best(runs, 'wallMs'))} | ${best(runs, 'cpuMs').toFixed(0)} ms | ${rate(best(runs, 'cpuMs'))} |`);
  line('bare parse (htmlparser2 parseDocument)', bare);
  line(`full extraction (extractSite; ${full[0]?.found ?? 0} values found)`, full);
  const ratio = (key: 'wallMs' | 'cpuMs') => (best(bare, key) / best(full, key)).toFixed(2);
  console.log(`ratio extraction/bare throughput: ${ratio('wallMs')} by wall time, ${ratio('cpuMs')} by CPU time`);
}
