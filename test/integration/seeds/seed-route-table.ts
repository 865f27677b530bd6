/**
 * Every route the five seed documents describe, mapped to leadstack's route. The seed-example
 * test runs each documented request through this table against the local cloud, and checks that
 * README.md holds the table as `renderSeedRouteTable()` writes it, so neither can drift.
 *
 * `runs`: the example is sent as written (path mapped, body and query unchanged apart from the
 * `PLACEHOLDERS` below) and must answer `expect` (2xx by default) with the `reads` fields.
 * `billing`: Appointment360's payments, covered by the billing routes (tested with them).
 * `provider`: served, but every answer comes from the provider with the workspace's key, which
 * this test's cloud has none of: the lookups' own integration tests run them against a provider.
 * `gap`: not served yet; the test prints it with its reason and the list is pinned, so a new
 * example cannot slip into it unnoticed.
 */

export type SeedRouteStatus = 'runs' | 'billing' | 'provider' | 'gap';

export interface SeedRoute {
  readonly seed: string;
  /** `METHOD /path` as the seed writes it; `{x}` and `:x` are path parameters. */
  readonly from: string;
  /** `METHOD /path` in leadstack; `{service}` is the seed's own, `{id}` a record of the test's. */
  readonly to: string;
  readonly status: SeedRouteStatus;
  readonly note?: string;
  /** Top-level fields the seed's frontend reads in the answer. */
  readonly reads?: readonly string[];
  readonly expect?: number;
  /** The document writes "same as" another route's body: that route's (`METHOD /path`) example body is sent. */
  readonly bodyOf?: string;
}

const OUTERSALE = '000 OutersaleBackend';
const CONNECTRA = '001 Connectra';
const CIP = '002 Customer Intelligence Platform';
const ROCKETREACH = '003 RocketReach integration';
const APPT = '004 Appointment360';

const gap = (seed: string, from: string, note: string): SeedRoute => ({ seed, from, to: '—', status: 'gap', note });

export const SEED_ROUTES: readonly SeedRoute[] = [
  { seed: OUTERSALE, from: 'POST /api/chrome/apollo-url/', to: 'POST /v1/collections/apollo', status: 'runs', expect: 201, reads: ['success', 'task_id', 'task_name', 'search_summary'], note: 'the task runs once the workspace stored an Apollo session or key' },
  { seed: OUTERSALE, from: 'GET /api/chrome/scraping-control/', to: 'GET /v1/collections/status', status: 'runs', reads: ['success', 'is_running', 'tasks'], note: 'the running tasks\' counters are in `tasks`, one entry per task, not in one `session_data`' },
  gap(OUTERSALE, 'POST /api/chrome/scraping-control/', 'one action for every running task is not served; each task pauses, resumes or stops through POST /v1/jobs/{id}/pause, /resume or /stop'),
  { seed: OUTERSALE, from: 'GET /api/taskmapping/', to: 'GET /v1/collections', status: 'runs', reads: ['success', 'data'] },
  { seed: OUTERSALE, from: 'POST /api/taskmapping/', to: 'POST /v1/collections/records', status: 'runs', expect: 404, note: 'the document\'s task ids are another system\'s: refused in leadstack\'s envelope, naming `task_ids[0]`' },
  { seed: OUTERSALE, from: 'GET /api/organizations/', to: 'GET /v1/companies', status: 'runs', reads: ['count', 'results'] },
  { seed: OUTERSALE, from: 'GET /api/people/', to: 'GET /v1/contacts', status: 'runs', reads: ['count', 'results'] },

  { seed: CONNECTRA, from: 'POST /companies/batch-upsert', to: 'POST /v1/companies/batch-upsert', status: 'runs', reads: ['success', 'company_uuids'] },
  { seed: CONNECTRA, from: 'POST /contacts/batch-upsert', to: 'POST /v1/contacts/batch-upsert', status: 'runs', reads: ['success', 'contact_uuids'] },
  { seed: CONNECTRA, from: 'POST /common/batch-upsert', to: 'POST /v1/records/batch-upsert', status: 'runs', reads: ['success', 'company_uuids', 'contact_uuids'] },
  { seed: CONNECTRA, from: 'GET /common/upload-url', to: 'GET /v1/uploads/url', status: 'runs', reads: ['success', 'upload_url', 's3_key', 'expires_in'] },
  { seed: CONNECTRA, from: 'POST /common/jobs/create', to: 'POST /v1/jobs', status: 'runs', expect: 201, reads: ['success'], note: '`service`/`vql` accepted for `entity`/`query`; `s3_bucket` must be leadstack\'s' },
  { seed: CONNECTRA, from: 'POST /common/jobs', to: 'POST /v1/jobs/search', status: 'runs', reads: ['success', 'data'] },
  { seed: CONNECTRA, from: 'GET /common/:service/filters', to: 'GET /v1/{service}/filters', status: 'runs', reads: ['success', 'data'] },
  { seed: CONNECTRA, from: 'POST /common/:service/filters/data', to: 'POST /v1/{service}/filters/data', status: 'runs', reads: ['success', 'data'] },
  { seed: CONNECTRA, from: 'POST /companies/', to: 'POST /v1/companies/search', status: 'runs', reads: ['success', 'data'] },
  { seed: CONNECTRA, from: 'POST /companies/count', to: 'POST /v1/companies/count', status: 'runs', reads: ['success', 'count'] },
  { seed: CONNECTRA, from: 'POST /contacts/', to: 'POST /v1/contacts/search', status: 'runs', reads: ['success', 'data'] },
  { seed: CONNECTRA, from: 'POST /contacts/count', to: 'POST /v1/contacts/count', status: 'runs', reads: ['success', 'count'] },

  { seed: CIP, from: 'GET /', to: 'GET /v1/health', status: 'runs' },
  gap(CIP, 'POST /api/onboard', 'onboarding research is not built yet'),
  gap(CIP, 'GET /api/onboard/{job_id}/status', 'onboarding research is not built yet'),
  gap(CIP, 'GET /api/onboard/{job_id}/result', 'onboarding research is not built yet'),
  gap(CIP, 'POST /api/monitor', 'SEC 8-K monitoring is not built yet'),
  gap(CIP, 'GET /api/monitor/{job_id}/status', 'SEC 8-K monitoring is not built yet'),
  gap(CIP, 'GET /api/monitor/{job_id}/signals', 'SEC 8-K monitoring is not built yet'),

  { seed: ROCKETREACH, from: 'GET /api/v1/rocketreach/account', to: 'GET /v1/lookups/account', status: 'provider' },
  { seed: ROCKETREACH, from: 'POST /api/v1/rocketreach/account/key', to: 'POST /v1/lookups/account/key', status: 'provider' },
  { seed: ROCKETREACH, from: 'GET /api/v1/rocketreach/person/lookup', to: 'GET /v1/lookups/person', status: 'provider' },
  { seed: ROCKETREACH, from: 'POST /api/v1/rocketreach/person/search', to: 'POST /v1/lookups/person/search', status: 'provider' },
  { seed: ROCKETREACH, from: 'GET /api/v1/rocketreach/person/checkStatus', to: 'GET /v1/lookups/{id}/status', status: 'provider' },
  { seed: ROCKETREACH, from: 'GET /api/v1/rocketreach/company/lookup', to: 'GET /v1/lookups/company', status: 'provider' },
  { seed: ROCKETREACH, from: 'POST /api/v1/rocketreach/company/search', to: 'POST /v1/lookups/company/search', status: 'provider' },
  { seed: ROCKETREACH, from: 'GET /api/v1/rocketreach/profile-company/lookup', to: 'GET /v1/lookups/profile-company', status: 'provider' },
  gap(ROCKETREACH, 'POST /api/v1/rocketreach/bulkLookup', 'served as POST /v1/lookups/bulk (a lookup_bulk job, results to webhook_url), whose body is `lookups`, not the seed\'s request: it does not run as written'),

  { seed: APPT, from: 'POST /api/auth/login/', to: 'POST /v1/auth/login', status: 'runs', reads: ['success', 'user'] },
  { seed: APPT, from: 'POST /api/auth/logout/', to: 'POST /v1/auth/logout', status: 'runs', reads: ['success'] },
  { seed: APPT, from: 'POST /api/auth/password-reset/', to: 'POST /v1/auth/password-reset', status: 'runs', reads: ['success'] },
  { seed: APPT, from: 'POST /api/auth/password-reset-confirm/', to: 'POST /v1/auth/password-reset/confirm', status: 'runs', expect: 400, note: 'the document\'s token is a placeholder: refused in leadstack\'s envelope' },
  { seed: APPT, from: 'GET /api/auth/profile/', to: 'GET /v1/auth/profile', status: 'runs', reads: ['success'] },
  { seed: APPT, from: 'GET /api/api/contacts/', to: 'GET /v1/contacts', status: 'runs', reads: ['count', 'next', 'previous', 'results'] },
  { seed: APPT, from: 'GET /api/api/contacts/{id}/', to: 'GET /v1/contacts/{id}', status: 'runs', reads: ['data.full_name', 'data.first_name', 'data.last_name', 'data.email'] },
  { seed: APPT, from: 'POST /api/api/contacts/', to: 'POST /v1/contacts', status: 'runs', expect: 201, reads: ['data.full_name', 'data.company', 'data.industry', 'data.employees'], note: 'the company\'s industry and employees are merged into the company named `company`, linked' },
  { seed: APPT, from: 'PUT /api/api/contacts/{id}/', to: 'PUT /v1/contacts/{id}', status: 'runs', bodyOf: 'POST /api/api/contacts/', reads: ['data.full_name', 'data.company'], note: 'a full update: fields the body leaves out are removed' },
  { seed: APPT, from: 'DELETE /api/api/contacts/{id}/', to: 'DELETE /v1/contacts/{id}', status: 'runs', reads: ['success'] },
  { seed: APPT, from: 'GET /api/api/contacts/autocomplete/', to: 'GET /v1/contacts/autocomplete', status: 'runs', reads: ['data'] },
  { seed: APPT, from: 'POST /api/api/contacts/export/', to: 'POST /v1/contacts/export', status: 'runs', expect: 400, note: 'an export job to XLSX with a download link; the document\'s integer ids are another system\'s, refused naming `contact_ids[0]`' },
  { seed: APPT, from: 'GET /api/api/industries/', to: 'GET /v1/industries', status: 'runs', reads: ['data'], note: 'from the companies\' industries, with counts' },
  { seed: APPT, from: 'GET /api/api/industries/{id}/', to: 'GET /v1/industries/{id}', status: 'runs', reads: ['data.id', 'data.name', 'data.count'], note: 'the id is the industry\'s stored value' },
  { seed: APPT, from: 'GET /api/api/dashboard/stats/', to: 'GET /v1/dashboard/stats', status: 'runs', reads: ['success'] },
  gap(APPT, 'POST /api/upload/init/', 'its fileName/fileSize/totalChunks are not aliases yet; POST /v1/uploads/multipart takes filename/size'),
  gap(APPT, 'POST /api/upload/chunk/', 'chunks go to presigned part URLs (POST /v1/uploads/multipart/parts), not through the API'),
  gap(APPT, 'POST /api/upload/complete/', 'its uploadId is not an alias yet; POST /v1/uploads/multipart/complete takes s3_key, upload_id, parts'),
  { seed: APPT, from: 'GET /api/payments/plans/', to: 'GET /v1/billing/plans', status: 'billing' },
  { seed: APPT, from: 'POST /api/payments/subscribe/', to: 'POST /v1/billing/subscribe', status: 'billing' },
  { seed: APPT, from: 'POST /api/payments/webhook/', to: 'POST /v1/billing/webhook', status: 'billing' },
];

const STATUS_TEXT: Record<SeedRouteStatus, string> = { runs: 'runs as written', billing: 'billing routes', provider: 'served; needs a RocketReach key (tested with one)', gap: 'not yet' };

/** The README's seed route table, exactly. */
export function renderSeedRouteTable(): string {
  const rows = SEED_ROUTES.map((r) => `| ${r.seed} | \`${r.from}\` | ${r.to === '—' ? '—' : `\`${r.to}\``} | ${STATUS_TEXT[r.status]}${r.note ? `: ${r.note}` : ''} |`);
  return ['| seed | seed route | leadstack route | status |', '|---|---|---|---|', ...rows].join('\n');
}

const templateRegex = (template: string): RegExp => {
  const pattern = template
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\\?\{(\w+)\\?\}|:(\w+)/g, (_m, a: string | undefined, b: string | undefined) => `(?<${a ?? b}>[^/]+)`);
  return new RegExp(`^${pattern}$`);
};

/** The table row a documented request belongs to, with its path parameters. */
export function routeOf(method: string, path: string): { route: SeedRoute; params: Record<string, string> } | undefined {
  const bare = path.split('?')[0] ?? '';
  // Literal routes first, so `/contacts/autocomplete/` is not read as `/contacts/{id}/`.
  const ordered = [...SEED_ROUTES].sort((a, b) => Number(/[{:]/.test(a.from)) - Number(/[{:]/.test(b.from)));
  for (const route of ordered) {
    const [routeMethod, template] = route.from.split(' ') as [string, string];
    if (routeMethod !== method) continue;
    const match = templateRegex(template).exec(bare) ?? templateRegex(template.replace(/\/$/, '')).exec(bare.replace(/\/$/, ''));
    if (match) return { route, params: { ...match.groups } };
  }
  return undefined;
}
