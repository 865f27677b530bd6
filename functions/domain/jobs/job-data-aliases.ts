import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { checkCompiles, exportJobDataShape } from '../exports/export-job-data.ts';

/**
 * Connectra's export request names the entity `service` and the query `vql`, and carries the
 * `s3_bucket` it expects the file in. leadstack accepts those names beside its own (one schema,
 * one meaning): an alias maps onto its canonical field, and both given with different values is
 * an error naming the alias. The result is always canonical, so what is stored and what the
 * export runner re-reads never hold an alias.
 */
const EXPORT_FIELD_ALIASES = { service: 'entity', vql: 'query' } as const;

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

// The plain shape is extended (zod refuses to extend a refined schema); the refinement below
// applies the export's own check to the canonical fields, so the query compiles as the run will.
const exportJobDataInputSchema = exportJobDataShape.extend({
  entity: exportJobDataShape.shape.entity.optional().describe('`contact` or `company`; `service` is accepted for it'),
  service: exportJobDataShape.shape.entity.optional().describe('Connectra\'s name for `entity` (same values)'),
  vql: exportJobDataShape.shape.query.describe('Connectra\'s name for `query` (same VQL)'),
  s3_bucket: z
    .string()
    .min(1)
    .max(255)
    .optional()
    .describe('Connectra\'s target bucket: only leadstack\'s own uploads bucket (as `GET /v1/uploads/url` answers it) is accepted; the file is always written there'),
});

export const exportJobDataWithAliasesSchema = exportJobDataInputSchema
  .superRefine((data, ctx) => {
    let conflict = false;
    for (const [alias, canonical] of Object.entries(EXPORT_FIELD_ALIASES)) {
      const aliasValue = data[alias as keyof typeof data];
      const canonicalValue = data[canonical];
      if (aliasValue !== undefined && canonicalValue !== undefined && !sameValue(aliasValue, canonicalValue)) {
        ctx.addIssue({ code: 'custom', path: [alias], message: `Both ${alias} and ${canonical} given with different values; give one` });
        conflict = true;
      }
    }
    // With two meanings given, which one to compile is unknown: the conflict is the one error.
    if (conflict) return;
    const entity = data.entity ?? data.service;
    if (entity === undefined) {
      ctx.addIssue({ code: 'custom', path: ['entity'], message: 'Required (or its alias service)' });
      return;
    }
    const query = data.query ?? data.vql;
    checkCompiles({ entity, format: data.format, ...(data.select_columns ? { select_columns: data.select_columns } : {}), ...(query ? { query } : {}) }, ctx);
  })
  .transform(({ service, vql, s3_bucket: _bucket, entity, query, ...rest }) => ({
    ...rest,
    // The refinement guarantees one of them; the fallback only satisfies the type.
    entity: entity ?? service ?? 'contact',
    ...((query ?? vql) === undefined ? {} : { query: query ?? vql }),
  }));

/**
 * A job may name the bucket its file lives in (Connectra's `s3_bucket`): leadstack reads and
 * writes only its own uploads bucket, so any other name is refused, never followed.
 */
export function requireOwnBucket(body: unknown, ownBucket: string | undefined): void {
  const data = typeof body === 'object' && body !== null ? (body as { job_data?: unknown }).job_data : undefined;
  const bucket = typeof data === 'object' && data !== null ? (data as { s3_bucket?: unknown }).s3_bucket : undefined;
  if (bucket === undefined || bucket === ownBucket) return;
  throw new AppError('ERR_VALIDATION', 'job_data.s3_bucket must be leadstack\'s uploads bucket or absent', [
    { path: 'job_data.s3_bucket', message: 'Only the uploads bucket GET /v1/uploads/url names is accepted' },
  ]);
}
