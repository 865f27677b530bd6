import { describe, expect, it } from 'vitest';
import { createJobRequestSchema } from '../../../../functions/domain/jobs/job-requests.ts';
import { MAX_CUSTOMER_AGE_DAYS } from '../../../../functions/domain/signals/monitor-job-data.ts';

const request = (job_data: unknown) => createJobRequestSchema.safeParse({ job_type: 'monitor_signals', job_data });
const paths = (result: ReturnType<typeof request>) => (result.success ? [] : result.error.issues.map((i) => i.path.join('.')));

describe('monitor_signals job data', () => {
  it('should accept companies by ticker or name, and upper-case tickers', () => {
    const parsed = request({ companies: [{ ticker: 'glbx' }, { name: 'Initech' }], since: '2026-10-01' });
    expect(parsed.success && parsed.data.job_data).toEqual({ companies: [{ ticker: 'GLBX' }, { name: 'Initech' }], since: '2026-10-01', customer_age_days: 90 });
  });

  it('should name the field of each bad input', () => {
    expect(paths(request({ saas_client_name: 'ShieldCo', customer_age_days: 0 }))).toEqual(['job_data.customer_age_days']);
    expect(paths(request({ saas_client_name: 'ShieldCo', customer_age_days: MAX_CUSTOMER_AGE_DAYS + 1 }))).toEqual(['job_data.customer_age_days']);
    expect(paths(request({}))).toEqual(['job_data.companies']);
    expect(paths(request({ companies: [{}] }))).toEqual(['job_data.companies.0']);
    expect(paths(request({ companies: [{ ticker: 'GLBX' }], since: 'yesterday' }))).toEqual(['job_data.since']);
    expect(paths(request({ companies: [{ ticker: 'GLBX' }], extra: 1 }))).toEqual(['job_data']);
  });
});
