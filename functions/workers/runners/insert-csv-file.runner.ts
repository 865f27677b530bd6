import { runCsvImport } from '../../domain/imports/run-csv-import.ts';
import type { JobRunner } from '../../domain/jobs/runner.ts';
import { importDeps } from '../../platform/services/imports.services.ts';

/** `insert_csv_file`: one CSV upload into companies and contacts (functions/domain/imports/run-csv-import.ts). */
export const insertCsvFileRunner: JobRunner = (context) => runCsvImport(importDeps(), context);
