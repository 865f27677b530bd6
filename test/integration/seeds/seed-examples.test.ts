/**
 * Every request example of the five seed documents, read out of the documents at test time and
 * sent through the seed route table to the local cloud. A documented request with no row fails;
 * a row marked `gap` or `billing` is listed with its reason, never skipped silently.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devAdmin, signIn } from '../accounts/helpers.ts';
import { eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';
import { readSeedExamples, type SeedExample } from './seed-examples.ts';
import { renderSeedRouteTable, routeOf, SEED_ROUTES } from './seed-route-table.ts';

const EXAMPLES = readSeedExamples();
/** Appointment360's frontend signs in; the other products call with an API key. */
const SIGNED_IN_SEEDS = new Set(['004']);
/** Connectra writes its service in the singular; a template path with none means a contact. */
const DEFAULT_SERVICE = 'contact';
/** The industry of the test's company: `{id}` of the industries route. */
const INDUSTRY = 'Technology';

let t: TestCloud;
let placeholders: [string, string][];
let admin: { email: string; password: string };
let access: string;
let contactId: string;

beforeAll(async () => {
  t = await startTestCloud();
  admin = await devAdmin(t);
  ({ access } = await signIn(t, admin.email, admin.password));
  const upload = await t.api('/v1/uploads/url?filename=contacts.csv');
  const contact = await t.api('/v1/contacts/batch-upsert', { body: [{ first_name: 'John', last_name: 'Doe', email: 'john@example.com', city: 'New York' }] });
  const company = await t.api('/v1/companies/batch-upsert', { body: [{ name: 'ABC Corp', industries: [INDUSTRY] }] });
  if (upload.status !== 200 || contact.status !== 200 || company.status !== 200) throw new Error(`fixtures answered ${upload.status}/${contact.status}/${company.status}`);
  contactId = contact.body.contact_uuids[0];
  await eventually(async () => ((await t.api('/v1/contacts/count', { body: {} })).body.count >= 1 ? true : undefined), 'the contact to be searchable');
  await eventually(async () => ((await t.api('/v1/companies/count', { body: {} })).body.count >= 1 ? true : undefined), 'the company to be searchable');
  // The documents' placeholder values, and what stands for them here.
  placeholders = [
    ['your-bucket', upload.body.s3_bucket],
    ['uploads/uuid_contacts.csv', upload.body.s3_key],
    ['user@example.com', admin.email],
    ['password123', admin.password],
  ];
}, 240_000);

afterAll(async () => {
  await t?.stop();
});

const label = (e: SeedExample) => `${e.seed.slice(0, 3)}:${e.line} ${e.method} ${e.path}`;

function substituted(body: unknown): unknown {
  let text = JSON.stringify(body);
  for (const [from, to] of placeholders) text = text.split(from).join(to);
  return JSON.parse(text);
}

function leadstackPath(template: string, params: Record<string, string>, seedPath: string): string {
  const query = seedPath.includes('?') ? seedPath.slice(seedPath.indexOf('?')) : '';
  const service = params.service && !params.service.startsWith(':') ? params.service : DEFAULT_SERVICE;
  const id = template.startsWith('/v1/industries/') ? INDUSTRY.toLowerCase() : contactId;
  return template.replace('{service}', service).replace('{id}', id) + query;
}

/** A header line with neither query nor body whose route has a fuller example: a declaration. */
function declaredOnly(e: SeedExample): boolean {
  if (e.body !== undefined || e.path.includes('?') || e.method !== 'GET') return false;
  const own = routeOf(e.method, e.path)?.route;
  return EXAMPLES.some((other) => other !== e && routeOf(other.method, other.path)?.route === own && other.path.includes('?'));
}

describe('seed examples: every documented request, as written, against the local cloud', () => {
  it('It should map every documented request to a row of the seed route table', () => {
    const unmapped = EXAMPLES.filter((e) => !routeOf(e.method, e.path)).map(label);
    expect(EXAMPLES.length).toBeGreaterThan(50);
    expect(unmapped, 'add these to test/integration/seeds/seed-route-table.ts').toEqual([]);
  });

  it('It should show the seed route table in README.md exactly as the test data holds it', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
    expect(readme).toContain(renderSeedRouteTable());
  });

  it('It should list the examples not served here, each with its reason', () => {
    const listed = EXAMPLES.flatMap((e) => {
      const row = routeOf(e.method, e.path)?.route;
      return row && row.status !== 'runs' ? [`${row.status === 'gap' ? 'KNOWN GAP' : row.status.toUpperCase()} ${label(e)} → ${row.to}${row.note ? ` (${row.note})` : ''}`] : [];
    });
    console.info(`seed examples not run here (${listed.length}):\n${listed.join('\n')}`);
    expect(SEED_ROUTES.filter((r) => r.status === 'gap' && !r.note)).toEqual([]);
  });

  for (const example of EXAMPLES) {
    const mapped = routeOf(example.method, example.path);
    if (!mapped || mapped.route.status !== 'runs') continue;
    const { route, params } = mapped;
    it(`It should serve ${label(example)} at ${route.to}`, async () => {
      if (declaredOnly(example)) {
        // The route's example with parameters (below) is the request; this is its heading.
        expect(EXAMPLES.filter((e) => routeOf(e.method, e.path)?.route === route).length).toBeGreaterThan(1);
        return;
      }
      const [method, template] = route.to.split(' ') as [string, string];
      // A logout ends the session it is sent with: it gets one of its own.
      const session = route.to === 'POST /v1/auth/logout' ? await signIn(t, admin.email, admin.password) : { access, refresh: '' };
      const signedIn = SIGNED_IN_SEEDS.has(example.seed.slice(0, 3));
      // The documents leave out the logout's body: the frontend sends the session it holds.
      const documented = example.body ?? (route.bodyOf === undefined ? undefined : EXAMPLES.find((e) => `${e.method} ${e.path}` === route.bodyOf && e.body !== undefined)?.body);
      const body = documented !== undefined ? substituted(documented) : method === 'POST' ? { refresh_token: session.refresh } : undefined;

      const answer = await t.api(leadstackPath(template, params, example.path), { method, ...(signedIn ? { key: session.access } : {}), ...(body !== undefined ? { body } : {}) });

      const text = JSON.stringify(answer.body);
      if (route.expect !== undefined) expect(answer.status, text).toBe(route.expect);
      else expect(answer.status >= 200 && answer.status < 300, `${answer.status}: ${text}`).toBe(true);
      if (answer.status >= 400) expect(answer.body).toMatchObject({ success: false });
      for (const field of route.reads ?? []) expect(answer.body, `${route.to} answer lacks ${field}: ${text}`).toHaveProperty(field);
    });
  }
});
