/**
 * Every log record names the function whose invocation wrote it, even when the local cloud runs
 * invocations of different functions at the same time in one process (as Lambda's managed
 * instances run several invocations in one environment).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.LOG_LEVEL = 'INFO';
});

import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { LOCAL_CREDENTIALS } from '../../../lib/local/aws.ts';
import { topology } from '../../../lib/topology.ts';
import { devAdmin, signIn } from '../accounts/helpers.ts';
import { REGION, eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

let t: TestCloud;
let s3: S3Client;
const records: Record<string, unknown>[] = [];
const restore: (() => void)[] = [];

/** Keeps every Powertools record (one JSON document per console call) written while the flows run. */
function capture(): void {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const spy = vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      if (typeof args[0] !== 'string') return;
      try {
        records.push(JSON.parse(args[0]) as Record<string, unknown>);
      } catch {
        // The local cloud's own lines are not records of a function.
      }
    });
    restore.push(() => spy.mockRestore());
  }
}

const functionName = (fn: string): string => `${topology.service}-${fn}`;
const ROUNDS = 8;

beforeAll(async () => {
  t = await startTestCloud();
  s3 = new S3Client({ endpoint: t.cloud.endpoints.s3, region: REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' });
});
afterAll(async () => {
  for (const undo of restore) undo();
  s3?.destroy();
  await t?.stop();
});

describe('local cloud: log records name their own function', () => {
  it('It should name the authorizer, the refresh route and the upload worker in their own records while they run together', async () => {
    // Prepare
    const creds = await devAdmin(t);
    const sessions = await Promise.all(Array.from({ length: 2 }, () => signIn(t, creds.email, creds.password)));
    capture();
    // Act: unauthenticated calls (the authorizer logs), refresh-token reuse (the refresh route
    // logs), objects outside any workspace (the upload worker logs) and plain traffic, at once.
    await Promise.all([
      ...Array.from({ length: ROUNDS }, () => t.api('/v1/jobs', { key: 'lsk_not-a-key' })),
      ...Array.from({ length: ROUNDS }, () => t.api('/v1/companies/count', { body: {} })),
      ...Array.from({ length: ROUNDS }, (_, i) => s3.send(new PutObjectCommand({ Bucket: t.cloud.resources.bucket, Key: `workspaces/Not A Workspace/${i}.csv`, Body: 'x' }))),
      ...sessions.map(async ({ refresh }) => {
        await t.api('/v1/auth/refresh', { key: null, body: { refresh_token: refresh } });
        await t.api('/v1/auth/refresh', { key: null, body: { refresh_token: refresh } });
      }),
    ]);
    const ofMessage = (message: string) => records.filter((r) => r.message === message);
    await eventually(async () => ofMessage('Object outside any workspace prefix').length >= ROUNDS || undefined, 'the upload worker to log every object');
    // Assess
    // [message, function, records expected, one record per invocation (a worker logs once per object of its batch)]
    const expected: readonly (readonly [string, string, number, boolean])[] = [
      ['Unauthenticated request', functionName(topology.http.authorizer.fn), ROUNDS, true],
      ['Refresh token reused: session revoked', functionName('authRefresh'), sessions.length, true],
      ['Object outside any workspace prefix', functionName('uploadReceived'), ROUNDS, false],
    ];
    for (const [message, fn, count, perInvocation] of expected) {
      const written = ofMessage(message);
      expect(written.length, message).toBeGreaterThanOrEqual(count);
      expect(new Set(written.map((r) => r.function_name)), message).toEqual(new Set([fn]));
      expect(written.every((r) => typeof r.function_request_id === 'string' && r.function_request_id !== ''), `${message}: a request id`).toBe(true);
      if (perInvocation) expect(new Set(written.map((r) => r.function_request_id)).size, `${message}: one request id per invocation`).toBe(written.length);
    }
  });
});
