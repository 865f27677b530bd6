import type { Entity } from '../records/fields.ts';
import { WORKSPACE_PREFIX } from '../uploads/upload-key.ts';
import type { ExportFormat } from './export-format.ts';

/** `workspaces/<ws>/exports/<job id>.<ext>`: one file per job, so a restarted run overwrites its own. */
export const exportKeyFor = (workspaceId: string, jobId: string, format: ExportFormat): string =>
  `${WORKSPACE_PREFIX}${workspaceId}/exports/${jobId}.${format}`;

export const isExportKeyOf = (workspaceId: string, key: string): boolean => key.startsWith(`${WORKSPACE_PREFIX}${workspaceId}/exports/`);

const PLURAL: Record<Entity, string> = { company: 'companies', contact: 'contacts', signal: 'signals' };

/** What the browser saves the download as: `contacts-2026-05-01-0b8f12ab.xlsx` (safe in a header). */
export function exportFilename(entity: Entity, format: ExportFormat, jobId: string, finishedAt: string | undefined): string {
  const day = (finishedAt ?? '').slice(0, 10);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}-` : '';
  return `${PLURAL[entity]}-${date}${jobId.replace(/[^A-Za-z0-9]/g, '').slice(0, 8)}.${format}`;
}
