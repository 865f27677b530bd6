/**
 * Website enrichment end to end through the local cloud and its fake web: a job created with
 * fetch, watched over the WebSocket with `ws`, crawled by the real site-task worker (plain HTTP
 * through the guarded client, headless Chromium for the JavaScript-only site), scored against
 * the fake web's ground truth, and the one-site lookup route.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFakeWeb } from '../../../lib/local/fakes/web/fake-web.generator.ts';
import type { SiteTruth, SpecialKind } from '../../../lib/local/fakes/web/site-truth.ts';
import { DEFAULT_FAKE_SEED } from '../../../lib/local/options.ts';
import { eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

let t: TestCloud;
/** A crawl paces each host to one request a second and starts Chromium for the JavaScript-only site. */
const CRAWL_TEST_TIMEOUT_MS = 240_000;
// The frame gives each fake its own seed: `<seed>:<fake name>`.
const web = generateFakeWeb({ seed: `${DEFAULT_FAKE_SEED}:web` });
const special = (kind: SpecialKind): SiteTruth => web.sites.find((site) => site.special === kind)!;
const ordinary = web.sites.filter((site) => site.special === undefined).slice(0, 3);

beforeAll(async () => {
  t = await startTestCloud();
});

afterAll(async () => {
  await t?.stop();
});

type Message = Record<string, any>;

async function watch(jobId: string): Promise<{ messages: Message[]; done: Promise<Message>; close: () => void }> {
  const ticket = (await t.api('/v1/ws-tickets', { method: 'POST' })).body.ticket as string;
  const socket = new WebSocket(`${t.cloud.endpoints.ws}?ticket=${encodeURIComponent(ticket)}`);
  const messages: Message[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ action: 'subscribe', job_id: jobId }));
  const done = eventually(() => messages.find((m) => m.type === 'status' && ['completed', 'failed'].includes(m.status)), 'the job to finish', CRAWL_TEST_TIMEOUT_MS - 10_000);
  return { messages, done, close: () => socket.close() };
}

async function companyOf(domain: string): Promise<Record<string, any>> {
  return eventually(async () => {
    const found = await t.api('/v1/companies/search', { body: { where: { keyword_match: { must: { domain } } }, limit: 1 } });
    const uuid = found.body.data?.[0]?.uuid as string | undefined;
    return uuid ? (await t.api(`/v1/companies/${uuid}`)).body.data : undefined;
  }, `the company of ${domain}`, 30_000);
}

const truthEmails = (site: SiteTruth) => new Set(site.emails.map((e) => e.address));

describe('enrich_websites', () => {
  it('It should crawl each site once, store what it says with provenance, say why the others failed, and report progress live', async () => {
    // Prepare
    const domains = [...ordinary.map((s) => s.domain), special('js-only').domain, special('redirect-internal').domain, special('non-html').domain, special('robots-disallow').domain];
    const created = await t.api('/v1/jobs', { body: { job_type: 'enrich_websites', job_data: { domains, options: { pages_per_site: 5 } }, retry_count: 1 } });
    expect(created.status).toBe(201);
    const jobId = created.body.job.id as string;
    const watcher = await watch(jobId);
    // Act
    const final = await watcher.done;
    watcher.close();
    // Assess
    expect(final).toMatchObject({ status: 'completed', result: { sites_total: domains.length, sites_done: 5, sites_failed: 2 } });
    const { result } = final;
    expect(result.failures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ domain: special('redirect-internal').domain, reason: 'blocked_address' }),
        expect.objectContaining({ domain: special('non-html').domain, reason: 'not_html' }),
      ]),
    );
    expect(result.browser_pages).toBeGreaterThanOrEqual(1);
    const progress = watcher.messages.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ completed: domains.length, total: domains.length });

    for (const site of ordinary) {
      const company = await companyOf(site.domain);
      const emails = company.emails as string[];
      expect(emails.length).toBeGreaterThan(0);
      // Precision: nothing collected that the site does not really list (no decoys, no placeholders).
      for (const email of emails) expect(truthEmails(site)).toContain(email);
      expect(company.provenance.emails).toMatchObject({ source: 'website', job_id: jobId, url: expect.stringContaining(site.domain) });
      expect(company.technologies.length).toBeGreaterThan(0);
    }
    const jsOnly = await companyOf(special('js-only').domain);
    const rendered = special('js-only').emails.filter((e) => e.rendering === 'javascript').map((e) => e.address);
    expect(rendered.length).toBeGreaterThan(0);
    expect(jsOnly.emails).toEqual(expect.arrayContaining(rendered));
    const robots = special('robots-disallow');
    const fenced = robots.emails.filter((e) => robots.robotsDisallowed.some((path) => e.page.startsWith(path))).map((e) => e.address);
    const robotsCompany = await companyOf(robots.domain);
    for (const email of fenced) expect(robotsCompany.emails ?? []).not.toContain(email);
  }, CRAWL_TEST_TIMEOUT_MS);

  it('It should refresh a company on a second run, never duplicate it', async () => {
    const [site] = ordinary;
    const run = async () => {
      const created = await t.api('/v1/jobs', { body: { job_type: 'enrich_websites', job_data: { domains: [site!.domain], options: { pages_per_site: 2, browser: 'never' } }, retry_count: 1 } });
      const watcher = await watch(created.body.job.id);
      const final = await watcher.done;
      watcher.close();
      return final;
    };
    await companyOf(site!.domain);
    expect(await run()).toMatchObject({ status: 'completed', result: { sites_done: 1 } });
    const found = await eventually(async () => {
      const answer = await t.api('/v1/companies/count', { body: { where: { keyword_match: { must: { domain: site!.domain } } } } });
      return answer.status === 200 ? answer.body : undefined;
    }, 'the count');
    expect(found.count).toBe(1);
  }, CRAWL_TEST_TIMEOUT_MS);

  it.each([
    [{ domains: ['http://127.0.0.1/'] }, 'job_data.domains[0]'],
    [{ domains: ['https://user:pw@acme.test/'] }, 'job_data.domains[0]'],
    [{ domains: ['not a domain'] }, 'job_data.domains[0]'],
    [{ domains: ['acme.test'], query: {} }, 'job_data.domains'],
  ])('It should refuse %j at creation naming %s', async (jobData, path) => {
    const answer = await t.api('/v1/jobs', { body: { job_type: 'enrich_websites', job_data: jobData } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('ERR_VALIDATION');
    expect(JSON.stringify(answer.body.error.details)).toContain(path);
  });

  it('It should refuse a query that selects no company', async () => {
    const answer = await t.api('/v1/jobs', { body: { job_type: 'enrich_websites', job_data: { query: { keyword_match: { must: { domain: 'nothing-matches.test' } } } } } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('ERR_NO_SITES');
  });
});

describe('GET /v1/enrichment/website', () => {
  it('It should read one site now, then answer from the cache', async () => {
    const site = ordinary[1]!;
    const first = await t.api(`/v1/enrichment/website?domain=${site.domain}&browser=never`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ success: true, cached: false, website: { domain: site.domain } });
    for (const email of first.body.website.emails) expect(truthEmails(site)).toContain(email.address);
    const second = await t.api(`/v1/enrichment/website?url=http://${site.domain}/&browser=never`);
    expect(second.body).toMatchObject({ cached: true, website: { domain: site.domain } });
  });

  it('It should answer why a site cannot be read, and refuse what is not a public site', async () => {
    const internal = await t.api(`/v1/enrichment/website?domain=${special('redirect-internal').domain}&browser=never`);
    expect(internal.body).toMatchObject({ success: true, website: null, unreadable: { reason: 'blocked_address' } });
    const literal = await t.api('/v1/enrichment/website?url=http://169.254.169.254/latest/meta-data/');
    expect(literal.status).toBe(400);
    expect(JSON.stringify(literal.body.error.details)).toContain('url');
    const neither = await t.api('/v1/enrichment/website');
    expect(neither.status).toBe(400);
  });
});
