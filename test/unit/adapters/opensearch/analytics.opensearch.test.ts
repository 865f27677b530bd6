import { Client } from '@opensearch-project/opensearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenSearchRecordAnalytics } from '../../../../functions/adapters/opensearch/analytics.opensearch.ts';
import { ensureIndexes } from '../../../../functions/adapters/opensearch/ensure-indexes.ts';
import { autocomplete } from '../../../../functions/domain/filters/autocomplete.ts';
import { autocompleteQuerySchema, filterValuesRequestSchema } from '../../../../functions/domain/filters/filter-schemas.ts';
import { listFilterValues } from '../../../../functions/domain/filters/filter-values.ts';
import { dashboardStats } from '../../../../functions/domain/stats/dashboard-stats.ts';
import { topology } from '../../../../lib/topology.ts';
import { startSearchEngine, type RunningSearchEngine } from '../../../../lib/local/search-engine/index.ts';

// The adapter against the local engine with the real record mappings: every body the domain
// writes must run there, and each workspace must see only its own documents.
let engine: RunningSearchEngine;
let client: Client;
let analytics: OpenSearchRecordAnalytics;

const NOW = new Date('2025-06-30T00:00:00.000Z');
const company = (ws: string, n: number, fields: Record<string, unknown>) => ({ uuid: `c${n}`, workspace_id: ws, updated_at: `2025-01-0${n}T00:00:00Z`, ...fields });
const contact = (ws: string, n: number, fields: Record<string, unknown>) => ({ uuid: `p${n}`, workspace_id: ws, created_at: '2024-01-01T00:00:00Z', ...fields });

beforeAll(async () => {
  engine = await startSearchEngine({ port: 0 });
  client = new Client({ node: engine.url });
  await ensureIndexes(client, Object.values(topology.searchIndexes));
  const companies = [
    company('a', 1, { name: 'Acme Corp', industries: ['Software', 'SaaS'], technologies: ['Python'], employees_count: 100, annual_revenue: 1_000 }),
    company('a', 2, { name: 'acme labs', industries: ['software'], technologies: ['Python Django', 'Go'], employees_count: 301, annual_revenue: 3_000 }),
    company('a', 3, { name: 'Globex', industries: ['Retail'], technologies: ['Java'] }),
    company('b', 4, { name: 'Acme Secret', industries: ['Mining'], technologies: ['Python Secret'], employees_count: 9_999, annual_revenue: 9_999 }),
  ];
  const contacts = [
    contact('a', 1, { first_name: 'John', last_name: 'Doe', email: 'john@acme.com', email_status: 'verified', country: 'united states', linkedin_url: 'https://linkedin.com/in/jd', created_at: '2025-06-20T00:00:00Z' }),
    contact('a', 2, { first_name: 'Jane', last_name: 'Doe', email: 'jane@acme.com', email_status: 'guessed', country: 'united kingdom' }),
    contact('a', 3, { first_name: 'Johnny', last_name: 'Walker', country: 'united states' }),
    contact('b', 4, { first_name: 'John', last_name: 'Secret', email: 'js@b.com', email_status: 'verified', country: 'united arab emirates', created_at: '2025-06-29T00:00:00Z' }),
  ];
  const body = [
    ...companies.flatMap((doc) => [{ index: { _index: 'companies', _id: `${doc.workspace_id}:${doc.uuid}` } }, doc]),
    ...contacts.flatMap((doc) => [{ index: { _index: 'contacts', _id: `${doc.workspace_id}:${doc.uuid}` } }, doc]),
  ];
  const response = await client.bulk({ body, refresh: 'true' });
  expect(response.body.errors).toBe(false);
  analytics = new OpenSearchRecordAnalytics(client);
});

afterAll(async () => {
  await client?.close();
  await engine?.close();
});

describe('OpenSearchRecordAnalytics', () => {
  it('It should list a workspace\'s filter values with counts and original spellings, narrowed by word prefix', async () => {
    // Act
    const industries = await listFilterValues(analytics, 'company', 'a', filterValuesRequestSchema.parse({ filter_key: 'industries' }));
    const countries = await listFilterValues(analytics, 'contact', 'a', filterValuesRequestSchema.parse({ filter_key: 'country', search_text: 'UNITED' }));
    // Assess
    expect(industries.data).toEqual([
      { value: 'software', display_value: 'software', count: 2 },
      { value: 'retail', display_value: 'Retail', count: 1 },
      { value: 'saas', display_value: 'SaaS', count: 1 },
    ]);
    expect(countries).toEqual({
      data: [
        { value: 'united states', display_value: 'United States', count: 2 },
        { value: 'united kingdom', display_value: 'United Kingdom', count: 1 },
      ],
      page: 1,
      limit: 20,
      has_more: false,
    });
  });

  it('It should suggest distinct values and contact names of the caller\'s workspace only', async () => {
    // Act
    const tech = await autocomplete(analytics, 'company', 'a', autocompleteQuerySchema.parse({ field: 'technologies', q: 'pyth' }));
    const names = await autocomplete(analytics, 'company', 'a', autocompleteQuerySchema.parse({ field: 'name', q: 'acme' }));
    const people = await autocomplete(analytics, 'contact', 'a', autocompleteQuerySchema.parse({ field: 'name', q: 'john' }));
    const fullName = await autocomplete(analytics, 'contact', 'a', autocompleteQuerySchema.parse({ field: 'name', q: 'jane d' }));
    // Assess
    expect(tech).toEqual([{ value: 'Python' }, { value: 'Python Django' }]);
    expect(names).toEqual([{ value: 'Acme Corp' }, { value: 'acme labs' }]);
    expect(people).toEqual([{ value: 'John Doe' }, { value: 'Johnny Walker' }]);
    expect(fullName).toEqual([{ value: 'Jane Doe' }]);
  });

  it('It should compute the dashboard from exact totals and aggregations', async () => {
    // Act
    const stats = await dashboardStats(analytics, 'a', NOW);
    // Assess
    expect(stats).toMatchObject({
      total_contacts: 3,
      verified_emails: 1,
      unverified_emails: 1,
      top_industries: [{ industry: 'software', count: 2 }, { industry: 'Retail', count: 1 }, { industry: 'SaaS', count: 1 }],
      top_countries: [{ country: 'United States', count: 2 }, { country: 'United Kingdom', count: 1 }],
      avg_employees: 200.5,
      total_companies: 3,
      avg_revenue: 2_000,
      total_revenue: 4_000,
      with_linkedin: 1,
      recent_contacts: 1,
    });
  });
});
