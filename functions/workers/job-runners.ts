import type { JobType } from '../domain/jobs/job.ts';
import type { JobRunner } from '../domain/jobs/runner.ts';
import { insertCsvFileRunner } from './runners/insert-csv-file.runner.ts';

/** One runner per job type; the job worker looks the claimed job's type up here. */
export const jobRunners: Partial<Record<JobType, JobRunner>> = {
  insert_csv_file: insertCsvFileRunner,
};
