import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyUuid } from '../../../functions/domain/records/ids.ts';
import { eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';
import { COMPANIES, CONTACTS, type CompanyName } from './seed-fixtures.ts';

let t: TestCloud;
const uuidOf = new Map<CompanyName, string>(COMPANIES.map((c) => [c.name, companyUuid(c.name, 'linkedin_url' in c ? c.linkedin_url : undefined)]));

const count = async (entity: 'companies' | 'contacts', where?: unknown, key?: string): Promise<number> => {
  const { status, body } = await t.api(`/v1/${entity}/count`, { body: where === undefined ? {} : { where }, key });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.count as number;
};
const search = async (entity: 'companies' | 'contacts', query: unknown) => {
  const { status, body } = await t.api(`/v1/${entity}/search`, { body: query });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.data as Record<string, any>[];
};
const list = async (path: string, key?: string) => {
  const { status, body } = await t.api(path, { key });
  expect(status, JSON.stringify(body)).toBe(200);
  return body as { count: number; next: string | null; previous: string | null; results: Record<string, any>[] };
};
const names = (rows: Record<string, any>[]) => rows.map((r) => r.name as string);
const people = (rows: Record<string, any>[]) => rows.map((r) => `${r.first_name} ${r.last_name}`);

beforeAll(async () => {
  t = await startTestCloud();
  const companies = await t.api('/v1/companies/batch-upsert', { body: COMPANIES });
  expect(companies.status, JSON.stringify(companies.body)).toBe(200);
  const contacts = CONTACTS.map(({ company, ...c }) => (company ? { ...c, company_id: uuidOf.get(company), company_name: company } : c));
  const stored = await t.api('/v1/contacts/batch-upsert', { body: contacts });
  expect(stored.status, JSON.stringify(stored.body)).toBe(200);
  await eventually(async () => (await count('companies')) === COMPANIES.length && (await count('contacts')) === CONTACTS.length, 'the seed world to be searchable', 60_000);
});

afterAll(async () => t?.stop());

describe('Connectra VQL examples', () => {
  it('It should find US technology companies about "artificial intelligence" with 100-5000 employees, largest first, with only the selected columns', async () => {
    const data = await search('companies', {
      where: {
        text_matches: { must: [{ text_value: 'artificial intelligence', filter_key: 'keywords', search_type: 'match_phrase' }] },
        keyword_match: { must: { country: ['united states'], industries: ['technology'] } },
        range_query: { must: { employees_count: { gte: 100, lte: 5000 } } },
      },
      order_by: [{ order_by: 'employees_count', order_direction: 'desc' }],
      select_columns: ['uuid', 'name', 'industries', 'employees_count', 'website'],
      limit: 25,
    });
    expect(data).toEqual([
      { uuid: uuidOf.get('Acme Corporation'), name: 'Acme Corporation', industries: ['Technology', 'Software'], employees_count: 500, website: 'https://acme.com', cursor: [500, uuidOf.get('Acme Corporation')] },
      { uuid: uuidOf.get('Deep Labs'), name: 'Deep Labs', industries: ['Technology'], employees_count: 120, website: 'https://deeplabs.ai', cursor: [120, uuidOf.get('Deep Labs')] },
    ]);
  });

  it('It should count US companies', async () => {
    expect(await count('companies', { keyword_match: { must: { country: ['united states'] } } })).toBe(7);
  });

  it('It should find senior or manager engineers and attach each one\'s company with its own columns', async () => {
    const data = await search('contacts', {
      where: { keyword_match: { must: { seniority: ['senior', 'manager'], departments: ['engineering'] } } },
      select_columns: ['uuid', 'first_name', 'last_name', 'email', 'title'],
      company_config: { populate: true, select_columns: ['uuid', 'name', 'website'] },
      limit: 25,
    });
    const byName = Object.fromEntries(data.map((r) => [`${r.first_name} ${r.last_name}`, r]));
    expect(Object.keys(byName).sort()).toEqual(['Bob Brown', 'Dave Miller', 'John Doe', 'Nora Free']);
    expect(byName['John Doe']).toMatchObject({ email: 'john.doe@acme.com', title: 'Senior Software Engineer', company: { uuid: uuidOf.get('Acme Corporation'), name: 'Acme Corporation', website: 'https://acme.com' } });
    expect(Object.keys(byName['John Doe']!).sort()).toEqual(['company', 'cursor', 'email', 'first_name', 'last_name', 'title', 'uuid']);
    expect(byName['Bob Brown']!.company).toEqual({ uuid: uuidOf.get('Initech'), name: 'Initech' });
    expect(byName['Dave Miller']!.company.name).toBe('Microsoft Corporation');
    expect(byName['Nora Free']!.company).toBeNull();
  });

  it('It should count senior contacts in the United States', async () => {
    expect(await count('contacts', { keyword_match: { must: { country: ['united states'], seniority: ['senior'] } } })).toBe(4);
  });

  it('It should run the export job\'s VQL: US contacts, three columns', async () => {
    const data = await search('contacts', { where: { keyword_match: { must: { country: ['united states'] } } }, select_columns: ['first_name', 'last_name', 'email'], limit: 1000 });
    expect(people(data).sort()).toEqual(CONTACTS.filter((c) => c.country === 'United States').map((c) => `${c.first_name} ${c.last_name}`).sort());
    for (const row of data) expect(Object.keys(row).every((k) => ['uuid', 'first_name', 'last_name', 'email', 'cursor'].includes(k))).toBe(true);
  });
});

describe('VQL clauses', () => {
  it('It should match words, phrases and phrase prefixes, must and must_not', async () => {
    const names2 = async (where: unknown) => names(await search('companies', { where, order_by: [{ order_by: 'name' }], select_columns: ['name'] })).join(', ');
    expect(await names2({ text_matches: { must: [{ filter_key: 'name', text_value: 'micro', search_type: 'match_phrase_prefix' }] } })).toBe('Microsoft Corporation');
    expect(await names2({ text_matches: { must: [{ filter_key: 'keywords', text_value: 'intelligence artificial', search_type: 'match' }] } })).toBe(
      'Acme Corporation, Deep Labs, Microsoft Corporation, Umbrella Health',
    );
    expect(await names2({ text_matches: { must: [{ filter_key: 'keywords', text_value: 'intelligence artificial', search_type: 'match_phrase' }] } })).toBe('Microsoft Corporation');
    expect(await names2({ text_matches: { must_not: [{ filter_key: 'keywords', text_value: 'saas' }] }, keyword_match: { must_not: { country: 'germany' } } })).toBe(
      'Deep Labs, Google, Initech, Microsoft Corporation',
    );
  });

  it('It should rank text matches by relevance when no order is given', async () => {
    const data = await search('companies', { where: { text_matches: { must: [{ filter_key: 'keywords', text_value: 'saas payments' }] } }, select_columns: ['name'] });
    expect(data[0]!.name).toBe('Globex');
    expect(data[0]!.cursor).toHaveLength(2);
  });

  it('It should apply gt, lt, gte, lte on numbers and dates, must and must_not', async () => {
    expect(await count('companies', { range_query: { must: { employees_count: { gt: 51, lt: 500 } } } })).toBe(3);
    expect(await count('companies', { range_query: { must_not: { founded_year: { lt: 2000 } } } })).toBe(6);
    expect(await count('companies', { range_query: { must: { created_at: { gte: '2000-01-01T00:00:00Z', lte: new Date(Date.now() + 86_400_000).toISOString() } } } })).toBe(8);
    expect(await count('companies', { range_query: { must: { created_at: { lt: '2000-01-01' } } } })).toBe(0);
  });

  it('It should filter contacts by their company\'s attributes and by presence of a field', async () => {
    const fintech = await search('contacts', { where: { keyword_match: { must: { 'company.industries': ['fintech'] } } }, order_by: [{ order_by: 'last_name' }] });
    expect(people(fintech)).toEqual(['Mary Johnson', 'Jane Smith']);
    expect(await count('contacts', { exists: { must_not: ['email'] } })).toBe(3);
    expect(await count('contacts', { range_query: { must_not: { 'company.employees_count': { gte: 1000 } } } })).toBe(5);
  });

  it('It should page with page and limit in a stable order', async () => {
    const page = async (n: number) => names(await search('companies', { order_by: [{ order_by: 'founded_year', order_direction: 'desc' }], page: n, limit: 3, select_columns: ['name'] }));
    expect([...(await page(1)), ...(await page(2)), ...(await page(3))]).toEqual(['Deep Labs', 'Globex', 'Acme Corporation', 'Tiny SaaS', 'Initech', 'Umbrella Health', 'Google', 'Microsoft Corporation']);
  });

  it('It should walk with the cursor over several sort fields, including missing values', async () => {
    const seen: string[] = [];
    let cursor: unknown[] | null = null;
    do {
      const { body }: { body: any } = await t.api('/v1/companies/search', {
        body: { order_by: [{ order_by: 'state' }, { order_by: 'annual_revenue', order_direction: 'desc' }], limit: 3, select_columns: ['name'], ...(cursor ? { cursor } : {}) },
      });
      seen.push(...names(body.data));
      cursor = body.next_cursor;
    } while (cursor);
    // state ascending, missing last; then revenue descending, missing last; then uuid.
    const noStateNoRevenue = (['Tiny SaaS', 'Umbrella Health'] as const).toSorted((a, b) => (uuidOf.get(a)! < uuidOf.get(b)! ? -1 : 1));
    expect(seen).toEqual(['Google', 'Globex', 'Acme Corporation', 'Initech', 'Microsoft Corporation', 'Deep Labs', ...noStateNoRevenue]);
  });

  it('It should keep workspaces apart', async () => {
    expect(await count('companies', undefined, t.keys.b)).toBe(0);
    expect((await list('/v1/contacts', t.keys.b)).count).toBe(0);
  });
});

describe('OutersaleBackend and Appointment360 GET filters', () => {
  it('It should filter organisations by city and employee range', async () => {
    expect(names((await list('/v1/companies?city=San%20Francisco&employeeRange=51-200')).results)).toEqual(['Globex']);
  });

  it('It should search several companies at once', async () => {
    expect(names((await list('/v1/companies?search=Microsoft,Google,Apple')).results)).toEqual(['Google', 'Microsoft Corporation']);
  });

  it('It should filter organisations by industry and keywords', async () => {
    expect(names((await list('/v1/companies?industries=technology&keywords=SaaS,cloud')).results)).toEqual(['Acme Corporation', 'Microsoft Corporation']);
  });

  it('It should find medium-sized SaaS companies founded from 2015 with a LinkedIn page', async () => {
    const page = await list('/v1/companies?employeeRange=51-200&keywords=SaaS&founded_year_min=2015&has_linkedin=true');
    expect(names(page.results)).toEqual(['Globex', 'Tiny SaaS']);
    expect(page).toMatchObject({ count: 2, next: null, previous: null });
  });

  it('It should take every organisation parameter at once, blanks ignored', async () => {
    const page = await list('/v1/companies?city=&state=california&country=United%20States&industries=&keywords=&employee_range=51-200&founded_year_min=2010&founded_year_max=2020&has_linkedin=true&search=Globex,Google');
    expect(names(page.results)).toEqual(['Globex']);
  });

  it('It should find CEOs in New York with an email', async () => {
    expect(people((await list('/v1/contacts?title=CEO&city=New%20York&has_email=true')).results)).toEqual(['Alice Wong']);
  });

  it('It should find senior engineers by company name', async () => {
    expect(people((await list('/v1/contacts?company=Microsoft&departments=engineering&seniority=senior')).results)).toEqual(['Dave Miller']);
  });

  it('It should find fintech CEOs in San Francisco with LinkedIn', async () => {
    expect(people((await list('/v1/contacts?title=CEO&company_industries=fintech&city=San%20Francisco&has_linkedin=true')).results)).toEqual(['Jane Smith']);
  });

  it('It should search contacts by name, industry and city (Appointment360)', async () => {
    expect(people((await list('/v1/contacts?name_search=john&industry=Technology&city=New+York')).results)).toEqual(['Johnny Walker']);
    expect(people((await list('/v1/contacts?name_search=john')).results)).toEqual(['John Doe', 'Mary Johnson', 'Johnny Walker']);
  });

  it('It should filter contacts by their company\'s size, revenue and technologies, and by email status', async () => {
    const page = await list('/v1/contacts?email_status=verified&min_employees=100&max_employees=1000&min_revenue=1000000&max_revenue=10000000&technologies=python');
    expect(people(page.results)).toEqual(['John Doe']);
    expect(people((await list('/v1/contacts?has_email=false&country=united%20states')).results)).toEqual(['Bob Brown', 'Nora Free', 'Carl Stone']);
  });

  it('It should page with count, next and previous URLs that work as given', async () => {
    const first = await list('/v1/companies?page_size=3&country=United%20States');
    expect(first).toMatchObject({ count: 7, previous: null });
    expect(names(first.results)).toEqual(['Acme Corporation', 'Deep Labs', 'Globex']);
    const nextUrl = new URL(first.next!);
    expect(Object.fromEntries(nextUrl.searchParams)).toEqual({ page_size: '3', country: 'United States', page: '2' });
    const second = await list(`${nextUrl.pathname}${nextUrl.search}`);
    expect(names(second.results)).toEqual(['Google', 'Initech', 'Microsoft Corporation']);
    expect(new URL(second.previous!).searchParams.get('page')).toBe('1');
    const third = await list(`${new URL(second.next!).pathname}${new URL(second.next!).search}`);
    expect(third).toMatchObject({ count: 7, next: null, results: [{ name: 'Tiny SaaS' }] });
  });
});

describe('hostile queries', () => {
  const deepArray = (depth: number): string => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
  const manyKeys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, 'x']));
  const values = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);
  const textClauses = (n: number) => Array.from({ length: n }, () => ({ filter_key: 'name', text_value: 'x' }));

  const cases: { name: string; path: string; method?: 'GET'; body?: unknown; rawBody?: string; status: number; code: string; at?: string }[] = [
    { name: 'deeply nested value', path: '/v1/companies/search', rawBody: `{"where":{"keyword_match":{"must":{"city":${deepArray(100)}}}}}`, status: 400, code: 'ERR_VALIDATION', at: 'where.keyword_match.must.city' },
    { name: 'huge must list of text clauses', path: '/v1/companies/search', body: { where: { text_matches: { must: textClauses(10_000) } } }, status: 400, code: 'ERR_VALIDATION', at: 'where.text_matches.must' },
    { name: 'huge must object of keyword filters', path: '/v1/contacts/count', body: { where: { keyword_match: { must: manyKeys(10_000) } } }, status: 400, code: 'ERR_VALIDATION', at: 'where.keyword_match.must' },
    { name: '10,000 values in one filter', path: '/v1/contacts/search', body: { where: { keyword_match: { must: { city: values(10_000) } } } }, status: 400, code: 'ERR_VALIDATION', at: 'where.keyword_match.must.city' },
    { name: '1,001 values in one GET filter', path: `/v1/contacts?city=${values(1_001).join(',')}`, method: 'GET', status: 400, code: 'ERR_VALIDATION', at: 'city' },
    { name: 'regex-looking field name', path: '/v1/companies/count', body: { where: { keyword_match: { must: { '.*(a+)+$': 'x' } } } }, status: 400, code: 'ERR_VALIDATION', at: 'where.keyword_match.must..*(a+)+$' },
    { name: 'regex-looking range bound', path: '/v1/companies/count', body: { where: { range_query: { must: { employees_count: { gte: '.*(a+)+$' } } } } }, status: 400, code: 'ERR_VALIDATION', at: 'where.range_query.must.employees_count.gte' },
    { name: 'regex-looking cursor', path: '/v1/companies/search', body: { order_by: [{ order_by: 'employees_count' }], cursor: ['.*(a+)+$', 'x'] }, status: 400, code: 'ERR_VALIDATION', at: 'cursor[0]' },
    { name: '__proto__ key in the body', path: '/v1/companies/search', rawBody: '{"where":{"keyword_match":{"must":{"__proto__":{"polluted":true}}}}}', status: 400, code: 'ERR_VALIDATION', at: '__proto__' },
    { name: 'constructor key at the top', path: '/v1/companies/search', rawBody: '{"constructor":{"prototype":{"x":1}}}', status: 400, code: 'ERR_VALIDATION' },
    { name: '__proto__ GET parameter', path: '/v1/companies?__proto__=x', method: 'GET', status: 400, code: 'ERR_VALIDATION', at: '__proto__' },
    { name: 'unknown GET parameter', path: '/v1/contacts?title=CEO&drop_table=1', method: 'GET', status: 400, code: 'ERR_VALIDATION', at: 'drop_table' },
    { name: 'huge page', path: '/v1/companies/search', body: { page: 1_000_000_000 }, status: 400, code: 'ERR_PAGE_SIZE_EXCEEDED', at: 'page' },
    { name: 'page beyond safe integers', path: '/v1/companies/search', body: { page: 1e300 }, status: 400, code: 'ERR_VALIDATION', at: 'page' },
    { name: 'huge limit', path: '/v1/contacts/search', body: { limit: 1_000_000 }, status: 400, code: 'ERR_PAGE_SIZE_EXCEEDED', at: 'limit' },
    { name: 'huge GET page', path: '/v1/contacts?page=99999999', method: 'GET', status: 400, code: 'ERR_PAGE_SIZE_EXCEEDED', at: 'page' },
    { name: 'huge GET page_size', path: '/v1/companies?page_size=100000', method: 'GET', status: 400, code: 'ERR_PAGE_SIZE_EXCEEDED', at: 'page_size' },
    { name: 'negative page', path: '/v1/companies/search', body: { page: -1 }, status: 400, code: 'ERR_VALIDATION', at: 'page' },
    { name: 'negative GET page', path: '/v1/companies?page=-1', method: 'GET', status: 400, code: 'ERR_VALIDATION', at: 'page' },
    { name: 'wrong type for where', path: '/v1/companies/search', body: { where: 'DROP TABLE' }, status: 400, code: 'ERR_VALIDATION', at: 'where' },
    { name: 'range on a keyword field', path: '/v1/companies/search', body: { where: { range_query: { must: { city: { gte: 1 } } } } }, status: 400, code: 'ERR_VALIDATION', at: 'where.range_query.must.city' },
    { name: 'internal workspace field', path: '/v1/companies/count', body: { where: { keyword_match: { must: { workspace_id: 'workspace-b' } } } }, status: 400, code: 'ERR_VALIDATION', at: 'where.keyword_match.must.workspace_id' },
    { name: 'malformed JSON', path: '/v1/companies/search', rawBody: '{"where":', status: 400, code: 'ERR_INVALID_JSON' },
  ];

  it('It should refuse a body nested deeper than the stack as invalid JSON, without the runtime\'s wording', async () => {
    const response = await t.api('/v1/companies/search', { rawBody: deepArray(200_000) });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'ERR_INVALID_JSON', message: 'The request body is not valid JSON: it is nested too deeply' });
  });

  it.each(cases)('It should refuse $name with $status $code and leak nothing', async ({ path, method, body, rawBody, status, code, at }) => {
    const response = await t.api(path, method === 'GET' ? {} : { method: 'POST', ...(rawBody !== undefined ? { rawBody } : { body }) });
    expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(status);
    expect(response.body).toMatchObject({ success: false, error: { code } });
    if (at) expect(response.body.error.details.map((d: { path: string }) => d.path)).toContain(at);
    const text = JSON.stringify(response.body);
    expect(text.length).toBeLessThan(20_000);
    expect(text).not.toMatch(/\bat .+\.(ts|js):\d+|node_modules|\/work\/|stack|opensearch|search_phase|Exception/i);
  });

  it('It should search regex-looking text literally, finding nothing rather than evaluating it', async () => {
    // Evaluated as patterns, `.*(a+)+$` and `(j|o)*` would match every seeded record: an empty
    // answer (not an error, not a timeout) is the proof they were taken as literal text.
    const data = await search('companies', { where: { text_matches: { must: [{ filter_key: 'name', text_value: '.*(a+)+$'.repeat(50), search_type: 'match_phrase' }] } } });
    expect(data).toEqual([]);
    expect(people((await list(`/v1/contacts?title=${encodeURIComponent('.*(a+)+$')}&name_search=${encodeURIComponent('(j|o)*')}`)).results)).toEqual([]);
  });
});
