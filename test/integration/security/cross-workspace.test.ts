/**
 * Cross-workspace access, table-driven from lib/topology.ts: every route must have a case here,
 * so a new route without one fails this file. Each case calls the route with workspace B's
 * credential (an admin-role key) aimed at workspace A's ids, and expects 403 or 404 (`denied`),
 * or B's own, A-free view (`scoped`), or no workspace data at all (`public`). Every case names the
 * exact status (and, for a refusal, the code) its request earns, so a request the route rejects
 * as malformed fails here instead of passing as "refused". No answer may ever contain A's marker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topology } from '../../../lib/topology.ts';
import { eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';
import { devAdmin, signIn } from '../accounts/helpers.ts';

type Kind = 'denied' | 'scoped' | 'public';

interface AIds {
  readonly companyUuid: string;
  readonly contactUuid: string;
  /** A second pair that B never upserts, so B holds no record with these uuids. */
  readonly companyUuid2: string;
  readonly contactUuid2: string;
  readonly jobId: string;
  readonly researchJobId: string;
  readonly uploadKey: string;
  readonly apiKeyId: string;
  readonly userId: string;
}

interface Case {
  readonly kind: Kind;
  /** The exact status this request earns when it is well formed: a malformed one (400) must fail the case, not pass it. */
  readonly status: number;
  /** For an expected refusal, its code (and the field it names), so a refusal for another reason fails the case. */
  readonly error?: string;
  readonly errorPath?: string;
  readonly path?: (ids: AIds) => string;
  readonly body?: (ids: AIds) => unknown;
}

const MARKER = `amarker${Date.now().toString(36)}`;

const multipart = (ids: AIds) => ({ s3_key: ids.uploadKey, upload_id: 'a-upload-id' });

/** `METHOD path` → how B attacks A through it. */
const CASES: Readonly<Record<string, Case>> = {
  'GET /v1/health': { kind: 'public', status: 200 },
  // A site nobody can resolve: the answer is B's own (website null, a reason), never A's cached lookups.
  'POST /v1/signals/monitor': { kind: 'scoped', status: 201, body: () => ({ companies: [{ ticker: 'ZZZZ' }] }) },
  'GET /v1/signals/monitor/{id}': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', path: (ids) => `/v1/signals/monitor/${ids.jobId}` },
  'GET /v1/signals': { kind: 'scoped', status: 200, path: () => '/v1/signals?type=ACQUISITION' },
  // One setting per workspace, keyed by the caller's: B reads and writes only its own.
  'GET /v1/signals/monitoring': { kind: 'scoped', status: 200 },
  'PUT /v1/signals/monitoring': { kind: 'scoped', status: 200, body: () => ({ enabled: false, saas_client_name: 'B Client' }) },
  'GET /v1/enrichment/website': { kind: 'scoped', status: 200, path: () => '/v1/enrichment/website?domain=no-such-site.invalid' },
  'GET /v1/openapi.json': { kind: 'public', status: 200 },
  'GET /docs': { kind: 'public', status: 200 },
  'GET /docs/{asset}': { kind: 'public', status: 200, path: () => '/docs/docs.css' },
  // B writes with A's uuids: B's own records are written, A's stay untouched (checked after the table).
  'POST /v1/companies/batch-upsert': { kind: 'scoped', status: 200, body: (ids) => [{ uuid: ids.companyUuid, name: 'Overwritten by B' }] },
  'POST /v1/contacts/batch-upsert': { kind: 'scoped', status: 200, body: (ids) => [{ uuid: ids.contactUuid, first_name: 'Overwritten', last_name: 'ByB' }] },
  'POST /v1/records/batch-upsert': { kind: 'scoped', status: 200, body: () => ({ data: [{ company: 'B Co', first_name: 'Bee', last_name: 'Bee' }] }) },
  'POST /v1/companies/search': { kind: 'scoped', status: 200, body: () => ({}) },
  'POST /v1/contacts/search': { kind: 'scoped', status: 200, body: () => ({}) },
  'POST /v1/companies/count': { kind: 'scoped', status: 200, body: () => ({}) },
  'POST /v1/contacts/count': { kind: 'scoped', status: 200, body: () => ({}) },
  'GET /v1/companies': { kind: 'scoped', status: 200, path: () => `/v1/companies?search=${MARKER}` },
  'GET /v1/contacts': { kind: 'scoped', status: 200 },
  'GET /v1/company/filters': { kind: 'scoped', status: 200 },
  'GET /v1/contact/filters': { kind: 'scoped', status: 200 },
  'POST /v1/company/filters/values': { kind: 'scoped', status: 200, body: () => ({ filter_key: 'name' }) },
  'POST /v1/contact/filters/values': { kind: 'scoped', status: 200, body: () => ({ filter_key: 'email' }) },
  'GET /v1/companies/autocomplete': { kind: 'scoped', status: 200, path: () => `/v1/companies/autocomplete?field=name&q=${MARKER}` },
  'GET /v1/contacts/autocomplete': { kind: 'scoped', status: 200, path: () => `/v1/contacts/autocomplete?field=email&q=${MARKER}` },
  'GET /v1/dashboard/stats': { kind: 'scoped', status: 200 },
  // Billing: B reads the provider's plans and its own subscription; a plan B names that does not
  // exist is a 404 naming plan_id; the public webhook without Razorpay's signature applies nothing.
  'GET /v1/billing/plans': { kind: 'scoped', status: 200 },
  'GET /v1/billing/subscription': { kind: 'scoped', status: 200 },
  'POST /v1/billing/subscribe': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', errorPath: 'plan_id', body: () => ({ plan_id: 'plan_no_such_plan', plan_type: 'starter' }) },
  'POST /v1/billing/webhook': { kind: 'public', status: 401, error: 'ERR_INVALID_SIGNATURE', body: () => ({ event: 'subscription.activated', payload: {} }) },
  // Seed compatibility routes: B's own uploads, jobs and filter values only.
  'GET /v1/uploads/url': { kind: 'scoped', status: 200, path: () => '/v1/uploads/url?filename=b.csv' },
  'POST /v1/jobs/search': { kind: 'scoped', status: 200, body: () => ({ status: ['in_queue', 'processing', 'completed'] }) },
  'POST /v1/contact/filters/data': { kind: 'scoped', status: 200, body: () => ({ filter_key: 'email', search_text: MARKER }) },
  'POST /v1/company/filters/data': { kind: 'scoped', status: 200, body: () => ({ filter_key: 'name', search_text: 'company' }) },
  // Apollo credentials: B reads, sets and forgets only its own; the cookies cover the real app and the local fake's host.
  'PUT /v1/collections/apollo/session': { kind: 'scoped', status: 200, body: () => ['.apollo.io', '127.0.0.1'].map((domain) => ({ name: 'b_session', value: 'b-cookie', domain, path: '/' })) },
  'GET /v1/collections/apollo/session': { kind: 'scoped', status: 200 },
  'DELETE /v1/collections/apollo/session': { kind: 'scoped', status: 200 },
  'PUT /v1/collections/apollo/api-key': { kind: 'scoped', status: 200, body: () => ({ api_key: 'b-workspace-apollo-key' }) },
  'GET /v1/industries': { kind: 'scoped', status: 200 },
  'GET /v1/industries/{id}': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', path: () => `/v1/industries/${MARKER}` },
  'GET /v1/companies/{uuid}': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', path: (ids) => `/v1/companies/${ids.companyUuid2}` },
  'GET /v1/contacts/{uuid}': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', path: (ids) => `/v1/contacts/${ids.contactUuid2}` },
  'POST /v1/contacts': { kind: 'scoped', status: 201, body: () => ({ first_name: 'New', last_name: 'InB' }) },
  'PATCH /v1/companies/{uuid}': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', path: (ids) => `/v1/companies/${ids.companyUuid2}`, body: () => ({ name: 'Patched by B' }) },
  'PUT /v1/contacts/{uuid}': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', path: (ids) => `/v1/contacts/${ids.contactUuid2}`, body: () => ({ first_name: 'Replaced', last_name: 'By B', company: 'B Co', employees: 3 }) },
  'PATCH /v1/contacts/{uuid}': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', path: (ids) => `/v1/contacts/${ids.contactUuid2}`, body: () => ({ title: 'Patched by B' }) },
  'DELETE /v1/companies/{uuid}': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', path: (ids) => `/v1/companies/${ids.companyUuid2}` },
  'DELETE /v1/contacts/{uuid}': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', path: (ids) => `/v1/contacts/${ids.contactUuid2}` },
  'POST /v1/uploads': { kind: 'scoped', status: 201, body: () => ({ filename: 'b.csv', size: 10 }) },
  'POST /v1/uploads/multipart': { kind: 'scoped', status: 201, body: () => ({ filename: 'b.csv', size: 10 }) },
  'POST /v1/uploads/multipart/parts': { kind: 'denied', status: 403, error: 'ERR_FORBIDDEN', body: (ids) => ({ ...multipart(ids), part_numbers: [1] }) },
  'POST /v1/uploads/multipart/complete': { kind: 'denied', status: 403, error: 'ERR_FORBIDDEN', body: (ids) => ({ ...multipart(ids), parts: [{ part_number: 1, etag: 'x' }] }) },
  'POST /v1/uploads/multipart/abort': { kind: 'denied', status: 403, error: 'ERR_FORBIDDEN', body: multipart },
  'GET /v1/jobs/{id}/download': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', path: (ids) => `/v1/jobs/${ids.jobId}/download` },
  // B names A's contact: its export is scoped to B's records and writes none of A's.
  'POST /v1/contacts/export': { kind: 'scoped', status: 201, body: (ids) => ({ contact_ids: [ids.contactUuid2], fields: ['first_name'] }) },
  'POST /v1/jobs': { kind: 'denied', status: 403, error: 'ERR_FORBIDDEN', body: (ids) => ({ job_type: 'insert_csv_file', job_data: { s3_key: ids.uploadKey } }) },
  'GET /v1/jobs': { kind: 'scoped', status: 200 },
  'POST /v1/collections/apollo': { kind: 'scoped', status: 201, body: () => ({ apollo_url: 'https://app.apollo.io/#/companies?organizationLocations[]=Ohio', task_name: 'b task' }) },
  'GET /v1/collections': { kind: 'scoped', status: 200 },
  'GET /v1/collections/status': { kind: 'scoped', status: 200 },
  // A's task id (its job) is no task of B's: 404 naming it.
  'POST /v1/collections/records': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', errorPath: 'task_ids[0]', body: (ids) => ({ task_ids: [ids.jobId] }) },
  'GET /v1/jobs/{id}': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', path: (ids) => `/v1/jobs/${ids.jobId}` },
  // B's own onboarding job of a site nobody can resolve; A's research job is 404 to B.
  'POST /v1/research/onboard': { kind: 'scoped', status: 201, body: () => ({ company_name: 'B research', website: 'no-such-site.invalid' }) },
  'GET /v1/research/{id}': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', path: (ids) => `/v1/research/${ids.researchJobId}` },
  'GET /v1/research/{id}/result': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', path: (ids) => `/v1/research/${ids.researchJobId}/result` },
  'POST /v1/jobs/{id}/stop': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', path: (ids) => `/v1/jobs/${ids.jobId}/stop`, body: () => ({}) },
  'POST /v1/jobs/{id}/retry': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', path: (ids) => `/v1/jobs/${ids.jobId}/retry`, body: () => ({}) },
  'POST /v1/jobs/{id}/pause': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', path: (ids) => `/v1/jobs/${ids.jobId}/pause`, body: () => ({}) },
  'POST /v1/jobs/{id}/resume': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', path: (ids) => `/v1/jobs/${ids.jobId}/resume`, body: () => ({}) },
  'POST /v1/ws-tickets': { kind: 'scoped', status: 201, body: () => ({}) },
  'POST /v1/auth/login': { kind: 'public', status: 401, error: 'ERR_UNAUTHORIZED', body: () => ({ email: 'admin@example.com', password: 'not-the-password-1' }) },
  'POST /v1/auth/refresh': { kind: 'public', status: 401, error: 'ERR_UNAUTHORIZED', body: () => ({ refresh_token: 'lsr_not-a-real-token' }) },
  'POST /v1/auth/logout': { kind: 'public', status: 200, body: () => ({ refresh_token: 'lsr_not-a-real-token' }) },
  'GET /v1/auth/profile': { kind: 'scoped', status: 404, error: 'ERR_NOT_FOUND' },
  'POST /v1/auth/password-reset': { kind: 'public', status: 200, body: () => ({ email: `${MARKER}@example.com` }) },
  'POST /v1/auth/password-reset/confirm': { kind: 'public', status: 400, error: 'ERR_VALIDATION', errorPath: 'token', body: () => ({ token: 'lsp_not-a-real-token', new_password: 'Abcdefgh123', confirm_password: 'Abcdefgh123' }) },
  'POST /v1/api-keys': { kind: 'scoped', status: 201, body: () => ({ name: 'b key' }) },
  'GET /v1/api-keys': { kind: 'scoped', status: 200 },
  'DELETE /v1/api-keys/{id}': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', path: (ids) => `/v1/api-keys/${ids.apiKeyId}` },
  'GET /v1/users': { kind: 'scoped', status: 200 },
  'POST /v1/users': { kind: 'scoped', status: 201, body: () => ({ email: `b-user-${Date.now()}@example.com`, name: 'B user', password: 'B-user-passw0rd' }) },
  // Lookups: B has no RocketReach key of its own (and this cloud sets no default), so every call that
  // would reach the provider stops at B's own missing key; a lookup id B did not start is unknown to B.
  'GET /v1/lookups/person': { kind: 'scoped', status: 422, error: 'ERR_PROVIDER_AUTH', errorPath: 'api_key', path: () => `/v1/lookups/person?name=Ann%20${MARKER}` },
  'POST /v1/lookups/person/search': { kind: 'scoped', status: 422, error: 'ERR_PROVIDER_AUTH', errorPath: 'api_key', body: () => ({ name: `Ann ${MARKER}` }) },
  'GET /v1/lookups/{id}/status': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', errorPath: 'id', path: () => '/v1/lookups/4242/status' },
  'GET /v1/lookups/company': { kind: 'scoped', status: 422, error: 'ERR_PROVIDER_AUTH', errorPath: 'api_key', path: () => `/v1/lookups/company?name=Company%20${MARKER}` },
  'POST /v1/lookups/company/search': { kind: 'scoped', status: 422, error: 'ERR_PROVIDER_AUTH', errorPath: 'api_key', body: () => ({ name: `Company ${MARKER}` }) },
  'GET /v1/lookups/profile-company': { kind: 'scoped', status: 422, error: 'ERR_PROVIDER_AUTH', errorPath: 'api_key', path: () => `/v1/lookups/profile-company?name=Ann%20${MARKER}` },
  'GET /v1/lookups/account': { kind: 'scoped', status: 422, error: 'ERR_PROVIDER_AUTH', errorPath: 'api_key' },
  // B's own bulk job (its lookups stop at B's missing key); its job id is read only through /v1/jobs/{id}, denied above.
  'POST /v1/lookups/bulk': { kind: 'scoped', status: 201, body: () => ({ lookups: Array.from({ length: 10 }, (_, i) => ({ name: `Ann ${MARKER} ${i}` })) }) },
  // RocketReach calls it; without its signature nothing is stored, whoever sends it.
  'POST /v1/lookups/webhooks/rocketreach': { kind: 'public', status: 401, error: 'ERR_INVALID_SIGNATURE', body: () => [{ id: 1, status: 'complete' }] },
  // A well-formed key would be checked with whichever RocketReach server runs; a short one is refused before any call.
  'POST /v1/lookups/account/key': { kind: 'scoped', status: 400, error: 'ERR_VALIDATION', errorPath: 'api_key', body: () => ({ api_key: 'short' }) },
  'GET /v1/lookups/usage': { kind: 'scoped', status: 200 },
  'PATCH /v1/users/{id}': { kind: 'denied', status: 404, error: 'ERR_NOT_FOUND', path: (ids) => `/v1/users/${ids.userId}`, body: () => ({ role: 'user', is_active: false }) },
};

let t: TestCloud;
/** Nothing listens here; with no key, no lookup ever calls it. */
const NO_ROCKETREACH = 'http://127.0.0.1:9';
let ids: AIds;
/** Strings only A's data contains: an answer to B holding any of them is a leak. */
let secrets: string[];

async function seedWorkspaceA(): Promise<AIds> {
  const creds = await devAdmin(t);
  const admin = await signIn(t, creds.email, creds.password);
  // One call per record: each answer's first uuid is that record's.
  const company = await t.api('/v1/companies/batch-upsert', { body: [{ name: `Company ${MARKER}`, linkedin_url: `https://linkedin.com/company/${MARKER}` }] });
  const company2 = await t.api('/v1/companies/batch-upsert', { body: [{ name: `Second ${MARKER}`, linkedin_url: `https://linkedin.com/company/second-${MARKER}` }] });
  const contact = await t.api('/v1/contacts/batch-upsert', { body: [{ first_name: 'Ann', last_name: MARKER, email: `ann@${MARKER}.com` }] });
  const contact2 = await t.api('/v1/contacts/batch-upsert', { body: [{ first_name: 'Bob', last_name: MARKER, email: `bob@${MARKER}.com` }] });
  const upload = await t.api('/v1/uploads', { body: { filename: 'a-people.csv', size: 10 } });
  const job = await t.api('/v1/jobs', { body: { job_type: 'export_csv_file', job_data: { entity: 'company', query: { limit: 1 } }, retry_count: 1 } });
  const research = await t.api('/v1/research/onboard', { body: { company_name: `Research ${MARKER}`, website: 'no-such-site.invalid' } });
  const key = await t.api('/v1/api-keys', { key: admin.access, body: { name: `key ${MARKER}` } });
  const user = await t.api('/v1/users', { key: admin.access, body: { email: `${MARKER}@example.com`, name: `User ${MARKER}`, password: 'A-user-passw0rd' } });
  const monitoring = await t.api('/v1/signals/monitoring', { method: 'PUT', body: { enabled: true, saas_client_name: `Client ${MARKER}` } });
  for (const [what, res, status] of [['company', company, 200], ['company 2', company2, 200], ['contact', contact, 200], ['contact 2', contact2, 200], ['upload', upload, 201], ['job', job, 201], ['research', research, 201], ['key', key, 201], ['user', user, 201], ['monitoring', monitoring, 200]] as const) {
    if (res.status !== status) throw new Error(`seeding A's ${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  await eventually(async () => (await t.api('/v1/companies/count', { body: {} })).body.count >= 1, 'A company indexed');
  await eventually(async () => (await t.api('/v1/contacts/count', { body: {} })).body.count >= 1, 'A contact indexed');
  return {
    companyUuid: company.body.company_uuids[0],
    contactUuid: contact.body.contact_uuids[0],
    companyUuid2: company2.body.company_uuids[0],
    contactUuid2: contact2.body.contact_uuids[0],
    jobId: job.body.job.id,
    researchJobId: research.body.job_id,
    uploadKey: upload.body.s3_key ?? upload.body.key,
    apiKeyId: key.body.api_key.id,
    userId: user.body.user.id,
  };
}

beforeAll(async () => {
  // RocketReach pointed away from its fake, so the cloud hands lookups no default key: workspace B
  // has no key at all, and each lookup route must refuse it by name rather than answer anything.
  t = await startTestCloud({ providerUrls: { rocketreach: NO_ROCKETREACH } });
  ids = await seedWorkspaceA();
  secrets = [MARKER];
}, 240_000);
afterAll(async () => {
  await t?.stop();
});

describe('security: workspace B never reaches workspace A', () => {
  it('It should have a case for every route of the topology', () => {
    const missing = topology.http.routes.map((route) => `${route.method} ${route.path}`).filter((name) => !CASES[name]);
    expect(missing, 'add a cross-workspace case for each new route').toEqual([]);
  });

  for (const route of topology.http.routes) {
    const name = `${route.method} ${route.path}`;
    it(`It should keep ${name} out of A's data`, async () => {
      const spec = CASES[name];
      if (!spec) throw new Error(`no cross-workspace case for ${name}`);
      const path = spec.path ? spec.path(ids) : route.path;
      const body = spec.body?.(ids);

      const answer = await t.api(path, { method: route.method, key: t.keys.b, ...(body !== undefined ? { body } : {}) });

      const text = JSON.stringify(answer.body);
      for (const secret of secrets) expect(text, `${name} leaked A's data`).not.toContain(secret);
      expect(answer.status, `${name} answered ${answer.status}: ${text}`).toBe(spec.status);
      if (spec.kind === 'denied') expect([403, 404], `${name} must refuse B`).toContain(spec.status);
      if (spec.kind === 'scoped' && !spec.error) expect(spec.status, `${name} must serve B's own view`).toBeLessThan(300);
      if (spec.error) expect(answer.body.error.code, `${name} refused for another reason: ${text}`).toBe(spec.error);
      if (spec.errorPath) expect(answer.body.error.details.map((d: { path: string }) => d.path)).toContain(spec.errorPath);
      if (!spec.error) expect(typeof answer.body === 'string' || answer.body.success !== false, `${name}: ${text}`).toBe(true);
    });
  }

  it("It should leave A's records, job, key and user as A made them", async () => {
    const company = await t.api(`/v1/companies/${ids.companyUuid}`);
    const second = await t.api(`/v1/contacts/${ids.contactUuid2}`);
    const job = await t.api(`/v1/jobs/${ids.jobId}`);
    const keys = await t.api('/v1/api-keys');
    const users = await t.api('/v1/users');
    const monitoring = await t.api('/v1/signals/monitoring');
    expect(monitoring.body).toMatchObject({ enabled: true, saas_client_name: `Client ${MARKER}` });

    expect(company.status).toBe(200);
    expect(JSON.stringify(company.body)).toContain(`Company ${MARKER}`);
    expect(JSON.stringify(company.body)).not.toContain('Overwritten by B');
    expect(second.status).toBe(200);
    expect(JSON.stringify(second.body)).not.toContain('Patched by B');
    expect(job.status).toBe(200);
    const key = keys.body.api_keys.find((k: { id: string }) => k.id === ids.apiKeyId);
    expect(key?.revoked_at).toBeNull();
    const user = users.body.users.find((u: { id: string }) => u.id === ids.userId);
    expect(user).toMatchObject({ role: 'user', is_active: true });
  });
});
