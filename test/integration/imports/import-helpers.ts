import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS } from '../../../lib/local/aws.ts';
import { REGION, eventually, type TestCloud } from '../helpers/test-cloud.ts';

export const s3Of = (t: TestCloud): S3Client =>
  new S3Client({ endpoint: t.cloud.endpoints.s3, region: REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' });

/** Uploads like a browser: POST /v1/uploads for a presigned PUT, then the PUT itself with fetch. */
export async function uploadCsv(t: TestCloud, filename: string, content: string | Buffer, key?: string): Promise<string> {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const created = await t.api('/v1/uploads', { body: { filename, content_type: 'text/csv', size: bytes.length }, key: key ?? t.keys.a });
  if (created.status !== 201 && created.status !== 200) throw new Error(`POST /v1/uploads answered ${created.status}: ${JSON.stringify(created.body)}`);
  const { upload_url: url, headers, s3_key: s3Key } = created.body as { upload_url: string; headers: Record<string, string>; s3_key: string };
  const put = await fetch(url, { method: 'PUT', headers, body: bytes });
  if (put.status !== 200) throw new Error(`PUT answered ${put.status}: ${await put.text()}`);
  return s3Key;
}

/** An object the presigned routes cannot make (an empty file), written with the SDK under the uploads prefix. */
export async function putObject(s3: S3Client, bucket: string, key: string, content: string | Buffer): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: content }));
}

export async function readObject(s3: S3Client, bucket: string, key: string): Promise<string> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return (await out.Body?.transformToString('utf-8')) ?? '';
}

export interface JobBody {
  id: string;
  status: string;
  counters: { rows_read: number; rows_written: number; rows_failed: number };
  result?: Record<string, any>;
  error?: { code: string; message: string };
  progress: number;
}

export async function createImportJob(t: TestCloud, jobData: Record<string, unknown>, key?: string): Promise<string> {
  const res = await t.api('/v1/jobs', { body: { job_type: 'insert_csv_file', job_data: jobData, retry_count: 2 }, key: key ?? t.keys.a });
  if (res.status !== 201) throw new Error(`POST /v1/jobs answered ${res.status}: ${JSON.stringify(res.body)}`);
  return (res.body as { job: JobBody }).job.id;
}

const FINAL = ['completed', 'failed', 'stopped'];

export async function waitForJob(t: TestCloud, id: string, timeoutMs = 120_000, key?: string): Promise<JobBody> {
  return eventually(
    async () => {
      const res = await t.api(`/v1/jobs/${id}`, { key: key ?? t.keys.a });
      const job = (res.body as { job: JobBody }).job;
      return FINAL.includes(job.status) ? job : undefined;
    },
    `job ${id} to finish`,
    timeoutMs,
  );
}

/** Every stored record of a workspace and entity, straight from the system of record. */
export async function storedRecords(t: TestCloud, workspaceId: string, entity: 'contact' | 'company'): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await t.documents.send(
      new ScanCommand({
        TableName: t.cloud.resources.tables.records,
        FilterExpression: 'workspace_id = :ws AND entity = :entity',
        ExpressionAttributeValues: { ':ws': workspaceId, ':entity': entity },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

