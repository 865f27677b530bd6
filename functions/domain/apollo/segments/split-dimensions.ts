import type { ApolloFilterValue, ApolloSearchFilters } from '../../../ports/apollo-source.port.ts';

/**
 * How a search too large for the source's visible cap is cut into narrower searches: by
 * industry first, then by employee range, then by location (the seed's "industry splitting",
 * taken further). Each split yields overrides of the parent's filters.
 */

export type Overrides = Readonly<Record<string, ApolloFilterValue>>;

export const INDUSTRY_FILTER = 'organization_industry_tag_ids';
export const EMPLOYEES_FILTER = 'organization_num_employees_ranges';
export const LOCATION_FILTER = 'organization_locations';

/**
 * The head-count buckets of Apollo's own employee filter: together they cover every
 * organisation that states a head count. A bucket still over the cap is halved numerically.
 */
export const EMPLOYEE_BUCKETS = ['1,10', '11,20', '21,50', '51,100', '101,200', '201,500', '501,1000', '1001,2000', '2001,5000', '5001,10000', '10001,'] as const;

export interface SplitCatalogues {
  /**
   * Industry tag ids to split an industry-less search by. Apollo's ids are its own; when none
   * are known the industry split applies only to a URL that lists several industries.
   */
  readonly industries: readonly string[];
}

const listOf = (value: ApolloFilterValue | undefined): readonly string[] | undefined => (Array.isArray(value) ? (value as readonly string[]) : undefined);

const oneEach = (body: string, values: readonly string[]): Overrides[] => values.map((value) => ({ [body]: [value] }));

/** `min,max` → two halves; an open range doubles its floor; a one-value range cannot be cut. */
export function halveRange(range: string): string[] | undefined {
  const [minText, maxText] = range.split(',');
  const min = Number(minText || '1');
  if (maxText === undefined || maxText === '') {
    const upper = Math.max(min, 1) * 2 - 1;
    return upper > min ? [`${min},${upper}`, `${upper + 1},`] : undefined;
  }
  const max = Number(maxText);
  if (!(max > min)) return undefined;
  const mid = Math.floor((min + max) / 2);
  return [`${min},${mid}`, `${mid + 1},${max}`];
}

function industrySplit(filters: ApolloSearchFilters, catalogues: SplitCatalogues): Overrides[] | undefined {
  const industries = listOf(filters[INDUSTRY_FILTER]);
  if (industries && industries.length > 1) return oneEach(INDUSTRY_FILTER, industries);
  if (!industries && catalogues.industries.length > 1) return oneEach(INDUSTRY_FILTER, catalogues.industries);
  return undefined;
}

function employeeSplit(filters: ApolloSearchFilters): Overrides[] | undefined {
  const ranges = listOf(filters[EMPLOYEES_FILTER]);
  if (!ranges) return oneEach(EMPLOYEES_FILTER, EMPLOYEE_BUCKETS);
  if (ranges.length > 1) return oneEach(EMPLOYEES_FILTER, ranges);
  const halves = halveRange(ranges[0] as string);
  return halves ? oneEach(EMPLOYEES_FILTER, halves) : undefined;
}

function locationSplit(filters: ApolloSearchFilters): Overrides[] | undefined {
  const locations = listOf(filters[LOCATION_FILTER]);
  return locations && locations.length > 1 ? oneEach(LOCATION_FILTER, locations) : undefined;
}

/** The next cut of a search over the cap, or undefined when it cannot be narrowed further. */
export function splitSearch(filters: ApolloSearchFilters, catalogues: SplitCatalogues): Overrides[] | undefined {
  return industrySplit(filters, catalogues) ?? employeeSplit(filters) ?? locationSplit(filters);
}

/**
 * After `422 Value too long`: the longest list filter in two halves (each asked again, and
 * halved again if still too long); undefined when no list has two values to part.
 */
export function splitLongestList(filters: ApolloSearchFilters): Overrides[] | undefined {
  let longest: [string, readonly string[]] | undefined;
  for (const [body, value] of Object.entries(filters)) {
    const list = listOf(value);
    if (list && list.length > 1 && (!longest || list.length > longest[1].length)) longest = [body, list];
  }
  if (!longest) return undefined;
  const [body, list] = longest;
  const half = Math.ceil(list.length / 2);
  return [{ [body]: list.slice(0, half) }, { [body]: list.slice(half) }];
}
