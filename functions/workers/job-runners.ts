import type { JobType } from '../domain/jobs/job.ts';
import type { JobRunner } from '../domain/jobs/runner.ts';
import { apolloCollectionRunner } from './runners/apollo-collection.runner.ts';
import { enrichWebsitesRunner } from './runners/enrich-websites.runner.ts';
import { exportCsvFileRunner } from './runners/export-csv-file.runner.ts';
import { insertCsvFileRunner } from './runners/insert-csv-file.runner.ts';
import { monitorSignalsRunner } from './runners/monitor-signals.runner.ts';
import { onboardCompanyRunner } from './runners/onboard-company.runner.ts';
import { lookupBulkRunner } from './runners/lookup-bulk.runner.ts';

/** One runner per job type; the job worker looks the claimed job's type up here. */
export const jobRunners: Partial<Record<JobType, JobRunner>> = {
  export_csv_file: exportCsvFileRunner,
  insert_csv_file: insertCsvFileRunner,
  enrich_websites: enrichWebsitesRunner,
  apollo_collection: apolloCollectionRunner,
  monitor_signals: monitorSignalsRunner,
  onboard_company: onboardCompanyRunner,
  lookup_bulk: lookupBulkRunner,
};
