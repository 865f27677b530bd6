import { S3Client } from '@aws-sdk/client-s3';
import { S3UploadPresigner } from '../../adapters/s3/presign.s3.ts';
import { config } from '../config.ts';
import { tracer } from '../tracer.ts';
import { once } from './once.ts';

export const s3Client = /* @__PURE__ */ once(() =>
  tracer.captureAWSv3Client(
    new S3Client({
      region: config().AWS_REGION,
      forcePathStyle: config().S3_FORCE_PATH_STYLE,
      // Presigned URLs must not carry a checksum of the empty body the SDK sees when signing
      // (the browser's bytes would then fail it); S3 still checks what it requires.
      requestChecksumCalculation: 'WHEN_REQUIRED',
    }),
  ),
);

export const uploadsBucket = (): string => {
  const bucket = config().UPLOADS_BUCKET_NAME;
  if (!bucket) throw new Error('UPLOADS_BUCKET_NAME is not set');
  return bucket;
};

export const uploadPresigner = /* @__PURE__ */ once(() => new S3UploadPresigner(s3Client(), uploadsBucket()));
