import { runExport } from '../../domain/exports/run-export.ts';
import type { JobRunner } from '../../domain/jobs/runner.ts';
import { downloadLedger } from '../../platform/services/accounts.services.ts';
import { exportFiles } from '../../platform/services/exports.services.ts';
import { recordSearch } from '../../platform/services/search.services.ts';

/** `export_csv_file` (CSV or XLSX): the matches of a VQL query, streamed into a file in S3. */
export const exportCsvFileRunner: JobRunner = (context) => runExport({ search: recordSearch(), files: exportFiles(), ledger: downloadLedger() }, context);
