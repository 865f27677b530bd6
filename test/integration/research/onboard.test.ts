/**
 * Onboarding research end to end through the local cloud: jobs created with fetch, watched over
 * the WebSocket with `ws`, the fixture SaaS sites crawled by the real job worker through the
 * guarded outbound client, customers upserted as records, and the seed's status and result
 * shapes; first without a chat model, then with a test OpenAI-compatible server configured.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_PROVIDERS } from '../../../lib/local/fakes/fakes.ts';
import { eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';
import { researchSites, SITE_SUFFIX, startChatServer, type ChatServer } from './research-servers.ts';

/** A crawl paces each host to one request a second. */
const RUN_TIMEOUT_MS = 120_000;
type Message = Record<string, any>;

async function onboard(t: TestCloud, body: Record<string, unknown>): Promise<{ jobId: string; messages: Message[]; final: Message }> {
  const ticket = (await t.api('/v1/ws-tickets', { method: 'POST' })).body.ticket as string;
  const socket = new WebSocket(`${t.cloud.endpoints.ws}?ticket=${encodeURIComponent(ticket)}`);
  const messages: Message[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const created = await t.api('/v1/research/onboard', { body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect(created.body).toMatchObject({ status: 'pending', message: `Onboarding job created for ${String(body.company_name)}` });
  const jobId = created.body.job_id as string;
  socket.send(JSON.stringify({ action: 'subscribe', job_id: jobId }));
  const final = await eventually(() => messages.find((m) => m.type === 'status' && ['completed', 'failed'].includes(m.status)), 'the research to finish', RUN_TIMEOUT_MS - 10_000);
  socket.close();
  return { jobId, messages, final };
}

describe('onboarding research without a chat model', () => {
  let t: TestCloud;
  beforeAll(async () => {
    delete process.env.LLM_MODEL;
    t = await startTestCloud({ fakes: [researchSites, ...FAKE_PROVIDERS] });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('It should research a SaaS site stage by stage, live, and answer the seed\'s status and result shapes', async () => {
    // Act
    const { jobId, messages, final } = await onboard(t, { company_name: 'Pipewise', website: `pipewise.${SITE_SUFFIX}` });
    // Assess
    const pages = { read: final.result?.pages_read, failed: final.result?.page_failures };
    expect(pages.read, JSON.stringify(pages)).toEqual(expect.arrayContaining([`http://pipewise.${SITE_SUFFIX}/pricing`, `http://pipewise.${SITE_SUFFIX}/customers`]));
    expect(final).toMatchObject({
      status: 'completed',
      message: 'Onboarding completed for Pipewise',
      result_summary: { company_name: 'Pipewise', customers_discovered: 6, products_found: 2, pricing_tiers_found: 4 },
    });
    const starts = messages.filter((m) => m.type === 'stage_start').map((m) => m.stage);
    expect(starts).toEqual(['research', 'customers', 'enterprise', 'profiles']);
    expect(messages.filter((m) => m.type === 'stage_complete').map((m) => m.stage)).toEqual(starts);
    const pricing = messages.filter((m) => m.type === 'progress' && m.stage === 'research' && m.task === 'pricing');
    expect(pricing.map((m) => m.status)).toEqual(['started', 'completed']);
    expect(pricing[1]).toMatchObject({ total: 11, failed: 0, completed: expect.any(Number), progress: expect.any(Number), timestamp: expect.any(String) });

    const status = await t.api(`/v1/research/${jobId}`);
    expect(status.body).toMatchObject({ success: true, job_id: jobId, status: 'completed', progress: 1, current_step: 'completed', error: null });
    const result = await t.api(`/v1/research/${jobId}/result`);
    expect(result.status).toBe(200);
    const r = result.body;
    expect(r).toMatchObject({ status: 'completed', company_name: 'Pipewise', customers_discovered: 6, products_found: 2, pricing_tiers_found: 4, llm_summaries: 'off' });
    expect(r.pricing_tiers.map((tier: Message) => tier.name)).toEqual(['Free', 'Team', 'Business', 'Enterprise']);
    expect(r.customers.map((c: Message) => c.name).sort()).toEqual(['Acme Corporation', 'Globex', 'Initech', 'Soylent', 'Stark Industries, Inc.', 'Umbrella Corp']);
    // No ticker list is wired in this cloud, or none lists these names: every customer says why it has no ticker.
    for (const customer of r.customers) expect(customer.ticker ?? customer.ticker_reason).toBeTruthy();
    expect(r.personas.length).toBeGreaterThan(0);
    for (const persona of r.personas) expect(persona.summary).toBeUndefined();
    expect(r.icps.map((icp: Message) => icp.industry).sort()).toEqual(['financial services', 'healthcare']);

    // Each customer is a company record of the workspace, with provenance `research`.
    const acme = r.customers.find((c: Message) => c.name === 'Acme Corporation');
    const record = await t.api(`/v1/companies/${acme.uuid}`);
    expect(record.status).toBe(200);
    expect(record.body.data).toMatchObject({ name: 'Acme Corporation', provenance: { name: { source: 'research', job_id: jobId } } });
  }, RUN_TIMEOUT_MS);

  it('It should complete for a site that is not a SaaS site and say what it could not find', async () => {
    const { jobId, final } = await onboard(t, { company_name: 'Crumbs', website: `http://crumbs.${SITE_SUFFIX}/` });
    expect(final).toMatchObject({ status: 'completed', result_summary: { customers_discovered: 0, products_found: 0, pricing_tiers_found: 0 } });
    const result = (await t.api(`/v1/research/${jobId}/result`)).body;
    expect(result.not_found.map((m: Message) => m.what)).toEqual(['products', 'pricing_tiers', 'customers']);
  }, RUN_TIMEOUT_MS);

  it('It should complete for a website that does not answer, saying why', async () => {
    const { jobId, final } = await onboard(t, { company_name: 'Gone', website: `gone.${SITE_SUFFIX}` });
    expect(final).toMatchObject({ status: 'completed', result_summary: { customers_discovered: 0 } });
    const result = (await t.api(`/v1/research/${jobId}/result`)).body;
    expect(result.not_found[0]).toMatchObject({ what: 'website', reason: expect.stringContaining('http_error') });
  }, RUN_TIMEOUT_MS);

  it.each([
    [{ company_name: 'X', website: 'http://127.0.0.1/' }, 'website'],
    [{ company_name: 'X', website: 'https://user:pw@acme.test/' }, 'website'],
    [{ company_name: 'X', website: 'ftp://acme.test/' }, 'website'],
    [{ company_name: '', website: 'acme.test' }, 'company_name'],
    [{ company_name: 'X', website: 'acme.test', deep_research: 'yes' }, 'deep_research'],
    [{ company_name: 'X', website: 'acme.test', extra: 1 }, 'extra'],
  ])('It should refuse %j naming %s', async (body, field) => {
    const answer = await t.api('/v1/research/onboard', { body });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('ERR_VALIDATION');
    expect(answer.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
  });

  it('It should answer 404 for an unknown id and for a job that is not research', async () => {
    const unknown = await t.api('/v1/research/01900000-0000-7000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('ERR_NOT_FOUND');
    const other = await t.api('/v1/jobs', { body: { job_type: 'export_csv_file', job_data: { entity: 'company', query: { limit: 1 } }, retry_count: 1 } });
    const notResearch = await t.api(`/v1/research/${other.body.job.id}/result`);
    expect(notResearch.status).toBe(404);
  });
});

describe('onboarding research with a chat model configured', () => {
  let t: TestCloud;
  let chat: ChatServer;
  beforeAll(async () => {
    chat = await startChatServer();
    process.env.LLM_MODEL = 'test-model';
    process.env.LLM_API_KEY = 'sk-test-key';
    t = await startTestCloud({ fakes: [researchSites, ...FAKE_PROVIDERS], providerUrls: { llm: chat.url }, allowHosts: [new URL(chat.url).host] });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await chat?.close();
    delete process.env.LLM_MODEL;
    delete process.env.LLM_API_KEY;
  });

  it('It should write the model\'s summaries on ICPs and personas', async () => {
    const { jobId, final } = await onboard(t, { company_name: 'Ledgerly', website: `ledgerly.${SITE_SUFFIX}`, deep_research: true });
    expect(final).toMatchObject({ status: 'completed' });
    const result = (await t.api(`/v1/research/${jobId}/result`)).body;
    expect(result.llm_summaries).toBe('used');
    expect(result.personas.length).toBeGreaterThan(0);
    for (const item of [...result.icps, ...result.personas]) expect(item.summary).toMatch(/^Test summary \d+\.$/);
    expect(chat.requests).toHaveLength(1);
    expect(chat.requests[0]).toMatchObject({ authorization: 'Bearer sk-test-key', body: { model: 'test-model' } });
    expect(chat.requests[0]!.body.messages.at(-1)!.content).toContain('Persona: CFO');
  }, RUN_TIMEOUT_MS);
});
