import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

// Workspace A: 12 companies, 10 contacts. Workspace B: its own records with values A never holds.
const INDUSTRY_CYCLE = ['Software, SaaS', 'Software', 'Retail', 'Healthcare'];
const companiesA = Array.from({ length: 12 }, (_, i) => ({
  name: `Acme ${String(i).padStart(2, '0')}`,
  linkedin_url: `https://linkedin.com/company/acme-${i}`,
  industries: INDUSTRY_CYCLE[i % 4],
  technologies: i % 3 === 0 ? ['Python', 'Python Django'] : ['Go'],
  keywords: i < 2 ? ['artificial intelligence'] : ['retail analytics'],
  country: i % 2 === 0 ? 'United States' : 'United Kingdom',
  employees_count: (i + 1) * 10,
  annual_revenue: (i + 1) * 1_000,
}));
// 10 contacts: 4 verified, 3 guessed, 1 without status, 2 without email; 6 with LinkedIn.
const contactsA = Array.from({ length: 10 }, (_, i) => ({
  first_name: i === 0 ? 'John' : `Person${i}`,
  last_name: i === 0 ? 'Doe' : `Last${i}`,
  ...(i < 8 ? { email: `p${i}@acme.com` } : {}),
  ...(i < 4 ? { email_status: 'Verified' } : i < 7 ? { email_status: 'guessed' } : {}),
  ...(i < 6 ? { linkedin_url: `https://linkedin.com/in/p${i}` } : {}),
  country: i < 6 ? 'United States' : i < 9 ? 'Germany' : 'France',
  title: i % 2 === 0 ? 'Chief Executive Officer' : 'Software Engineer',
  company_name: 'Acme 00',
}));
const companiesB = [{ name: 'Secret Mining', industries: 'Mining', technologies: ['Python Secret'], country: 'Chile', employees_count: 99_999, annual_revenue: 99_999_999 }];
const contactsB = [{ first_name: 'John', last_name: 'Secret', email: 'js@b.com', email_status: 'verified', country: 'United Arab Emirates', title: 'Chief Spy' }];

let t: TestCloud;

const count = async (path: string, key?: string) => (await t.api(path, { body: {}, key })).body.count as number;

beforeAll(async () => {
  t = await startTestCloud();
  for (const [path, rows, key] of [
    ['/v1/companies/batch-upsert', companiesA, t.keys.a],
    ['/v1/contacts/batch-upsert', contactsA, t.keys.a],
    ['/v1/companies/batch-upsert', companiesB, t.keys.b],
    ['/v1/contacts/batch-upsert', contactsB, t.keys.b],
  ] as const) {
    const { status, body } = await t.api(path, { body: rows, key });
    expect(status, JSON.stringify(body)).toBe(200);
  }
  await eventually(
    async () =>
      (await count('/v1/companies/count')) === 12 && (await count('/v1/contacts/count')) === 10 && (await count('/v1/companies/count', t.keys.b)) === 1 && (await count('/v1/contacts/count', t.keys.b)) === 1,
    'every record to be searchable',
    30_000,
  );
}, 60_000);

afterAll(async () => t?.stop());

describe('filters metadata', () => {
  it('It should list the contact filters with type, display name and active flag', async () => {
    // Act
    const { status, body } = await t.api('/v1/contact/filters');
    // Assess
    expect(status).toBe(200);
    const byKey = new Map((body.data as any[]).map((f) => [f.key, f]));
    expect(byKey.get('country')).toEqual({ key: 'country', filter_type: 'keyword', display_name: 'Country', active: true });
    expect(byKey.get('seniority')).toEqual({ key: 'seniority', filter_type: 'keyword', display_name: 'Seniority Level', active: true });
    expect(byKey.get('uuid')?.active).toBe(false);
    expect(byKey.has('workspace_id')).toBe(false);
  });

  it('It should list the company filters, numbers as ranges', async () => {
    const { body } = await t.api('/v1/company/filters');
    const byKey = new Map((body.data as any[]).map((f) => [f.key, f]));
    expect(byKey.get('employees_count')).toEqual({ key: 'employees_count', filter_type: 'range', display_name: 'Employees', active: true });
    expect(byKey.get('industries')?.filter_type).toBe('keyword');
    expect(byKey.get('name')?.filter_type).toBe('text');
  });

  it('It should refuse a call without a key', async () => {
    const { status, body } = await t.api('/v1/company/filters', { key: null });
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
  });
});

describe('filter values', () => {
  it('It should list values with display values and exact counts, most frequent first', async () => {
    // Act
    const { status, body } = await t.api('/v1/company/filters/values', { body: { filter_key: 'industries' } });
    // Assess
    expect(status).toBe(200);
    expect(body.data).toEqual([
      { value: 'software', display_value: 'Software', count: 6 },
      { value: 'healthcare', display_value: 'Healthcare', count: 3 },
      { value: 'retail', display_value: 'Retail', count: 3 },
      { value: 'saas', display_value: 'SaaS', count: 3 },
    ]);
    expect(body.has_more).toBe(false);
  });

  it('It should narrow by search_text case-insensitively, as in the Connectra example', async () => {
    const { body } = await t.api('/v1/contact/filters/values', { body: { filter_key: 'country', search_text: 'United', page: 1, limit: 20 } });
    expect(body.data).toEqual([{ value: 'united states', display_value: 'United States', count: 6 }]);
  });

  it('It should page over the values with no gap or repeat', async () => {
    // Act
    const first = await t.api('/v1/company/filters/values', { body: { filter_key: 'industries', page: 1, limit: 3 } });
    const second = await t.api('/v1/company/filters/values', { body: { filter_key: 'industries', page: 2, limit: 3 } });
    // Assess
    expect(first.body.data.map((v: any) => v.value)).toEqual(['software', 'healthcare', 'retail']);
    expect(first.body.has_more).toBe(true);
    expect(second.body.data.map((v: any) => v.value)).toEqual(['saas']);
    expect(second.body.has_more).toBe(false);
  });

  it('It should list text field values through their exact form', async () => {
    const { body } = await t.api('/v1/contact/filters/values', { body: { filter_key: 'title', search_text: 'soft' } });
    expect(body.data).toEqual([{ value: 'software engineer', display_value: 'Software Engineer', count: 5 }]);
  });

  it('It should show workspace B none of A\'s values, and A none of B\'s', async () => {
    const b = await t.api('/v1/company/filters/values', { body: { filter_key: 'industries' }, key: t.keys.b });
    const a = await t.api('/v1/contact/filters/values', { body: { filter_key: 'country', search_text: 'united arab' } });
    expect(b.body.data).toEqual([{ value: 'mining', display_value: 'Mining', count: 1 }]);
    expect(a.body.data).toEqual([]);
  });

  it.each([
    ['an unknown filter_key', { filter_key: 'nope' }, 'ERR_VALIDATION', 'filter_key'],
    ['a range field as filter_key', { filter_key: 'employees_count' }, 'ERR_VALIDATION', 'filter_key'],
    ['workspace_id as filter_key', { filter_key: 'workspace_id' }, 'ERR_VALIDATION', 'filter_key'],
    ['__proto__ as filter_key', { filter_key: '__proto__' }, 'ERR_VALIDATION', 'filter_key'],
    ['no filter_key', { search_text: 'x' }, 'ERR_VALIDATION', 'filter_key'],
    ['a limit over 100', { filter_key: 'city', limit: 101 }, 'ERR_VALIDATION', 'limit'],
    ['page 0', { filter_key: 'city', page: 0 }, 'ERR_VALIDATION', 'page'],
    ['a page beyond the window', { filter_key: 'city', page: 11, limit: 100 }, 'ERR_PAGE_SIZE_EXCEEDED', 'page'],
    ['an unknown field', { filter_key: 'city', where: {} }, 'ERR_VALIDATION', 'where'],
    ['an overlong search_text', { filter_key: 'city', search_text: 'x'.repeat(101) }, 'ERR_VALIDATION', 'search_text'],
  ])('It should refuse %s with a 400', async (_what, requestBody, code, path) => {
    const { status, body } = await t.api('/v1/company/filters/values', { body: requestBody });
    expect(status).toBe(400);
    expect(body.error.code).toBe(code);
    expect(body.error.details.map((d: any) => d.path)).toContain(path);
  });

  it('It should treat regex-looking search_text as plain text', async () => {
    const { status, body } = await t.api('/v1/company/filters/values', { body: { filter_key: 'industries', search_text: '.*' } });
    expect(status).toBe(200);
    expect(body.data).toEqual([]);
  });

  it('It should refuse an empty body and a non-JSON body', async () => {
    const empty = await t.api('/v1/company/filters/values', { method: 'POST', rawBody: '' });
    const broken = await t.api('/v1/company/filters/values', { rawBody: '{"filter_key":' });
    expect(empty.status).toBe(400);
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('ERR_INVALID_JSON');
  });
});

describe('autocomplete', () => {
  it('It should suggest distinct technologies by prefix, in their stored spelling', async () => {
    const { status, body } = await t.api('/v1/companies/autocomplete?field=technologies&q=python');
    expect(status).toBe(200);
    expect(body.data).toEqual([{ value: 'Python' }, { value: 'Python Django' }]);
  });

  it('It should suggest company names, keywords and industries, bounded by limit', async () => {
    const names = await t.api('/v1/companies/autocomplete?field=name&q=acme&limit=3');
    const keywords = await t.api('/v1/companies/autocomplete?field=keywords&q=intel');
    const industries = await t.api('/v1/companies/autocomplete?field=industry&q=s');
    expect(names.body.data).toEqual([{ value: 'Acme 00' }, { value: 'Acme 01' }, { value: 'Acme 02' }]);
    expect(keywords.body.data).toEqual([{ value: 'artificial intelligence' }]);
    expect(industries.body.data).toEqual([{ value: 'Software' }, { value: 'SaaS' }]);
  });

  it('It should suggest contact names, emails, companies and titles', async () => {
    const names = await t.api('/v1/contacts/autocomplete?field=name&q=john');
    const emails = await t.api('/v1/contacts/autocomplete?field=email&q=P1');
    const companies = await t.api('/v1/contacts/autocomplete?field=company&q=acme');
    const titles = await t.api('/v1/contacts/autocomplete?field=title&q=chief');
    expect(names.body.data).toEqual([{ value: 'John Doe' }]);
    expect(emails.body.data).toEqual([{ value: 'p1@acme.com' }]);
    expect(companies.body.data).toEqual([{ value: 'Acme 00' }]);
    expect(titles.body.data).toEqual([{ value: 'Chief Executive Officer' }]);
  });

  it('It should keep each workspace\'s suggestions to itself', async () => {
    const a = await t.api('/v1/companies/autocomplete?field=technologies&q=python');
    const b = await t.api('/v1/contacts/autocomplete?field=name&q=john', { key: t.keys.b });
    expect(a.body.data.map((s: any) => s.value)).not.toContain('Python Secret');
    expect(b.body.data).toEqual([{ value: 'John Secret' }]);
  });

  it.each([
    ['a field contacts do not have', '/v1/contacts/autocomplete?field=founded_year&q=19', 'field'],
    ['an unknown field', '/v1/companies/autocomplete?field=revenue&q=1', 'field'],
    ['no q', '/v1/companies/autocomplete?field=name', 'q'],
    ['a blank q', '/v1/companies/autocomplete?field=name&q=%20%20', 'q'],
    ['a limit over 50', '/v1/companies/autocomplete?field=name&q=a&limit=51', 'limit'],
    ['an unknown parameter', '/v1/companies/autocomplete?field=name&q=a&__proto__=1', '__proto__'],
  ])('It should refuse %s with ERR_VALIDATION', async (_what, path, detail) => {
    const { status, body } = await t.api(path);
    expect(status).toBe(400);
    expect(body.error.code).toBe('ERR_VALIDATION');
    expect(body.error.details.map((d: any) => d.path)).toContain(detail);
  });
});

describe('dashboard statistics', () => {
  it('It should compute every figure of workspace A exactly', async () => {
    // Act
    const { status, body } = await t.api('/v1/dashboard/stats');
    // Assess
    expect(status).toBe(200);
    expect(body.stats).toMatchObject({
      total_contacts: 10,
      verified_emails: 4,
      unverified_emails: 4,
      top_industries: [
        { industry: 'Software', count: 6 },
        { industry: 'Healthcare', count: 3 },
        { industry: 'Retail', count: 3 },
        { industry: 'SaaS', count: 3 },
      ],
      top_countries: [
        { country: 'United States', count: 6 },
        { country: 'Germany', count: 3 },
        { country: 'France', count: 1 },
      ],
      avg_employees: 65,
      total_companies: 12,
      avg_revenue: 6_500,
      total_revenue: 78_000,
      with_linkedin: 6,
      recent_contacts: 10,
    });
  });

  it('It should show workspace B only its own statistics', async () => {
    const { body } = await t.api('/v1/dashboard/stats', { key: t.keys.b });
    expect(body.stats).toMatchObject({
      total_contacts: 1,
      verified_emails: 1,
      unverified_emails: 0,
      top_industries: [{ industry: 'Mining', count: 1 }],
      top_countries: [{ country: 'United Arab Emirates', count: 1 }],
      avg_employees: 99_999,
      total_companies: 1,
      total_revenue: 99_999_999,
      with_linkedin: 0,
      recent_contacts: 1,
    });
  });
});
