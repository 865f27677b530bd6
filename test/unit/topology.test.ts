import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envNames, functions, referencedFunctions, topology } from '../../lib/topology.ts';
import { COMPANY_FIELDS } from '../../functions/domain/records/fields.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('topology', () => {
  it('It should point every function at a module that exports a handler', async () => {
    for (const [name, spec] of Object.entries(functions)) {
      const file = path.join(root, spec.entry);
      expect(existsSync(file), `${name}: ${spec.entry}`).toBe(true);
      const mod = (await import(file)) as { handler?: unknown };
      expect(typeof mod.handler, `${name} exports handler`).toBe('function');
    }
  });

  it('It should declare no function that nothing invokes', () => {
    expect(referencedFunctions(topology).sort()).toEqual(Object.keys(functions).sort());
  });

  it('It should declare each HTTP route once and guard every route but the reviewed public ones', () => {
    // Public by decision: liveness, the API's own docs, and the sign-in routes (which carry no credential yet).
    const reviewedPublic = [
      '/v1/health',
      '/v1/openapi.json',
      '/docs',
      '/docs/{asset}',
      '/v1/auth/login',
      '/v1/auth/refresh',
      '/v1/auth/logout',
      '/v1/auth/password-reset',
      '/v1/auth/password-reset/confirm',
      // Razorpay calls it; the raw-body signature is its credential (billing-webhook.handler.ts).
      '/v1/billing/webhook',
      // RocketReach calls it; the raw-body signature is its credential (lookup-webhook-rocketreach.handler.ts).
      '/v1/lookups/webhooks/rocketreach',
    ];
    const keys = topology.http.routes.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    const publicPaths = topology.http.routes.filter((r) => !r.authorized).map((r) => r.path);
    expect(publicPaths.filter((path) => !reviewedPublic.includes(path))).toEqual([]);
    expect(publicPaths).toContain('/v1/health');
  });

  it('It should give each queue a visibility timeout of at least six times its consumer timeout', () => {
    for (const queue of Object.values(topology.queues)) {
      const consumer = topology.functions[queue.consumer];
      expect(consumer, queue.consumer).toBeDefined();
      expect(queue.visibilityTimeoutSeconds).toBeGreaterThanOrEqual(6 * consumer!.timeoutSeconds);
    }
  });

  it('It should derive the search mappings from the field catalog', () => {
    const properties = (topology.searchIndexes.companies.mappings as { properties: Record<string, unknown> }).properties;
    expect(Object.keys(properties).sort()).toEqual(Object.keys(COMPANY_FIELDS).sort());
    expect(properties.country).toEqual({ type: 'keyword', normalizer: 'lowercase' });
    expect(properties.name).toMatchObject({ type: 'text', fields: { keyword: { type: 'keyword' } } });
  });

  it('It should name environment variables the way functions/platform/config.ts reads them', () => {
    expect(envNames.table('records')).toBe('RECORDS_TABLE_NAME');
    expect(envNames.table('control')).toBe('CONTROL_TABLE_NAME');
    expect(envNames.queueUrl('uploadEvents')).toBe('UPLOAD_EVENTS_QUEUE_URL');
  });
});
