import { GetObjectCommand, HeadObjectCommand, NoSuchKey, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { S3ObjectReader } from '../../../../functions/adapters/s3/object-reader.s3.ts';

const client = new S3Client({ region: 'us-east-1' });
const mock = mockClient(client);
const reader = new S3ObjectReader(client, 'bucket');

const s3Error = (name: string, status: number) => new S3ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: status }, message: name });

describe('S3ObjectReader', () => {
  beforeEach(() => mock.reset());

  it('It should read from a byte with a range and only while the ETag matches, giving the whole size', async () => {
    // Prepare
    mock.on(GetObjectCommand).resolves({ ContentRange: 'bytes 100-199/200', ContentLength: 100, ETag: '"e1"' });
    // Act
    const opened = await reader.open('k', 100, '"e1"');
    // Assess
    expect(opened).toMatchObject({ status: 'ok', totalBytes: 200, etag: '"e1"' });
    expect(mock.commandCalls(GetObjectCommand)[0]?.args[0].input).toMatchObject({ Bucket: 'bucket', Key: 'k', Range: 'bytes=100-', IfMatch: '"e1"' });
  });

  it('It should read a whole object without a range', async () => {
    // Prepare
    mock.on(GetObjectCommand).resolves({ ContentLength: 42, ETag: '"e"' });
    // Act
    const opened = await reader.open('k', 0);
    // Assess
    expect(opened).toMatchObject({ status: 'ok', totalBytes: 42 });
    expect(mock.commandCalls(GetObjectCommand)[0]?.args[0].input.Range).toBeUndefined();
  });

  it.each([
    ['a missing key', new NoSuchKey({ message: 'no', $metadata: { httpStatusCode: 404 } }), 'missing'],
    ['an overwritten object (412)', s3Error('PreconditionFailed', 412), 'changed'],
  ])('It should report %s', async (_name, error, status) => {
    // Prepare
    mock.on(GetObjectCommand).rejects(error);
    // Act
    const opened = await reader.open('k', 10, '"e1"');
    // Assess
    expect(opened.status).toBe(status);
  });

  it('It should treat a range starting at the end (416) as an empty rest when the object is unchanged', async () => {
    // Prepare
    mock.on(GetObjectCommand).rejects(s3Error('InvalidRange', 416));
    mock.on(HeadObjectCommand).resolves({ ContentLength: 200, ETag: '"e1"' });
    // Act
    const opened = await reader.open('k', 200, '"e1"');
    const chunks: Uint8Array[] = [];
    if (opened.status === 'ok') for await (const chunk of opened.body) chunks.push(chunk);
    // Assess
    expect(opened).toMatchObject({ status: 'ok', totalBytes: 200 });
    expect(chunks).toEqual([]);
  });

  it('It should report a changed object even when the range is past its new end', async () => {
    // Prepare
    mock.on(GetObjectCommand).rejects(s3Error('InvalidRange', 416));
    mock.on(HeadObjectCommand).resolves({ ContentLength: 50, ETag: '"e2"' });
    // Act
    const opened = await reader.open('k', 200, '"e1"');
    // Assess
    expect(opened.status).toBe('changed');
  });

  it('It should rethrow anything else (a transient failure the job worker retries)', async () => {
    // Prepare
    mock.on(GetObjectCommand).rejects(s3Error('SlowDown', 503));
    // Act / Assess
    await expect(reader.open('k', 0)).rejects.toThrow('SlowDown');
  });
});
