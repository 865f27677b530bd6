import { describe, expect, it } from 'vitest';
import { freshPlan, planSegments, type PlanDeps, type PlanState } from '../../../../functions/domain/apollo/segments/plan-segments.ts';
import { halveRange, splitLongestList } from '../../../../functions/domain/apollo/segments/split-dimensions.ts';
import type { ApolloSearchFilters } from '../../../../functions/ports/apollo-source.port.ts';
import { ApolloSourceDouble, DOUBLE_INDUSTRIES } from '../../../helpers/apollo-source.double.ts';

const context = { workspaceId: 'ws' };

function depsOf(source: ApolloSourceDouble, industries: readonly string[] = []): PlanDeps {
  return {
    count: async (filters) => (await source.search({ entity: 'organizations', filters, page: 1, perPage: 1 }, context)).totalEntries,
    source,
    catalogues: { industries },
  };
}

async function finished(deps: PlanDeps, base: ApolloSearchFilters): Promise<PlanState> {
  let state = freshPlan();
  while (state.open.length > 0) state = await planSegments(deps, base, state, 3);
  return state;
}

/** Every organisation some segment reaches, as the double would list them. */
function reached(source: ApolloSourceDouble, base: ApolloSearchFilters, plan: PlanState): Set<string> {
  const ids = new Set<string>();
  for (const segment of plan.segments) {
    for (const org of source.matches({ ...base, ...segment.overrides }).slice(0, source.perPage * source.maxPages)) ids.add(org.id);
  }
  return ids;
}

describe('planSegments', () => {
  it('It should keep a search under the cap as one segment', async () => {
    const source = new ApolloSourceDouble({ organizations: 30, perPage: 10, maxPages: 5 });
    const plan = await finished(depsOf(source), {});
    expect(plan.segments).toEqual([{ key: 's1', overrides: {}, total: 30, pages: 3 }]);
    expect(plan.total).toBe(30);
    expect(plan.unreachable).toBe(0);
  });

  it('It should split by industry first, then employees, until every segment is under the cap, reaching every organisation', async () => {
    const source = new ApolloSourceDouble({ organizations: 600, perPage: 10, maxPages: 5 });
    const plan = await finished(depsOf(source, DOUBLE_INDUSTRIES), {});
    const cap = source.perPage * source.maxPages;
    expect(plan.total).toBe(600);
    for (const segment of plan.segments) expect(segment.total).toBeLessThanOrEqual(cap);
    expect(plan.segments.every((segment) => Array.isArray(segment.overrides.organization_industry_tag_ids))).toBe(true);
    expect(plan.segments.some((segment) => segment.overrides.organization_num_employees_ranges !== undefined)).toBe(true);
    expect(reached(source, {}, plan).size).toBe(600);
    expect(plan.unreachable).toBe(0);
  });

  it('It should split the URL own industries when no catalogue is known and halve employee ranges further', async () => {
    const source = new ApolloSourceDouble({ organizations: 800, perPage: 10, maxPages: 3 });
    const base = { organization_industry_tag_ids: ['software', 'banking'] };
    const plan = await finished(depsOf(source), base);
    const expected = source.matches(base).map((org) => org.id);
    expect(reached(source, base, plan)).toEqual(new Set(expected));
    expect(plan.segments.some((segment) => segment.overrides.organization_num_employees_ranges !== undefined)).toBe(true);
  });

  it('It should split a filter Apollo finds too long into halves', async () => {
    const source = new ApolloSourceDouble({ organizations: 100, perPage: 10, maxPages: 20, maxValuesPerFilter: 2 });
    const base = { organization_locations: ['california', 'texas', 'germany', 'mars', 'venus'] };
    const plan = await finished(depsOf(source), base);
    for (const segment of plan.segments) expect((segment.overrides.organization_locations as string[]).length).toBeLessThanOrEqual(2);
    expect(reached(source, base, plan).size).toBe(source.matches(base).length);
  });

  it('It should count what no segment can reach when a search cannot be narrowed below the cap', async () => {
    const source = new ApolloSourceDouble({ organizations: 300, perPage: 2, maxPages: 1 });
    const plan = await finished(depsOf(source), { organization_num_employees_ranges: ['5,5'] });
    const matching = source.matches({ organization_num_employees_ranges: ['5,5'] }).length;
    expect(plan.unreachable).toBe(Math.max(0, matching - 2));
  });

  it('It should stop after its budget and resume from the state it answered', async () => {
    const source = new ApolloSourceDouble({ organizations: 600, perPage: 10, maxPages: 5 });
    const deps = depsOf(source, DOUBLE_INDUSTRIES);
    const partial = await planSegments(deps, {}, freshPlan(), 1);
    expect(partial.open.length).toBeGreaterThan(0);
    const resumed = await finished(deps, {});
    let continued = partial;
    while (continued.open.length > 0) continued = await planSegments(deps, {}, JSON.parse(JSON.stringify(continued)) as PlanState, 2);
    expect(continued.segments).toEqual(resumed.segments);
  });
});

describe('split helpers', () => {
  it('It should halve ranges, open ones included, and refuse a one-value range', () => {
    expect(halveRange('1,10')).toEqual(['1,5', '6,10']);
    expect(halveRange('10001,')).toEqual(['10001,20001', '20002,']);
    expect(halveRange('7,7')).toBeUndefined();
  });

  it('It should halve the longest list', () => {
    expect(splitLongestList({ a: ['1'], b: ['1', '2', '3'] })).toEqual([{ b: ['1', '2'] }, { b: ['3'] }]);
    expect(splitLongestList({ a: ['1'] })).toBeUndefined();
  });
});
