import { S3ExportFiles } from '../../adapters/s3/multipart-writer.s3.ts';
import { S3DownloadLinks } from '../../adapters/s3/presign.s3.ts';
import { once } from './once.ts';
import { s3Client, uploadsBucket } from './uploads.services.ts';

export const exportFiles = /* @__PURE__ */ once(() => new S3ExportFiles(s3Client(), uploadsBucket()));
export const downloadLinks = /* @__PURE__ */ once(() => new S3DownloadLinks(s3Client(), uploadsBucket()));
