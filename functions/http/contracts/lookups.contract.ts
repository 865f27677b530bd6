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
import { lookupBulkDataSchema } from '../../domain/lookups/bulk-lookup-data.ts';
import { WEBHOOK_MAX_ATTEMPTS } from '../../domain/lookups/bulk-webhook.ts';
import { BULK_MAX_LOOKUPS, BULK_MIN_LOOKUPS } from '../../domain/lookups/lookup-limits.ts';
import { MAX_PROVIDER_WEBHOOK_BYTES } from '../../domain/lookups/provider-webhooks.ts';
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
  {
    method: 'POST',
    path: '/v1/lookups/bulk',
    summary: `Look ${BULK_MIN_LOOKUPS}-${BULK_MAX_LOOKUPS} people up in one job, results optionally POSTed to a webhook`,
    description:
      `Queues a \`lookup_bulk\` job (watch it on the WebSocket or GET /v1/jobs/{id}); each lookup is the query of GET /v1/lookups/person and goes through the same cache, ledger and storage. ` +
      `With \`webhook_url\`, the finished results are POSTed there, signed in \`X-Leadstack-Signature: sha256=<hex HMAC-SHA256 of the raw body>\` under the workspace's webhook secret (returned here), ` +
      `tried up to ${WEBHOOK_MAX_ATTEMPTS} times with doubling back-off on no answer, 429 or 5xx; the job's result lists every attempt.`,
    tag: TAG,
    body: lookupBulkDataSchema,
    responses: {
      201: {
        description: 'The job, queued',
        body: successBody({
          job_id: z.string(),
          job_type: z.literal('lookup_bulk'),
          status: z.string(),
          lookups: z.number(),
          webhook: z.object({ url: z.string(), signature_header: z.string(), signature_scheme: z.string(), secret: z.string() }).optional(),
        }),
      },
      400: { description: `ERR_VALIDATION: fewer than ${BULK_MIN_LOOKUPS} or more than ${BULK_MAX_LOOKUPS} lookups (path \`lookups\`, the message names the bound), a lookup with no identifying parameter, a bad email, LinkedIn URL or webhook_url` },
      422: { description: 'ERR_URL_BLOCKED: webhook_url points at an internal, private or metadata address (path `webhook_url`)' },
    },
  },
  {
    method: 'POST',
    path: '/v1/lookups/webhooks/rocketreach',
    summary: 'RocketReach delivers bulk lookup results (public; signed by RocketReach)',
    description:
      'Checks `X-RocketReach-Signature` (base64 HMAC-SHA256 of the raw body under the webhook secret in ROCKETREACH_WEBHOOK_SECRET) before parsing, then keeps the delivery once per `RR-Request-ID`: a replay answers 200 with `duplicate: true` and stores nothing new.',
    tag: TAG,
    authorized: false,
    body: z.array(z.record(z.string(), z.unknown())),
    headers: z.object({ 'x-rocketreach-signature': z.string(), 'rr-request-id': z.string() }),
    responses: {
      200: { description: 'Stored, or a replay (duplicate: true)', body: successBody({ request_id: z.string(), results: z.number(), duplicate: z.boolean() }) },
      400: { description: 'ERR_VALIDATION: RR-Request-ID missing or the body not a list of results; ERR_INVALID_JSON: the body is not JSON' },
      401: { description: 'ERR_INVALID_SIGNATURE: the signature is missing or does not match the raw body (nothing stored)' },
      413: { description: `ERR_BATCH_TOO_LARGE: the body exceeds ${MAX_PROVIDER_WEBHOOK_BYTES} bytes` },
    },
  },
]);
