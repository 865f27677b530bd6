import { z } from 'zod';
import { onboardCompanyDataSchema } from '../../domain/research/onboard-job-data.ts';
import { researchParamsSchema } from '../../domain/research/research-view.ts';
import { DEEP_RESEARCH_PAGES, RESEARCH_PAGES } from '../../domain/research/research-limits.ts';
import { defineContracts, successBody } from '../../platform/http/route-contract.ts';

const TAG = 'research';

const statusSchema = z.object({
  job_id: z.string(),
  status: z.enum(['pending', 'running', 'completed', 'failed', 'paused', 'stopped']),
  job_status: z.string().describe('The job\'s own status (GET /v1/jobs/{id})'),
  progress: z.number(),
  current_step: z.string().nullable().describe('e.g. "research: pricing - completed"'),
  error: z.string().nullable(),
});

const resultSchema = z
  .object({
    job_id: z.string(),
    status: z.literal('completed'),
    company_name: z.string(),
    customers_discovered: z.number(),
    enterprise_customers: z.number(),
    products_found: z.number(),
    pricing_tiers_found: z.number(),
    icps_found: z.number(),
    personas_found: z.number(),
    completed_at: z.string(),
    products: z.array(z.record(z.string(), z.unknown())),
    pricing_tiers: z.array(z.record(z.string(), z.unknown())).describe('name, price (null for contact sales), currency, billing_period, per_seat, contact_sales, features, source_url'),
    customers: z.array(z.record(z.string(), z.unknown())).describe('name, uuid (the company record), ticker, cik, ticker_confidence or ticker_reason, enterprise, evidence'),
    icps: z.array(z.record(z.string(), z.unknown())),
    personas: z.array(z.record(z.string(), z.unknown())),
    not_found: z.array(z.object({ what: z.string(), reason: z.string() })).describe('What the run could not find, and why'),
  })
  .loose();

const notFound = { description: 'ERR_NOT_FOUND: no onboarding job with this id in this workspace' };

export const researchContracts = defineContracts([
  {
    method: 'POST',
    path: '/v1/research/onboard',
    summary: 'Research a SaaS company from its website (onboarding)',
    description:
      `Queues an \`onboard_company\` job: reads the site (${RESEARCH_PAGES} pages, ${DEEP_RESEARCH_PAGES} with \`deep_research\`), ` +
      'finds its products, pricing tiers, positioning and customers (each upserted as a company record with provenance `research` ' +
      'and matched to a stock ticker where SEC lists it), its enterprise customers, ICPs and personas. Progress comes over the WebSocket ' +
      '(`stage_start`, per-task `progress`, `stage_complete`, final `status` with `result_summary`); the job is also a job (`/v1/jobs/{id}`).',
    tag: TAG,
    body: onboardCompanyDataSchema,
    responses: {
      201: { description: 'The job, queued', body: successBody({ job_id: z.string(), status: z.literal('pending'), message: z.string() }) },
      400: { description: 'ERR_VALIDATION naming the field (`website` when it is no public site: an IP address, credentials, another scheme)' },
      503: { description: 'ERR_UNAVAILABLE: the job was created but could not be queued (it is stopped; retry it)' },
    },
  },
  {
    method: 'GET',
    path: '/v1/research/{id}',
    summary: 'The status of an onboarding job',
    tag: TAG,
    params: researchParamsSchema,
    responses: { 200: { description: 'Status, progress and current step', body: successBody(statusSchema.shape) }, 404: notFound },
  },
  {
    method: 'GET',
    path: '/v1/research/{id}/result',
    summary: 'The result of a completed onboarding job',
    tag: TAG,
    params: researchParamsSchema,
    responses: {
      200: { description: 'Counts, then the lists they count, and what could not be found', body: successBody(resultSchema.shape) },
      404: notFound,
      409: { description: 'ERR_RESEARCH_NOT_READY: the job has not completed; `details` names its status' },
    },
  },
]);
