/** The uploads bucket and the CORS rules browsers need to PUT through presigned URLs. */
import { CreateBucketCommand, HeadBucketCommand, PutBucketCorsCommand } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import type { BucketSpec } from '../../topology.ts';

const exists = async (client: S3Client, Bucket: string): Promise<boolean> => {
  try {
    await client.send(new HeadBucketCommand({ Bucket }));
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
};

export const ensureBucket = async (client: S3Client, Bucket: string, spec: BucketSpec, origins: readonly string[]): Promise<void> => {
  if (!(await exists(client, Bucket))) await client.send(new CreateBucketCommand({ Bucket }));
  await client.send(
    new PutBucketCorsCommand({
      Bucket,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: [...origins],
            AllowedMethods: [...spec.cors.allowedMethods],
            AllowedHeaders: [...spec.cors.allowedHeaders],
            ExposeHeaders: [...spec.cors.exposedHeaders],
            MaxAgeSeconds: spec.cors.maxAgeSeconds,
          },
        ],
      },
    }),
  );
};
