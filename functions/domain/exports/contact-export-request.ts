import { z } from 'zod';
import { MAX_FILTER_VALUES, MAX_SELECT_COLUMNS } from '../vql/limits.ts';
import { EXPORT_FORMATS } from './export-format.ts';

/**
 * Appointment360 exports the contacts a user ticked: their ids and the columns to write, to
 * XLSX. leadstack runs that as the ordinary export job (charged, capped and downloaded like any
 * other), whose query is "these uuids" and whose columns are the fields, so there is one export
 * path. The form's column names are accepted beside leadstack's.
 */
const FIELD_ALIASES: Readonly<Record<string, string>> = { company: 'company_name', person_linkedin_url: 'linkedin_url' };

export const contactExportRequestSchema = z.strictObject({
  contact_ids: z
    .array(z.uuid({ message: 'Not a contact uuid' }).transform((id) => id.toLowerCase()))
    .min(1)
    .max(MAX_FILTER_VALUES)
    .describe(`The contacts to export (their uuids), at most ${MAX_FILTER_VALUES}`),
  fields: z
    .array(z.string().min(1).max(100))
    .min(1)
    .max(MAX_SELECT_COLUMNS)
    .optional()
    .describe('The columns, in order (Appointment360\'s `company` and `person_linkedin_url` included); every field when absent'),
  format: z.enum(EXPORT_FORMATS).default('xlsx').describe('xlsx, as Appointment360 writes it, unless csv is asked for'),
});

export type ContactExportRequest = z.output<typeof contactExportRequestSchema>;

/** The `POST /v1/jobs` body that exports exactly these contacts. */
export function contactExportJobRequest(request: ContactExportRequest) {
  const columns = request.fields?.map((field) => FIELD_ALIASES[field] ?? field);
  return {
    job_type: 'export_csv_file',
    job_data: {
      entity: 'contact',
      format: request.format,
      ...(columns ? { select_columns: [...new Set(columns)] } : {}),
      query: { where: { keyword_match: { must: { uuid: [...new Set(request.contact_ids)] } } } },
    },
  } as const;
}

/** An error of the export job built from the form, named by the form's own fields. */
export function formPathOfExportError(path: string): string {
  if (path.startsWith('job_data.select_columns')) return path.replace('job_data.select_columns', 'fields');
  if (path.startsWith('job_data.query')) return 'contact_ids';
  return path;
}
