import { describe, expect, it } from 'vitest';
import { dashboardStats, RECENT_CONTACTS_DAYS } from '../../../../functions/domain/stats/dashboard-stats.ts';
import { dashboardStatsResponseSchema } from '../../../../functions/domain/stats/stats-schema.ts';
import { bucketsOf, FakeAnalytics } from '../filters/fake-analytics.ts';

const NOW = new Date('2025-06-30T12:00:00.000Z');

describe('dashboard statistics', () => {
  it('It should ask for counts and aggregations only, scoped to the workspace', async () => {
    // Prepare
    const analytics = new FakeAnalytics();
    // Act
    await dashboardStats(analytics, 'ws-7', NOW);
    // Assess
    expect(analytics.calls.map((c) => c.entity).sort()).toEqual(['company', 'contact']);
    for (const { body } of analytics.calls) {
      expect(body.size).toBe(0);
      expect(body.query).toEqual({ bool: { filter: [{ term: { workspace_id: 'ws-7' } }] } });
    }
    const contacts = analytics.calls.find((c) => c.entity === 'contact')!.body as Record<string, any>;
    expect(contacts.aggs.recent).toEqual({ filter: { range: { created_at: { gte: '2025-05-31T12:00:00.000Z' } } } });
    expect(contacts.aggs.emails.filters.filters.unverified).toEqual({
      bool: { filter: [{ exists: { field: 'email' } }], must_not: [{ term: { email_status: 'verified' } }] },
    });
  });

  it('It should read every figure from the answers, rounding averages', async () => {
    // Prepare
    const analytics = new FakeAnalytics({
      contact: {
        total: 12,
        aggregations: {
          emails: { buckets: { verified: { doc_count: 7 }, unverified: { doc_count: 3 } } },
          with_linkedin: { doc_count: 9 },
          recent: { doc_count: 4 },
          top_countries: bucketsOf('country', [['united states', 8], ['germany', 4]]),
        },
      },
      company: {
        total: 3,
        aggregations: {
          top_industries: bucketsOf('industries', [['software', 2, ['SaaS', 'Software']], ['retail', 1, 'Retail']]),
          top_company_countries: bucketsOf('country', [['france', 3]]),
          avg_employees: { value: 250.5555 },
          avg_revenue: { value: null },
          total_revenue: { value: 0 },
        },
      },
    });
    // Act
    const stats = await dashboardStats(analytics, 'ws', NOW);
    // Assess
    expect(stats).toEqual({
      total_contacts: 12,
      verified_emails: 7,
      unverified_emails: 3,
      top_industries: [{ industry: 'Software', count: 2 }, { industry: 'Retail', count: 1 }],
      top_countries: [{ country: 'United States', count: 8 }, { country: 'Germany', count: 4 }],
      top_company_countries: [{ country: 'France', count: 3 }],
      avg_employees: 250.56,
      total_companies: 3,
      avg_revenue: null,
      total_revenue: 0,
      with_linkedin: 9,
      recent_contacts: 4,
      recent_since: new Date(NOW.getTime() - RECENT_CONTACTS_DAYS * 86_400_000).toISOString(),
    });
    expect(dashboardStatsResponseSchema.safeParse({ success: true, stats }).success).toBe(true);
  });
});
