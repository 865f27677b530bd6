import { z } from 'zod';
import {
  companyLookupQuerySchema,
  companySearchBodySchema,
  lookupIdSchema,
  personLookupQuerySchema,
  personSearchBodySchema,
  rotateKeyBodySchema,
  usageQuerySchema,
} from '../../domain/lookups/lookup-inputs.ts';
import { defineContracts, successBody } from '../../platform/http/route-contract.ts';

const TAG = 'lookups';

const point = { type: z.string().optional(), grade: z.string().optional(), confidence: z.number().describe('0..1, comparable across providers') };
const personSchema = z.object({
  id: z.string(),
  status: z.enum(['complete', 'failed', 'progress', 'searching', 'waiting', 'not_queued']),
  name: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  title: z.string().optional(),
  employer: z.string().optional(),
  linkedin_url: z.string().optional(),
  emails: z.array(z.object({ email: z.string(), ...point })),
  phones: z.array(z.object({ number: z.string(), recommended: z.boolean().optional(), ...point })),
});
const companySchema = z.object({ id: z.string(), name: z.string().optional(), domain: z.string().optional(), industry: z.string().optional(), employees: z.number().optional(), tech_stack: z.array(z.string()) });
const stored = z.object({ contact_uuid: z.string().optional(), company_uuid: z.string().optional() });
const lookupBody = successBody({ lookup_id: z.string(), status: personSchema.shape.status, person: personSchema, company: companySchema.optional(), stored, credits: z.number(), cached: z.boolean() });
const accountSchema = z.object({ plan: z.string().optional(), credits_used: z.number().optional(), credits_remaining: z.number().optional(), resets_at: z.string().optional(), fetched_at: z.string() });

const PROVIDER_ERRORS = {
  402: { description: 'ERR_PROVIDER_CREDITS: the provider account is out of credits' },
  422: { description: 'ERR_PROVIDER_AUTH: the workspace has no provider key, or the provider refused it' },
  429: { description: 'ERR_RATE_LIMITED: the per-user lookup limit, or a provider pause longer than a request waits; Retry-After says when', headers: { 'retry-after': 'Seconds to wait' } },
  502: { description: 'ERR_PROVIDER_UNAVAILABLE: the provider failed or garbled its answer' },
} as const;
const CACHED = 'Answers are cached per workspace (lookups 1 h, searches 30 min, by default); a cached answer says `cached: true` and costs no credit.';

export const lookupsContracts = defineContracts([
  {
    method: 'GET',
    path: '/v1/lookups/person',
    summary: 'Look a person up (email, phones, job) through RocketReach',
    description: `Give \`name\` (or \`first_name\`+\`last_name\`), \`email\`, \`linkedin_url\` or \`id\`, optionally \`current_employer\`, \`current_title\`, \`location\`. The person is stored as a contact with per-field provenance. ${CACHED}`,
    tag: TAG,
    query: personLookupQuerySchema,
    responses: {
      200: { description: 'The finished lookup', body: lookupBody },
      202: { description: 'The provider is still searching: poll GET /v1/lookups/{id}/status with lookup_id', body: lookupBody },
      400: { description: 'ERR_VALIDATION: no identifying parameter (path `name`), an invalid email or LinkedIn URL, an unknown parameter' },
      404: { description: 'ERR_NOT_FOUND: the provider knows nobody matching' },
      ...PROVIDER_ERRORS,
    },
  },
  {
    method: 'POST',
    path: '/v1/lookups/person/search',
    summary: 'Search people (1-25 per page)',
    description: `Criteria: name, current_employer, current_title, location, keyword; \`start\` (offset, from 0) and \`size\` (1-25). Each profile is stored as a contact. ${CACHED}`,
    tag: TAG,
    body: personSearchBodySchema,
    responses: { 200: { description: 'A page of profiles', body: successBody({ people: z.array(personSchema), start: z.number(), size: z.number(), total: z.number(), cached: z.boolean() }) }, 400: { description: 'ERR_VALIDATION: no criterion, size outside 1-25, an unknown field' }, ...PROVIDER_ERRORS },
  },
  {
    method: 'GET',
    path: '/v1/lookups/{id}/status',
    summary: 'Status of a running person lookup',
    tag: TAG,
    params: z.object({ id: lookupIdSchema }),
    responses: {
      200: { description: 'The lookup finished (complete or failed); a complete one is stored', body: lookupBody },
      202: { description: 'Still running', body: lookupBody },
      400: { description: 'ERR_VALIDATION: id is not a lookup id' },
      404: { description: 'ERR_NOT_FOUND: no lookup with this id in this workspace' },
      ...PROVIDER_ERRORS,
    },
  },
  {
    method: 'GET',
    path: '/v1/lookups/company',
    summary: 'Look a company up (firmographics, tech stack)',
    description: `Give \`name\`, \`domain\` or \`linkedin_url\`. The company is stored with provenance. ${CACHED}`,
    tag: TAG,
    query: companyLookupQuerySchema,
    responses: { 200: { description: 'The company', body: successBody({ company: companySchema, stored, credits: z.number(), cached: z.boolean() }) }, 400: { description: 'ERR_VALIDATION: no identifying parameter, a bad domain or LinkedIn URL' }, 404: { description: 'ERR_NOT_FOUND: unknown company' }, ...PROVIDER_ERRORS },
  },
  {
    method: 'POST',
    path: '/v1/lookups/company/search',
    summary: 'Search companies (1-25 per page)',
    description: `Criteria: name, domain, industry, location, employees_min/max, revenue_min/max, founded_after/before; start, size. Each company is stored. ${CACHED}`,
    tag: TAG,
    body: companySearchBodySchema,
    responses: { 200: { description: 'A page of companies', body: successBody({ companies: z.array(companySchema), start: z.number(), size: z.number(), total: z.number(), cached: z.boolean() }) }, 400: { description: 'ERR_VALIDATION: a min above its max, size outside 1-25, an unknown field' }, ...PROVIDER_ERRORS },
  },
  {
    method: 'GET',
    path: '/v1/lookups/profile-company',
    summary: 'A person and their company in one lookup',
    description: `The person lookup's parameters; the person becomes a contact linked to the stored company. ${CACHED}`,
    tag: TAG,
    query: personLookupQuerySchema,
    responses: { 200: { description: 'Person and company', body: lookupBody }, 202: { description: 'Still running', body: lookupBody }, 400: { description: 'ERR_VALIDATION: as for the person lookup' }, 404: { description: 'ERR_NOT_FOUND' }, ...PROVIDER_ERRORS },
  },
  {
    method: 'GET',
    path: '/v1/lookups/account',
    summary: "The provider account: plan, credits used and remaining, reset date",
    description: 'Cached 5 minutes. Below LOOKUP_LOW_CREDIT_THRESHOLD the admins are mailed once per crossing.',
    tag: TAG,
    responses: { 200: { description: 'The account', body: successBody({ account: accountSchema, cached: z.boolean() }) }, 402: PROVIDER_ERRORS[402], 422: PROVIDER_ERRORS[422], 429: PROVIDER_ERRORS[429], 502: PROVIDER_ERRORS[502] },
  },
  {
    method: 'POST',
    path: '/v1/lookups/account/key',
    summary: "Rotate the workspace's own RocketReach API key (admin)",
    description: 'The key is checked against the provider account endpoint, then stored sealed (AES-256-GCM); it is never returned or logged, only its last 4 characters.',
    tag: TAG,
    body: rotateKeyBodySchema,
    responses: {
      200: { description: 'The key is in use', body: successBody({ key: z.object({ provider: z.string(), hint: z.string(), rotated_at: z.string(), account: accountSchema }) }) },
      400: { description: 'ERR_VALIDATION: api_key missing or of the wrong length' },
      403: { description: 'ERR_FORBIDDEN: the caller is not an admin' },
      422: { description: 'ERR_PROVIDER_AUTH: the provider refused this key; the previous one stays' },
      429: PROVIDER_ERRORS[429],
      502: PROVIDER_ERRORS[502],
    },
  },
  {
    method: 'GET',
    path: '/v1/lookups/usage',
    summary: 'Lookup analytics over a period (default the last 30 days)',
    description: 'Credits by operation and by user (the ledger); calls, success rate and latency by operation (the outbound call log); the most common employers and industries among looked-up people and companies.',
    tag: TAG,
    query: usageQuerySchema,
    responses: { 200: { description: 'The analytics', body: successBody({ usage: z.record(z.string(), z.unknown()) }) }, 400: { description: 'ERR_VALIDATION: from or to not ISO-8601, or from after to' } },
  },
]);
