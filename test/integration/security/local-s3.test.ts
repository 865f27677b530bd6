/**
 * The local S3 behaves as a private bucket: a request without a valid SigV4 signature (header
 * or presigned query) is refused with S3's AccessDenied, and no key, however encoded, writes
 * outside the emulator's data directory.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'node:http';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../lib/local/aws.ts';
import { startS3 } from '../../../lib/local/emulators/s3.ts';
import type { S3Emulator } from '../../../lib/local/emulators/s3.ts';
import { createLog } from '../../../lib/local/log.ts';

const BUCKET = 'leadstack-uploads';
const SECRET_KEY = 'workspaces/a/exports/secret.csv';
let root: string;
let dataDir: string;
let s3: S3Emulator;
let client: S3Client;

beforeAll(async () => {
  await mkdir(tmpdir(), { recursive: true });
  root = await mkdtemp(path.join(tmpdir(), 'local-s3-'));
  dataDir = path.join(root, 'data');
  s3 = await startS3({ port: 0, directory: dataDir, log: createLog(true) });
  client = new S3Client({ endpoint: s3.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' });
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: SECRET_KEY, Body: 'secret,row\r\n' }));
});

afterAll(async () => {
  client?.destroy();
  await s3?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

/** A raw request, so the path reaches the emulator exactly as written (fetch would normalise `%2e%2e`). */
const raw = (method: string, rawPath: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(s3.endpoint);
    const req = request({ host: hostname, port, method, path: rawPath, headers: { ...headers, ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });

const stripSignature = (url: string): string => {
  const parsed = new URL(url);
  for (const name of [...parsed.searchParams.keys()]) if (name.toLowerCase().startsWith('x-amz-')) parsed.searchParams.delete(name);
  return `${parsed.pathname}${parsed.search}`;
};

describe('local S3: anonymous requests', () => {
  it.each([
    ['list the buckets', 'GET', '/'],
    ['list the bucket', 'GET', `/${BUCKET}`],
    ['list the bucket (v2)', 'GET', `/${BUCKET}?list-type=2`],
    ['read an object', 'GET', `/${BUCKET}/${SECRET_KEY}`],
    ['head an object', 'HEAD', `/${BUCKET}/${SECRET_KEY}`],
    ['overwrite an object', 'PUT', `/${BUCKET}/${SECRET_KEY}`, 'overwritten'],
    ['write a new object', 'PUT', `/${BUCKET}/workspaces/b/uploads/x/evil.html`, '<html>'],
    ['delete an object', 'DELETE', `/${BUCKET}/${SECRET_KEY}`],
    ['start a multipart upload', 'POST', `/${BUCKET}/workspaces/b/uploads/x/big.csv?uploads`],
  ])('It should refuse an unsigned request to %s with 403 AccessDenied', async (_what, method, rawPath, body?: string) => {
    const res = await raw(method, rawPath, body);
    expect(res.status).toBe(403);
    if (method !== 'HEAD') expect(res.text).toContain('<Code>AccessDenied</Code>');
    const kept = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: SECRET_KEY }));
    expect(await kept.Body!.transformToString()).toBe('secret,row\r\n');
  });

  it('It should refuse a presigned PUT whose X-Amz-* parameters were dropped', async () => {
    const key = 'workspaces/a/uploads/x/small.csv';
    const url = await getSignedUrl(client, new PutObjectCommand({ Bucket: BUCKET, Key: key, ContentType: 'text/csv', ContentLength: 10 }), { expiresIn: 60 });
    const html = '<html>'.padEnd(5 * 1024 * 1024, 'x');
    const res = await raw('PUT', stripSignature(url), html, { 'content-type': 'text/html' });
    expect(res.status).toBe(403);
    expect(res.text).toContain('<Code>AccessDenied</Code>');
    await expect(client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).rejects.toMatchObject({ name: 'NoSuchKey' });
  });

  it('It should refuse a signature made with a key it does not know, and a tampered one', async () => {
    const stranger = new S3Client({ endpoint: s3.endpoint, region: LOCAL_REGION, credentials: { accessKeyId: 'AKIASTRANGER', secretAccessKey: 'nope' }, forcePathStyle: true });
    await expect(stranger.send(new GetObjectCommand({ Bucket: BUCKET, Key: SECRET_KEY }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
    stranger.destroy();
    const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: BUCKET, Key: SECRET_KEY }), { expiresIn: 60 });
    const tampered = url.replace(/X-Amz-Signature=([0-9a-f])/, (_m, c: string) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`);
    expect((await raw('GET', new URL(tampered).pathname + new URL(tampered).search)).status).toBe(403);
    expect((await raw('GET', new URL(url).pathname + new URL(url).search)).status).toBe(200);
  });
});

describe('local S3: keys that climb out of the bucket', () => {
  it.each([
    ['%2e%2e', `/${BUCKET}/%2e%2e/escaped.txt`],
    ['%2E%2E twice', `/${BUCKET}/%2E%2E/%2E%2E/escaped.txt`],
    ['.. in a deeper key', `/${BUCKET}/workspaces/a/%2e%2e/%2e%2e/%2e%2e/escaped.txt`],
    ['%2f-encoded ..', `/${BUCKET}/x%2f%2e%2e%2f%2e%2e%2fescaped.txt`],
  ])('It should never write outside its directory for a key with %s, signed or not', async (_what, rawPath) => {
    const unsigned = await raw('PUT', rawPath, 'escaped');
    const key = decodeURIComponent(rawPath.slice(BUCKET.length + 2));
    const signed = await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'escaped' })).then(
      () => 200,
      (error: { $metadata?: { httpStatusCode?: number } }) => error.$metadata?.httpStatusCode ?? 0,
    );
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
    expect(signed).toBe(400);
    expect(await readdir(root)).toEqual(['data']);
    expect(await readdir(dataDir)).toEqual([BUCKET]);
    expect(existsSync(path.join(dataDir, 'escaped.txt._S3rver_object'))).toBe(false);
  });
});
