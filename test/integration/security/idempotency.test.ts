import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';
import { devAdmin, signIn } from '../accounts/helpers.ts';

/** `Idempotency-Key` on every creating route: one creation per key, whatever the retries. */
let t: TestCloud;
let admin: { access: string };

beforeAll(async () => {
  t = await startTestCloud();
  const creds = await devAdmin(t);
  admin = await signIn(t, creds.email, creds.password);
});
afterAll(async () => {
  await t?.stop();
});

const unique = () => randomUUID().slice(0, 8);

/**
 * Each creating route, with two different valid bodies (`variant` makes them differ). A contact's
 * uuid derives from its identity fields alone, so another workspace's creation has the same one.
 */
const ROUTES: readonly { path: string; body: (variant: string) => Record<string, unknown>; id: (body: any) => string; derivedId?: true }[] = [
  { path: '/v1/jobs', body: (v) => ({ job_type: 'export_csv_file', job_data: { entity: 'company', query: { limit: v.length } } }), id: (b) => b.job.id },
  { path: '/v1/uploads', body: (v) => ({ filename: `${v}.csv`, size: 10 }), id: (b) => b.s3_key },
  { path: '/v1/uploads/multipart', body: (v) => ({ filename: `${v}.csv`, size: 10 }), id: (b) => b.upload_id },
  { path: '/v1/users', body: (v) => ({ email: `idem-${v}@example.com`, name: 'Idempotent' }), id: (b) => b.user.id },
  { path: '/v1/api-keys', body: (v) => ({ name: `idem ${v}` }), id: (b) => b.api_key.id },
  { path: '/v1/contacts', body: (v) => ({ first_name: 'Idem', last_name: v, linkedin_url: `https://linkedin.com/in/idem-${v}` }), id: (b) => b.data.uuid, derivedId: true },
];

const post = (path: string, body: unknown, idempotencyKey?: string, key: string = admin.access) =>
  t.api(path, { key, body, ...(idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {}) });

describe('security: Idempotency-Key on the creating routes', () => {
  for (const route of ROUTES) {
    it(`It should answer a repeated POST ${route.path} with the first answer, and refuse the key with another body`, async () => {
      const key = `retry-${unique()}`;
      const body = route.body(unique());

      const first = await post(route.path, body, key);
      const replay = await post(route.path, body, key);
      const otherBody = await post(route.path, route.body(`${unique()}x`), key);
      const afterRefusal = await post(route.path, body, key);
      const otherPrincipal = route.path === '/v1/users' ? undefined : await post(route.path, body, key, t.keys.b);

      expect(first.status).toBe(201);
      expect(replay.status).toBe(201);
      expect(route.id(replay.body)).toBe(route.id(first.body));
      if (route.path === '/v1/api-keys') {
        // The plaintext key is never stored, so a replay cannot carry it (README: Idempotency-Key).
        expect(replay.body.key).toBeNull();
        expect({ ...replay.body, key: first.body.key, message: first.body.message }).toEqual(first.body);
      } else {
        expect(replay.body).toEqual(first.body);
      }
      expect(otherBody.status).toBe(409);
      expect(otherBody.body.error.code).toBe('ERR_IDEMPOTENCY_KEY_REUSED');
      expect(otherBody.body.error.details[0].path).toBe('headers.idempotency-key');
      // A refusal must not erase the first answer: the key still replays it.
      expect(route.id(afterRefusal.body)).toBe(route.id(first.body));
      if (otherPrincipal) {
        expect(otherPrincipal.status).toBe(201);
        if (!route.derivedId) expect(route.id(otherPrincipal.body)).not.toBe(route.id(first.body));
      }
    });
  }

  it('It should create one job for concurrent duplicates: the others get the first answer or 409 in progress', async () => {
    const key = `burst-${unique()}`;
    const body = ROUTES[0]!.body('burst');

    const answers = await Promise.all(Array.from({ length: 5 }, () => post('/v1/jobs', body, key)));
    const created = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status !== 201);

    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map((a) => a.body.job.id)).size).toBe(1);
    expect(refused.map((a) => [a.status, a.body.error?.code])).toEqual(refused.map(() => [409, 'ERR_IDEMPOTENCY_IN_PROGRESS']));
    const later = await post('/v1/jobs', body, key);
    expect(later.body.job.id).toBe(created[0]!.body.job.id);
  });

  it('It should keep creating without the header, and refuse a malformed key naming the header', async () => {
    const body = ROUTES[0]!.body('plain');

    const one = await post('/v1/jobs', body);
    const two = await post('/v1/jobs', body);
    const tooLong = await post('/v1/jobs', body, 'x'.repeat(256));

    expect([one.status, two.status]).toEqual([201, 201]);
    expect(one.body.job.id).not.toBe(two.body.job.id);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details[0].path).toBe('headers.idempotency-key');
  });

  it('It should document the header on every creating route of the OpenAPI document', async () => {
    const document = (await t.api('/v1/openapi.json', { key: null })).body;

    const documented = ROUTES.map((route) => ({
      path: route.path,
      header: document.paths[route.path].post.parameters?.find((p: { name: string; in: string }) => p.in === 'header' && p.name === 'idempotency-key'),
    }));

    expect(documented).toEqual(ROUTES.map((route) => ({ path: route.path, header: expect.objectContaining({ required: false, description: expect.stringMatching(/ERR_IDEMPOTENCY_KEY_REUSED/) }) })));
  });
});
