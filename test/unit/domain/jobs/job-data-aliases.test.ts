import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { exportJobDataWithAliasesSchema, requireOwnBucket } from '../../../../functions/domain/jobs/job-data-aliases.ts';
import { AppError } from '../../../../functions/platform/errors.ts';

describe("Connectra's export job_data names", () => {
  it('It should document both names of each field (what the OpenAPI document shows)', () => {
    const properties = Object.keys((z.toJSONSchema(exportJobDataWithAliasesSchema, { io: 'input', unrepresentable: 'any' }) as { properties: object }).properties);
    expect(properties).toEqual(expect.arrayContaining(['entity', 'service', 'query', 'vql', 's3_bucket']));
  });

  it('It should map the aliases onto the canonical fields and drop s3_bucket', () => {
    const parsed = exportJobDataWithAliasesSchema.parse({ s3_bucket: 'b', service: 'company', vql: { limit: 5 } });
    expect(parsed).toEqual({ entity: 'company', query: { limit: 5 }, format: 'csv' });
  });

  it('It should refuse a bucket other than its own, and accept its own or none', () => {
    expect(() => requireOwnBucket({ job_data: { s3_bucket: 'other' } }, 'mine')).toThrow(AppError);
    expect(() => requireOwnBucket({ job_data: { s3_bucket: 'other' } }, undefined)).toThrow(AppError);
    expect(requireOwnBucket({ job_data: { s3_bucket: 'mine' } }, 'mine')).toBeUndefined();
    expect(requireOwnBucket({ job_data: {} }, 'mine')).toBeUndefined();
  });
});
