import { S3ErrorReportStore } from '../../adapters/s3/error-report.s3.ts';
import { S3ObjectReader } from '../../adapters/s3/object-reader.s3.ts';
import type { ImportDeps } from '../../domain/imports/run-csv-import.ts';
import { recordStore } from './dynamodb.services.ts';
import { once } from './once.ts';
import { s3Client, uploadsBucket } from './uploads.services.ts';

/** What the insert_csv_file runner reads from and writes to. */
export const importDeps = /* @__PURE__ */ once(
  (): ImportDeps => ({
    source: new S3ObjectReader(s3Client(), uploadsBucket()),
    records: recordStore(),
    errorReports: new S3ErrorReportStore(s3Client(), uploadsBucket()),
  }),
);
