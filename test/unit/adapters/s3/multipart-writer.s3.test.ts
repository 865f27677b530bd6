import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { S3_MIN_PART_BYTES, S3MultipartWriter } from '../../../../functions/adapters/s3/multipart-writer.s3.ts';

const client = new S3Client({ region: 'us-east-1' });
const mock = mockClient(client);
const MiB = 1024 * 1024;
const PART = 5 * MiB;

const bytes = (n: number, fill = 1): Uint8Array => new Uint8Array(n).fill(fill);
const partSizes = () => mock.commandCalls(UploadPartCommand).map((c) => (c.args[0].input.Body as Uint8Array).length);
const partNumbers = () => mock.commandCalls(UploadPartCommand).map((c) => c.args[0].input.PartNumber);

function acceptParts(): void {
  mock.on(CreateMultipartUploadCommand).resolves({ UploadId: 'up-1' });
  mock.on(UploadPartCommand).callsFake((input: { PartNumber: number }) => ({ ETag: `"etag-${input.PartNumber}"` }));
  mock.on(CompleteMultipartUploadCommand).resolves({});
  mock.on(AbortMultipartUploadCommand).resolves({});
}

describe('S3MultipartWriter', () => {
  beforeEach(() => mock.reset());

  it('It should cut the stream into parts of exactly partBytes, whatever the write sizes, with a smaller last part', async () => {
    acceptParts();
    const writer = new S3MultipartWriter(client, 'bucket', 'workspaces/w/exports/j.csv', 'text/csv', { partBytes: PART, inFlight: 2 });
    // 3 MiB writes straddle part boundaries: 12 MiB + 100 bytes → 5 MiB, 5 MiB, 2 MiB + 100.
    for (let i = 0; i < 4; i++) await writer.write(bytes(3 * MiB, i + 1));
    await writer.write(bytes(100));
    const { bytes: total } = await writer.complete();
    expect(total).toBe(12 * MiB + 100);
    expect(partSizes()).toEqual([PART, PART, 2 * MiB + 100]);
    expect(partNumbers()).toEqual([1, 2, 3]);
    expect(mock.commandCalls(CreateMultipartUploadCommand)).toHaveLength(1);
    const complete = mock.commandCalls(CompleteMultipartUploadCommand)[0]!.args[0].input;
    expect(complete.UploadId).toBe('up-1');
    expect(complete.MultipartUpload?.Parts).toEqual([
      { PartNumber: 1, ETag: '"etag-1"' },
      { PartNumber: 2, ETag: '"etag-2"' },
      { PartNumber: 3, ETag: '"etag-3"' },
    ]);
  });

  it('It should keep the bytes in order across part boundaries', async () => {
    acceptParts();
    const writer = new S3MultipartWriter(client, 'bucket', 'k', 'text/csv', { partBytes: PART });
    await writer.write(bytes(PART - 1, 7));
    await writer.write(Uint8Array.from([1, 2, 3]));
    await writer.complete();
    const [first, second] = mock.commandCalls(UploadPartCommand).map((c) => c.args[0].input.Body as Uint8Array);
    expect(first!.at(-1)).toBe(1);
    expect(first!.at(-2)).toBe(7);
    expect([...second!]).toEqual([2, 3]);
  });

  it('It should list parts in order on completion even when they finish out of order', async () => {
    mock.on(CreateMultipartUploadCommand).resolves({ UploadId: 'up-1' });
    mock.on(UploadPartCommand).callsFake(
      async (input: { PartNumber: number }) => {
        // Part 1 is the slowest.
        await new Promise((resolve) => setTimeout(resolve, input.PartNumber === 1 ? 30 : 1));
        return { ETag: `"e${input.PartNumber}"` };
      },
    );
    mock.on(CompleteMultipartUploadCommand).resolves({});
    const writer = new S3MultipartWriter(client, 'bucket', 'k', 'text/csv', { partBytes: PART, inFlight: 3 });
    await writer.write(bytes(3 * PART));
    await writer.complete();
    expect(mock.commandCalls(CompleteMultipartUploadCommand)[0]!.args[0].input.MultipartUpload?.Parts?.map((p) => p.PartNumber)).toEqual([1, 2, 3]);
  });

  it('It should never have more than inFlight part uploads under way', async () => {
    let running = 0;
    let peak = 0;
    mock.on(CreateMultipartUploadCommand).resolves({ UploadId: 'up-1' });
    mock.on(UploadPartCommand).callsFake(async (input: { PartNumber: number }) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return { ETag: `"e${input.PartNumber}"` };
    });
    mock.on(CompleteMultipartUploadCommand).resolves({});
    const writer = new S3MultipartWriter(client, 'bucket', 'k', 'text/csv', { partBytes: PART, inFlight: 2 });
    for (let i = 0; i < 6; i++) await writer.write(bytes(PART));
    await writer.complete();
    expect(partNumbers()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(peak).toBe(2);
  });

  it('It should write a file smaller than one part with a single PutObject and no multipart upload', async () => {
    mock.on(PutObjectCommand).resolves({});
    const writer = new S3MultipartWriter(client, 'bucket', 'small.csv', 'text/csv', { partBytes: PART });
    await writer.write(new TextEncoder().encode('a,b\r\n'));
    expect(await writer.complete()).toEqual({ bytes: 5 });
    const put = mock.commandCalls(PutObjectCommand)[0]!.args[0].input;
    expect(put).toMatchObject({ Bucket: 'bucket', Key: 'small.csv', ContentType: 'text/csv' });
    expect(new TextDecoder().decode(put.Body as Uint8Array)).toBe('a,b\r\n');
    expect(mock.commandCalls(CreateMultipartUploadCommand)).toHaveLength(0);
  });

  it('It should abort the multipart upload when a part fails, and fail the next write or completion', async () => {
    acceptParts();
    mock.on(UploadPartCommand, { PartNumber: 2 }).rejects(new Error('network down'));
    const writer = new S3MultipartWriter(client, 'bucket', 'k', 'text/csv', { partBytes: PART, inFlight: 1 });
    await writer.write(bytes(PART));
    await writer.write(bytes(PART));
    await expect(writer.write(bytes(PART))).rejects.toThrow('network down');
    await writer.abort();
    await writer.abort();
    expect(mock.commandCalls(AbortMultipartUploadCommand)).toHaveLength(1);
    expect(mock.commandCalls(AbortMultipartUploadCommand)[0]!.args[0].input).toMatchObject({ Key: 'k', UploadId: 'up-1' });
    expect(mock.commandCalls(CompleteMultipartUploadCommand)).toHaveLength(0);
  });

  it('It should refuse a part size under S3\'s 5 MiB floor and writes after completion', async () => {
    expect(() => new S3MultipartWriter(client, 'b', 'k', 'text/csv', { partBytes: S3_MIN_PART_BYTES - 1 })).toThrow('at least');
    mock.on(PutObjectCommand).resolves({});
    const writer = new S3MultipartWriter(client, 'b', 'k', 'text/csv', { partBytes: PART });
    await writer.complete();
    await expect(writer.write(bytes(1))).rejects.toThrow('already completed');
  });
});
