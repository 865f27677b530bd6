import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3UploadPresigner } from '../../../functions/adapters/s3/presign.s3.ts';
import { LOCAL_CREDENTIALS } from '../../../lib/local/aws.ts';
import { REGION, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

let t: TestCloud;
let s3: S3Client;
const ORIGIN = 'http://localhost:5173';
const MiB = 1024 * 1024;

beforeAll(async () => {
  t = await startTestCloud();
  s3 = new S3Client({ endpoint: t.cloud.endpoints.s3, region: REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' });
});

afterAll(async () => {
  s3?.destroy();
  await t?.stop();
});

const read = async (key: string): Promise<Buffer> => {
  const out = await s3.send(new GetObjectCommand({ Bucket: t.cloud.resources.bucket, Key: key }));
  return Buffer.from(await out.Body!.transformToByteArray());
};

const newUpload = (body: Record<string, unknown>, key?: string) => t.api('/v1/uploads', { body, ...(key ? { key } : {}) });

describe('POST /v1/uploads: presigned PUT', () => {
  it('It should let a browser preflight and PUT the file, expose the ETag, and store it under the workspace', async () => {
    // Prepare
    const csv = 'name,domain\r\nAcme,acme.io\r\n';
    const created = await newUpload({ filename: 'leads.csv', content_type: 'text/csv', size: Buffer.byteLength(csv) });
    expect(created.status).toBe(201);
    const { upload_url: url, headers, s3_key: key, expires_in: expiresIn } = created.body;
    // Act
    const preflight = await fetch(url, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' } });
    const put = await fetch(url, { method: 'PUT', headers: { ...headers, origin: ORIGIN }, body: csv });
    // Assess
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(put.status).toBe(200);
    expect(put.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(put.headers.get('access-control-expose-headers') ?? '').toMatch(/etag/i);
    expect(put.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(key).toMatch(/^workspaces\/dev\/uploads\/[0-9a-f-]{36}\/leads\.csv$/);
    expect(expiresIn).toBe(900);
    expect((await read(key)).toString()).toBe(csv);
  });

  it('It should refuse a PUT of another length or type than the one signed', async () => {
    const { body } = await newUpload({ filename: 'a.csv', size: 5 });
    expect((await fetch(body.upload_url, { method: 'PUT', headers: body.headers, body: 'abcdef' })).status).toBe(403);
    expect((await fetch(body.upload_url, { method: 'PUT', headers: { 'content-type': 'text/html' }, body: 'abcde' })).status).toBe(403);
    expect((await fetch(body.upload_url, { method: 'PUT', headers: body.headers, body: 'abcde' })).status).toBe(200);
  });

  it('It should refuse a tampered URL and an expired one', async () => {
    const { body } = await newUpload({ filename: 'a.csv', size: 1 });
    const tampered = body.upload_url.replace('/workspaces/dev/', '/workspaces/workspace-b/');
    expect((await fetch(tampered, { method: 'PUT', headers: body.headers, body: 'x' })).status).toBe(403);
    const resigned = body.upload_url.replace(/X-Amz-Expires=\d+/, 'X-Amz-Expires=604800');
    expect((await fetch(resigned, { method: 'PUT', headers: body.headers, body: 'x' })).status).toBe(403);
    const presigner = new S3UploadPresigner(s3, t.cloud.resources.bucket);
    const short = await presigner.presignPut('workspaces/dev/uploads/x/short.csv', 'text/csv', 1, 1);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const expired = await fetch(short.url, { method: 'PUT', headers: short.headers, body: 'x' });
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');
  });

  it.each([
    [{ content_type: 'text/csv', size: 3 }, 400, 'ERR_MISSING_FILENAME', 'filename'],
    [{ filename: '', size: 3 }, 400, 'ERR_MISSING_FILENAME', 'filename'],
    [{ filename: 'a.csv', size: 200 * MiB }, 413, 'ERR_FILE_TOO_LARGE', 'size'],
    [{ filename: 'a.csv', size: 3, content_type: 'application/pdf' }, 415, 'ERR_UNSUPPORTED_MEDIA_TYPE', 'content_type'],
    [{ filename: 'a.exe', size: 3 }, 415, 'ERR_UNSUPPORTED_MEDIA_TYPE', 'filename'],
    [{ filename: 'a.csv', size: -1 }, 400, 'ERR_VALIDATION', 'size'],
    [{ filename: 'a.csv', size: 3, bucket: 'other' }, 400, 'ERR_VALIDATION', 'bucket'],
  ])('It should refuse %j with %i %s naming %s', async (body, status, code, path) => {
    const res = await newUpload(body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('It should refuse a caller without a key', async () => {
    expect((await t.api('/v1/uploads', { body: { filename: 'a.csv', size: 1 }, key: null })).status).toBe(401);
  });
});

describe('POST /v1/uploads: presigned form POST', () => {
  const formOf = (fields: Record<string, string>, file: string, override: Record<string, string> = {}): FormData => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...fields, ...override })) form.append(name, value);
    form.append('file', new Blob([file], { type: 'text/csv' }), 'leads.csv');
    return form;
  };

  it('It should store a form upload within the policy and refuse one over its length or with another key', async () => {
    // Prepare
    const csv = 'name\r\nAcme\r\n';
    const { body } = await newUpload({ filename: 'form.csv', size: Buffer.byteLength(csv) });
    const { url, fields } = body.post;
    // Act
    const tooBig = await fetch(url, { method: 'POST', body: formOf(fields, `${csv}x`) });
    const otherKey = await fetch(url, { method: 'POST', body: formOf(fields, csv, { key: 'workspaces/workspace-b/uploads/x/evil.csv' }) });
    const otherType = await fetch(url, { method: 'POST', body: formOf(fields, csv, { 'Content-Type': 'text/html' }) });
    const noPolicy = await fetch(url, { method: 'POST', body: formOf({ key: fields.key }, csv) });
    const ok = await fetch(url, { method: 'POST', headers: { origin: ORIGIN }, body: formOf(fields, csv) });
    // Assess
    expect(tooBig.status).toBe(400);
    expect(await tooBig.text()).toContain('EntityTooLarge');
    expect(otherKey.status).toBe(403);
    expect(otherType.status).toBe(403);
    expect(noPolicy.status).toBe(403);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect((await read(fields.key)).toString()).toBe(csv);
  });
});

describe('multipart uploads', () => {
  it('It should upload two parts (the first 5 MiB) through presigned part URLs, complete them and read the file back whole', async () => {
    // Prepare
    const first = Buffer.alloc(5 * MiB, 'a');
    const second = Buffer.from('tail,of,the,file\r\n');
    const file = Buffer.concat([first, second]);
    const init = await t.api('/v1/uploads/multipart', { body: { filename: 'big.csv', size: file.length } });
    expect(init.status).toBe(201);
    const { s3_key: key, upload_id: uploadId } = init.body;
    // Act
    const urls = await t.api('/v1/uploads/multipart/parts', { body: { s3_key: key, upload_id: uploadId, part_numbers: [2, 1] } });
    const etags: { part_number: number; etag: string }[] = [];
    for (const [part, body] of [[urls.body.parts[0], first], [urls.body.parts[1], second]] as const) {
      const put = await fetch(part.url, { method: 'PUT', headers: { origin: ORIGIN }, body });
      expect(put.status).toBe(200);
      etags.push({ part_number: part.part_number, etag: put.headers.get('etag')! });
    }
    const done = await t.api('/v1/uploads/multipart/complete', { body: { s3_key: key, upload_id: uploadId, parts: [...etags].reverse() } });
    // Assess
    expect(urls.body.parts.map((p: { part_number: number }) => p.part_number)).toEqual([1, 2]);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ success: true, s3_key: key, size: file.length });
    expect((await read(key)).equals(file)).toBe(true);
    expect(init.body.part_count).toBe(1);
    expect(init.body.part_size).toBeGreaterThanOrEqual(5 * MiB);
  });

  it('It should refuse to complete an upload larger than the size declared at init, and keep no object', async () => {
    // Prepare
    const init = await t.api('/v1/uploads/multipart', { body: { filename: 'declared.csv', size: 1000 } });
    const { s3_key: key, upload_id: uploadId } = init.body;
    const urls = await t.api('/v1/uploads/multipart/parts', { body: { s3_key: key, upload_id: uploadId, part_numbers: [1, 2, 3] } });
    const etags: { part_number: number; etag: string }[] = [];
    for (const part of urls.body.parts as { part_number: number; url: string }[]) {
      const put = await fetch(part.url, { method: 'PUT', body: Buffer.alloc(5 * MiB, 'z') });
      expect(put.status).toBe(200);
      etags.push({ part_number: part.part_number, etag: put.headers.get('etag')! });
    }
    // Act
    const done = await t.api('/v1/uploads/multipart/complete', { body: { s3_key: key, upload_id: uploadId, parts: etags } });
    // Assess
    expect(done.status).toBe(413);
    expect(done.body.error.code).toBe('ERR_FILE_TOO_LARGE');
    expect(done.body.error.details.map((d: { path: string }) => d.path)).toContain('parts');
    expect(done.body.error.message).toContain('1000');
    await expect(read(key)).rejects.toMatchObject({ name: 'NoSuchKey' });
  });

  it('It should abort an upload, after which it can no longer be completed', async () => {
    const init = await t.api('/v1/uploads/multipart', { body: { filename: 'gone.csv', size: 10 } });
    const { s3_key: key, upload_id: uploadId } = init.body;
    const urls = await t.api('/v1/uploads/multipart/parts', { body: { s3_key: key, upload_id: uploadId, part_numbers: [1] } });
    const put = await fetch(urls.body.parts[0].url, { method: 'PUT', body: 'x' });
    const aborted = await t.api('/v1/uploads/multipart/abort', { body: { s3_key: key, upload_id: uploadId } });
    const complete = await t.api('/v1/uploads/multipart/complete', { body: { s3_key: key, upload_id: uploadId, parts: [{ part_number: 1, etag: put.headers.get('etag') }] } });
    const again = await t.api('/v1/uploads/multipart/abort', { body: { s3_key: key, upload_id: uploadId } });
    expect(aborted.body).toEqual({ success: true, aborted: true });
    expect(complete.status).toBe(404);
    expect(complete.body.error.code).toBe('ERR_NOT_FOUND');
    expect(again.status).toBe(404);
  });

  it('It should refuse part URLs, completion and abort of another workspace\'s upload', async () => {
    const init = await t.api('/v1/uploads/multipart', { body: { filename: 'mine.csv', size: 10 } });
    const { s3_key: key, upload_id: uploadId } = init.body;
    const asB = { key: t.keys.b };
    const parts = await t.api('/v1/uploads/multipart/parts', { ...asB, body: { s3_key: key, upload_id: uploadId, part_numbers: [1] } });
    const complete = await t.api('/v1/uploads/multipart/complete', { ...asB, body: { s3_key: key, upload_id: uploadId, parts: [{ part_number: 1, etag: '"x"' }] } });
    const abort = await t.api('/v1/uploads/multipart/abort', { ...asB, body: { s3_key: key, upload_id: uploadId } });
    for (const res of [parts, complete, abort]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('ERR_FORBIDDEN');
    }
    // The owner can still abort it: B's attempts changed nothing.
    expect((await t.api('/v1/uploads/multipart/abort', { body: { s3_key: key, upload_id: uploadId } })).status).toBe(200);
  });

  it('It should answer ERR_MISSING_FILENAME and limit part numbers', async () => {
    const missing = await t.api('/v1/uploads/multipart', { body: { size: 10 } });
    expect(missing.body.error.code).toBe('ERR_MISSING_FILENAME');
    const bad = await t.api('/v1/uploads/multipart/parts', { body: { s3_key: 'workspaces/dev/uploads/x/a.csv', upload_id: 'u', part_numbers: [0, 10_001] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(['part_numbers[0]', 'part_numbers[1]']);
  });
});
