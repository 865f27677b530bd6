/**
 * Website enrichment end to end through the local cloud: an `enrich_websites` job over N of the
 * fake web's ordinary sites, sites per minute against the most the politeness rules allow.
 *
 * The ceiling: the crawler paces each host to CRAWLER_HOST_RATE_PER_SECOND (1/s), so a site of
 * r paced requests (robots.txt over https and http, the home page, the sub-pages) takes at least
 * (r − 1) seconds; the site-task worker crawls SITE_TASK_BATCH_SIZE sites side by side. The
 * ceiling is batch × 60 / (r − 1) sites per minute, r taken from the job's own page counts.
 */
import { performance } from 'node:perf_hooks';
import { SITE_TASK_BATCH_SIZE } from '../functions/domain/enrich-websites/limits.ts';
import { startLocalCloud } from '../lib/local/cloud.ts';
import { ensureDevWorkspace } from '../lib/local/dev-workspace.ts';
import { generateFakeWeb } from '../lib/local/fakes/web/fake-web.generator.ts';
import { DEFAULT_FAKE_SEED } from '../lib/local/options.ts';
import { describeMachine } from './machine.ts';

/** robots.txt is asked for twice per site: over https (refused by the fake's plain HTTP) and http. */
const ROBOTS_REQUESTS_PER_SITE = 2;
const POLL_MS = 250;

interface CrawlRun {
  readonly seconds: number;
  readonly result: Record<string, number>;
}

/** The API's JSON answers, as far as the benchmark reads them. */
type JobAnswer = { readonly job: { readonly id: string; readonly status: string; readonly result?: Record<string, number> } };

async function runJob(api: (path: string, body?: unknown) => Promise<JobAnswer>, domains: readonly string[], browser: 'never' | 'always', pages: number): Promise<CrawlRun> {
  const started = performance.now();
  const created = await api('/v1/jobs', { job_type: 'enrich_websites', job_data: { domains, options: { pages_per_site: pages, browser } }, retry_count: 1 });
  const id = created.job.id as string;
  for (;;) {
    const { job } = await api(`/v1/jobs/${id}`);
    if (job.status === 'completed' || job.status === 'failed') return { seconds: (performance.now() - started) / 1000, result: job.result ?? {} };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function row(label: string, sites: number, run: CrawlRun): string {
  const perMinute = (sites / run.seconds) * 60;
  const done = run.result.sites_done ?? 0;
  const pages = run.result.pages_fetched ?? 0;
  const requestsPerSite = pages / Math.max(1, done) + ROBOTS_REQUESTS_PER_SITE;
  const ceiling = (SITE_TASK_BATCH_SIZE * 60) / Math.max(1, requestsPerSite - 1);
  return `| ${label} | ${sites} | ${done} | ${pages} | ${run.seconds.toFixed(1)} s | ${perMinute.toFixed(1)} | ${ceiling.toFixed(1)} | ${(perMinute / ceiling).toFixed(2)} |`;
}

export async function runCrawlBench(opts: { sites: number; pages: number }): Promise<void> {
  console.log(`\n## Website enrichment crawl: ${opts.sites} fake-web sites, ${opts.pages} pages each, ${SITE_TASK_BATCH_SIZE} sites side by side — ${describeMachine()}`);
  const cloud = await startLocalCloud({ ephemeral: true, quiet: true, ports: { http: 0, ws: 0, dynamodb: 0, sqs: 0, s3: 0, search: 0, mail: 0 } });
  try {
    const { apiKey } = await ensureDevWorkspace(cloud);
    const api = async (path: string, body?: unknown) => {
      const response = await fetch(`${cloud.endpoints.http}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return (await response.json()) as JobAnswer;
    };
    const web = generateFakeWeb({ seed: `${DEFAULT_FAKE_SEED}:web` });
    const ordinary = web.sites.filter((site) => site.special === undefined).map((site) => site.domain);
    const plain = ordinary.slice(0, opts.sites);
    const rendered = ordinary.slice(opts.sites, opts.sites * 2);
    console.log('| browser | sites | done | pages | wall | sites/min | politeness ceiling | ratio |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    console.log(row('never (plain HTTP)', plain.length, await runJob(api, plain, 'never', opts.pages)));
    console.log(row('always (headless Chromium)', rendered.length, await runJob(api, rendered, 'always', opts.pages)));
    console.log('goal: ratio ≥ 0.8 of the politeness ceiling');
  } finally {
    await cloud.stop();
  }
}
