import { describe, expect, it } from 'vitest';
import { apolloDataset, organizationId } from '../../../../../lib/local/fakes/apollo/apollo-dataset.ts';
import { isFilterProblem, mergeParams, parseFilters, type ApolloFilters } from '../../../../../lib/local/fakes/apollo/apollo-filters.ts';
import { apolloGroundTruth } from '../../../../../lib/local/fakes/apollo/apollo-ground-truth.ts';
import { matchOrganizations } from '../../../../../lib/local/fakes/apollo/apollo-match.ts';
import { organizationRecord } from '../../../../../lib/local/fakes/apollo/apollo-organization.record.ts';
import { API_DISPLAY_CAP, APP_DISPLAY_CAP, displayedLength, pageWindow, searchOrganizations } from '../../../../../lib/local/fakes/apollo/apollo-search.ts';
import { APOLLO_INDUSTRIES } from '../../../../../lib/local/fakes/apollo/apollo-vocabulary.ts';

const SEED = 'unit-search';
const COUNT = 5_000;
const dataset = apolloDataset(SEED, COUNT);
const records = Array.from({ length: COUNT }, (_, row) => organizationRecord(dataset, row));

const filtersOf = (params: Record<string, unknown>, max = 100): ApolloFilters => {
  const parsed = parseFilters(mergeParams(new URLSearchParams(), params), max);
  if (isFilterProblem(parsed)) throw new Error(`${parsed.kind} ${parsed.param}`);
  return parsed;
};

type Org = (typeof records)[number];
/** An independent reading of the documented semantics over the rendered JSON. */
const bruteForce = (keep: (org: Org) => boolean): string[] => records.filter(keep).map((org) => String(org.id));
const located = (org: Org, value: string): boolean => [org.city, org.state, org.country].some((field) => String(field).toLowerCase() === value);

describe('the fake Apollo search', () => {
  it('It should match exactly the organisations the documented filters describe', () => {
    const software = APOLLO_INDUSTRIES.find((industry) => industry.name === 'computer software')!;
    const cases: [Record<string, unknown>, (org: Org) => boolean][] = [
      [{ organization_locations: ['california'] }, (org) => org.state === 'California'],
      [{ organization_locations: ['texas', 'london'] }, (org) => located(org, 'texas') || located(org, 'london')],
      [{ organization_locations: ['united states'], organization_not_locations: ['new york'] }, (org) => org.country === 'United States' && org.state !== 'New York' && org.city !== 'New York'],
      [{ organization_num_employees_ranges: ['11,50', '1001,'] }, (org) => { const n = Number(org.estimated_num_employees); return (n >= 11 && n <= 50) || n >= 1001; }],
      [{ organization_industry_tag_ids: [software.tagId], organization_locations: ['germany'] }, (org) => org.industry === software.name && org.country === 'Germany'],
      [{ revenue_range: { min: 1_000_000, max: 5_000_000 } }, (org) => typeof org.annual_revenue === 'number' && org.annual_revenue >= 1e6 && org.annual_revenue <= 5e6],
      [{ currently_using_any_of_technology_uids: ['stripe', 'shopify'] }, (org) => (org.current_technologies as { uid: string }[]).some((t) => t.uid === 'stripe' || t.uid === 'shopify')],
      [{ q_organization_keyword_tags: ['saas'] }, (org) => (org.keywords as string[]).includes('saas')],
      [{ q_organization_name: 'labs' }, (org) => String(org.name).toLowerCase().includes('labs')],
      [{ organization_ids: [records[3]!.id, records[42]!.id] }, (org) => org.id === records[3]!.id || org.id === records[42]!.id],
    ];
    for (const [params, keep] of cases) {
      const expected = bruteForce(keep);
      expect(Array.from(matchOrganizations(dataset, filtersOf(params)), (row) => organizationId(dataset, row)), JSON.stringify(params)).toEqual(expected);
      expect(expected.length, JSON.stringify(params)).toBeGreaterThan(0);
    }
  });

  it('It should read query-string parameters the way Apollo documents them, and the ground truth likewise', () => {
    const query = new URLSearchParams('organization_locations[]=California&organization_num_employees_ranges[]=51,200&revenue_range[min]=1000');
    const fromQuery = apolloGroundTruth({ seed: SEED, organizationCount: COUNT, params: query });
    const fromBody = apolloGroundTruth({ seed: SEED, organizationCount: COUNT, params: { organization_locations: ['california'], organization_num_employees_ranges: ['51,200'], revenue_range: { min: 1000 } } });

    expect(fromQuery.ids).toEqual(fromBody.ids);
    expect(fromQuery.total).toBe(bruteForce((org) => org.state === 'California' && Number(org.estimated_num_employees) >= 51 && Number(org.estimated_num_employees) <= 200 && typeof org.annual_revenue === 'number' && org.annual_revenue >= 1000).length);
  });

  it('It should refuse a list over the knob with "too long", and a malformed range as invalid', () => {
    const many = Array.from({ length: 11 }, (_, i) => `title ${i}`);

    expect(parseFilters({ person_titles: many }, 10)).toEqual({ kind: 'too-long', param: 'person_titles' });
    expect(isFilterProblem(parseFilters({ person_titles: many.slice(0, 10) }, 10))).toBe(false);
    expect(parseFilters({ q_keywords: 'x'.repeat(300) }, 10)).toEqual({ kind: 'too-long', param: 'q_keywords' });
    expect(parseFilters({ organization_num_employees_ranges: ['1-10'] }, 10)).toEqual({ kind: 'invalid', param: 'organization_num_employees_ranges' });
    expect(parseFilters({ organization_locations: { nested: true } }, 10)).toEqual({ kind: 'invalid', param: 'organization_locations' });
  });

  it('It should repeat a row of the previous page at a fixed share, and still show every match once the pages are read', () => {
    const matched = 1_000;
    const seen: number[] = [];
    let repeats = 0;
    for (let page = 1; ; page += 1) {
      const window = pageWindow(matched, { page, perPage: 25 }, APP_DISPLAY_CAP, 50);
      if (window.indices.length === 0) break;
      const earlier = new Set(seen);
      for (const index of window.indices) {
        if (earlier.has(index)) repeats += 1;
        seen.push(index);
      }
    }

    expect(displayedLength(matched, 50)).toBe(1_020);
    expect(seen).toHaveLength(1_020);
    expect(repeats).toBe(20);
    expect(new Set(seen).size).toBe(matched);
  });

  it('It should cap the API at 500 pages of 100 and the app at 100 pages of 25, reporting the uncapped total', () => {
    const api = pageWindow(60_000, { page: 501, perPage: 100 }, API_DISPLAY_CAP, 0);
    const lastApi = pageWindow(60_000, { page: 500, perPage: 500 }, API_DISPLAY_CAP, 0);
    const app = pageWindow(5_000, { page: 100, perPage: 100 }, APP_DISPLAY_CAP, 0);
    const pastApp = pageWindow(5_000, { page: 101 }, APP_DISPLAY_CAP, 0);

    expect(api.indices).toEqual([]);
    expect(api.totalEntries).toBe(60_000);
    expect(lastApi).toMatchObject({ perPage: 100, totalPages: 600 });
    expect(lastApi.indices).toHaveLength(100);
    expect(app.indices).toHaveLength(25);
    expect(app.indices.at(-1)).toBe(2_499);
    expect(pastApp.indices).toEqual([]);
  });

  it("It should answer Organization Search in Apollo's shape", () => {
    const answer = searchOrganizations({ dataset, filters: filtersOf({ organization_locations: ['california'] }), paging: { page: 2, perPage: 10 }, cap: API_DISPLAY_CAP, repeatEvery: 0 });
    const truth = apolloGroundTruth({ seed: SEED, organizationCount: COUNT, params: { organization_locations: ['california'] }, repeatEvery: 0 });

    expect(answer.pagination).toEqual({ page: 2, per_page: 10, total_entries: truth.total, total_pages: Math.ceil(truth.total / 10) });
    expect((answer.organizations as { id: string }[]).map((org) => org.id)).toEqual(truth.ids.slice(10, 20));
    expect(answer.model_ids).toEqual(truth.ids.slice(10, 20));
    expect(answer.breadcrumbs).toEqual([expect.objectContaining({ signal_field_name: 'organization_locations', value: 'california' })]);
  });
});
