import { describe, expect, it } from 'vitest';
import { MAX_MULTIPART_UPLOAD_BYTES, MAX_PART_NUMBER, MAX_SINGLE_UPLOAD_BYTES, MIN_PART_BYTES } from '../../../../functions/domain/uploads/limits.ts';
import { parseNewUpload } from '../../../../functions/domain/uploads/new-upload.ts';
import type { UploadPresigner } from '../../../../functions/domain/uploads/upload-ports.ts';
import { abortMultipartUpload, completeMultipartUpload, createUpload, partSizeFor, presignParts } from '../../../../functions/domain/uploads/uploads.ts';
import { AppError } from '../../../../functions/platform/errors.ts';

const caught = (work: () => unknown): AppError => {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
};
const rejected = async (work: Promise<unknown>): Promise<AppError> => {
  const error = await work.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
};

function recordingPresigner(size = 100) {
  const calls: string[] = [];
  const presigner: UploadPresigner = {
    presignPut: async (key, type, bytes) => (calls.push(`put ${key} ${type} ${bytes}`), { url: `https://s3/${key}?put`, headers: { 'content-type': type } }),
    presignPost: async (key, type, max) => (calls.push(`post ${key} ${type} ${max}`), { url: 'https://s3/bucket', fields: { key } }),
    startMultipart: async () => 'upload-1',
    presignPart: async (key, id, n) => `https://s3/${key}?uploadId=${id}&partNumber=${n}`,
    completeMultipart: async (_k, _id, parts) => (calls.push(`complete ${parts.map((p) => p.partNumber).join(',')}`), { etag: '"e"', size, declaredSize: undefined }),
    abortMultipart: async (key) => void calls.push(`abort ${key}`),
    deleteObject: async (key) => void calls.push(`delete ${key}`),
  };
  return { presigner, calls };
}

describe('parseNewUpload', () => {
  it.each([{}, { filename: '' }, { filename: '   ' }, { filename: 42 }, null])('It should answer ERR_MISSING_FILENAME for %j', (body) => {
    const error = caught(() => parseNewUpload(body, MAX_SINGLE_UPLOAD_BYTES));
    expect(error.code).toBe('ERR_MISSING_FILENAME');
    expect(error.details[0]?.path).toBe('filename');
  });

  it('It should answer ERR_FILE_TOO_LARGE naming size when the file is over the limit', () => {
    const error = caught(() => parseNewUpload({ filename: 'a.csv', size: MAX_SINGLE_UPLOAD_BYTES + 1 }, MAX_SINGLE_UPLOAD_BYTES));
    expect(error.code).toBe('ERR_FILE_TOO_LARGE');
    expect(error.status).toBe(413);
    expect(error.details[0]?.path).toBe('size');
  });

  it.each([
    [{ filename: 'a.exe', size: 10 }, 'filename'],
    [{ filename: 'a.csv', size: 10, content_type: 'application/x-msdownload' }, 'content_type'],
  ])('It should answer ERR_UNSUPPORTED_MEDIA_TYPE for %j naming %s', (body, path) => {
    const error = caught(() => parseNewUpload(body, MAX_SINGLE_UPLOAD_BYTES));
    expect(error.code).toBe('ERR_UNSUPPORTED_MEDIA_TYPE');
    expect(error.details[0]?.path).toBe(path);
  });

  it.each([
    [{ filename: 'a.csv' }, 'size'],
    [{ filename: 'a.csv', size: 0 }, 'size'],
    [{ filename: 'a.csv', size: 1.5 }, 'size'],
    [{ filename: 'a.csv', size: 1, extra: true }, 'extra'],
  ])('It should answer ERR_VALIDATION for %j naming %s', (body, path) => {
    const error = caught(() => parseNewUpload(body, MAX_SINGLE_UPLOAD_BYTES));
    expect(error.code).toBe('ERR_VALIDATION');
    expect(error.details.map((d) => d.path)).toContain(path);
  });

  it('It should default the type to text/csv and accept a charset parameter', () => {
    expect(parseNewUpload({ filename: 'a.csv', size: 3 }, 10).content_type).toBe('text/csv');
    expect(parseNewUpload({ filename: 'a.CSV', size: 3, content_type: 'text/csv; charset=utf-8' }, 10).content_type).toBe('text/csv; charset=utf-8');
  });
});

describe('upload use cases', () => {
  it('It should presign a PUT with the exact size and a POST bounded by it, for one key in the workspace', async () => {
    const { presigner, calls } = recordingPresigner();
    const out = await createUpload(presigner, 'ws-1', { filename: 'leads.csv', size: 123, content_type: 'text/csv' });
    expect(out.s3_key).toMatch(/^workspaces\/ws-1\/uploads\/[0-9a-f-]{36}\/leads\.csv$/);
    expect(calls).toEqual([`put ${out.s3_key} text/csv 123`, `post ${out.s3_key} text/csv 123`]);
    expect(out).toMatchObject({ method: 'PUT', headers: { 'content-type': 'text/csv' }, post: { fields: { key: out.s3_key } }, expires_in: 900 });
  });

  it('It should pick part sizes of at least 5 MiB that fit every allowed size in 10,000 parts', () => {
    for (const size of [1, MIN_PART_BYTES, 100 * 1024 ** 2, MAX_MULTIPART_UPLOAD_BYTES]) {
      const part = partSizeFor(size);
      expect(part).toBeGreaterThanOrEqual(MIN_PART_BYTES);
      expect(Math.ceil(size / part)).toBeLessThanOrEqual(MAX_PART_NUMBER);
    }
  });

  it('It should refuse part URLs, completion and abort for a key of another workspace or outside uploads', async () => {
    const { presigner, calls } = recordingPresigner();
    for (const key of ['workspaces/ws-2/uploads/x/a.csv', 'workspaces/ws-1/exports/j.csv', 'workspaces/ws-1/uploads/../../ws-2/uploads/a.csv']) {
      expect((await rejected(presignParts(presigner, 'ws-1', { s3_key: key, upload_id: 'u', part_numbers: [1] }))).code).toBe('ERR_FORBIDDEN');
      expect((await rejected(completeMultipartUpload(presigner, 'ws-1', { s3_key: key, upload_id: 'u', parts: [{ part_number: 1, etag: 'e' }] }))).code).toBe('ERR_FORBIDDEN');
      expect((await rejected(abortMultipartUpload(presigner, 'ws-1', { s3_key: key, upload_id: 'u' }))).code).toBe('ERR_FORBIDDEN');
    }
    expect(calls).toEqual([]);
  });

  it('It should sign each distinct part number once, in order', async () => {
    const { presigner } = recordingPresigner();
    const out = await presignParts(presigner, 'ws-1', { s3_key: 'workspaces/ws-1/uploads/x/a.csv', upload_id: 'u', part_numbers: [3, 1, 3] });
    expect(out.parts.map((p) => p.part_number)).toEqual([1, 3]);
    expect(out.parts[0]?.url).toContain('partNumber=1');
  });

  it('It should complete with the parts sorted, and refuse a duplicated part number', async () => {
    const { presigner, calls } = recordingPresigner();
    const key = 'workspaces/ws-1/uploads/x/a.csv';
    await completeMultipartUpload(presigner, 'ws-1', { s3_key: key, upload_id: 'u', parts: [{ part_number: 2, etag: 'b' }, { part_number: 1, etag: 'a' }] });
    expect(calls).toEqual(['complete 1,2']);
    const dup = await rejected(completeMultipartUpload(presigner, 'ws-1', { s3_key: key, upload_id: 'u', parts: [{ part_number: 1, etag: 'a' }, { part_number: 1, etag: 'a' }] }));
    expect(dup.code).toBe('ERR_VALIDATION');
  });

  it('It should delete an assembled object over the multipart limit and say so', async () => {
    const { presigner, calls } = recordingPresigner(MAX_MULTIPART_UPLOAD_BYTES + 1);
    const key = 'workspaces/ws-1/uploads/x/a.csv';
    const error = await rejected(completeMultipartUpload(presigner, 'ws-1', { s3_key: key, upload_id: 'u', parts: [{ part_number: 1, etag: 'a' }] }));
    expect(error.code).toBe('ERR_FILE_TOO_LARGE');
    expect(calls).toEqual(['complete 1', `delete ${key}`]);
  });
});
