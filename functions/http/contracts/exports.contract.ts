import { exportDownloadSchema } from '../../domain/exports/export-download.ts';
import { DOWNLOAD_URL_TTL_SECONDS } from '../../domain/exports/limits.ts';
import { jobParamsSchema } from '../../domain/jobs/job-requests.ts';
import { defineContracts } from '../../platform/http/route-contract.ts';

export const exportsContracts = defineContracts([
  {
    method: 'GET',
    path: '/v1/jobs/{id}/download',
    summary: 'Download link of a completed export, or of an import\'s error report',
    description: `A presigned GET URL, valid ${DOWNLOAD_URL_TTL_SECONDS} s (ask again for a fresh one), to the CSV or XLSX file of a completed \`export_csv_file\` job, or to the error report (row, column, reason) of an \`insert_csv_file\` job that found invalid rows.`,
    tag: 'jobs',
    params: jobParamsSchema,
    responses: {
      200: { description: 'The link, the file name and its size', body: exportDownloadSchema },
      403: { description: 'ERR_DOWNLOAD_LIMIT_EXCEEDED: the export was made by someone else and its rows do not fit in your download limit (you pay once per export; the user who created it downloads free)' },
      404: { description: 'ERR_NOT_FOUND: no such job in this workspace, or a job without a file (an import with no invalid rows)' },
      409: { description: 'ERR_EXPORT_NOT_READY: the export is not completed (yet); `details[0].message` is its status' },
    },
  },
]);
