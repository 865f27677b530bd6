/**
 * The one mapping from an Apollo search URL's parameters (the app's camelCase names, in the
 * fragment) to the source's request-body names (ApolloSearchFilters). The parser, the search
 * summary and the split between organisation and people searches all read this table, so a
 * parameter is declared once.
 */

/**
 * - list: repeated key (`a[]=x&a[]=y`), values kept in order, duplicates dropped;
 * - ranges: a list of `min,max` strings (`10001,` open-ended), as Apollo's body takes them;
 * - bound: one side of a `{ min, max }` object (`revenueRange[min]=1000`);
 * - text / number / boolean: one value.
 */
export type UrlParameterKind = 'list' | 'ranges' | 'bound' | 'text' | 'number' | 'boolean';

/**
 * Which search a filter narrows: the organisation search, the people search (each
 * organisation's people), or the primary search of the URL's own page (`#/companies` or
 * `#/people`), e.g. free-text keywords.
 */
export type FilterScope = 'organization' | 'person' | 'primary';

export interface UrlParameter {
  /** The request-body name. */
  readonly body: string;
  readonly kind: UrlParameterKind;
  readonly scope: FilterScope;
  /** Heading in the search summary; absent for parameters that only order results. */
  readonly label?: string;
  /** Orders or positions results rather than narrowing them: not a filter for "no filter at all". */
  readonly ordering?: boolean;
}

const list = (body: string, scope: FilterScope, label: string): UrlParameter => ({ body, kind: 'list', scope, label });
const ranges = (body: string, scope: FilterScope, label: string): UrlParameter => ({ body, kind: 'ranges', scope, label });
const bound = (body: string, scope: FilterScope, label: string): UrlParameter => ({ body, kind: 'bound', scope, label });
const text = (body: string, scope: FilterScope, label: string): UrlParameter => ({ body, kind: 'text', scope, label });

/** Keyed by the URL name without its `[]` (a bound keeps its `[min]` / `[max]`). */
export const URL_PARAMETERS: Readonly<Record<string, UrlParameter>> = {
  organizationLocations: list('organization_locations', 'organization', 'Locations'),
  organizationNotLocations: list('organization_not_locations', 'organization', 'Excluded locations'),
  organizationNumEmployeesRanges: ranges('organization_num_employees_ranges', 'organization', 'Employees'),
  organizationIndustryTagIds: list('organization_industry_tag_ids', 'organization', 'Industries'),
  organizationNotIndustryTagIds: list('organization_not_industry_tag_ids', 'organization', 'Excluded industries'),
  qOrganizationKeywordTags: list('q_organization_keyword_tags', 'organization', 'Keywords'),
  qNotOrganizationKeywordTags: list('q_not_organization_keyword_tags', 'organization', 'Excluded keywords'),
  includedOrganizationKeywordFields: list('included_organization_keyword_fields', 'organization', 'Keyword fields'),
  excludedOrganizationKeywordFields: list('excluded_organization_keyword_fields', 'organization', 'Excluded keyword fields'),
  organizationIds: list('organization_ids', 'organization', 'Organisations'),
  qOrganizationName: text('q_organization_name', 'organization', 'Organisation name'),
  'revenueRange[min]': bound('revenue_range.min', 'organization', 'Revenue'),
  'revenueRange[max]': bound('revenue_range.max', 'organization', 'Revenue'),
  'organizationFoundedYearRange[min]': bound('organization_founded_year_range.min', 'organization', 'Founded'),
  'organizationFoundedYearRange[max]': bound('organization_founded_year_range.max', 'organization', 'Founded'),
  'totalFundingRange[min]': bound('total_funding_range.min', 'organization', 'Total funding'),
  'totalFundingRange[max]': bound('total_funding_range.max', 'organization', 'Total funding'),
  organizationLatestFundingStageCd: list('organization_latest_funding_stage_cd', 'organization', 'Funding stages'),
  currentlyUsingAnyOfTechnologyUids: list('currently_using_any_of_technology_uids', 'organization', 'Technologies (any)'),
  currentlyUsingAllOfTechnologyUids: list('currently_using_all_of_technology_uids', 'organization', 'Technologies (all)'),
  currentlyNotUsingAnyOfTechnologyUids: list('currently_not_using_any_of_technology_uids', 'organization', 'Excluded technologies'),
  personTitles: list('person_titles', 'person', 'Titles'),
  personNotTitles: list('person_not_titles', 'person', 'Excluded titles'),
  personSeniorities: list('person_seniorities', 'person', 'Seniorities'),
  personDepartmentOrSubdepartments: list('person_department_or_subdepartments', 'person', 'Departments'),
  personLocations: list('person_locations', 'person', 'Person locations'),
  personNotLocations: list('person_not_locations', 'person', 'Excluded person locations'),
  contactEmailStatusV2: list('contact_email_status_v2', 'person', 'Email status'),
  qPersonName: text('q_person_name', 'person', 'Person name'),
  qKeywords: text('q_keywords', 'primary', 'Search'),
  sortByField: { body: 'sort_by_field', kind: 'text', scope: 'primary', ordering: true },
  sortAscending: { body: 'sort_ascending', kind: 'boolean', scope: 'primary', ordering: true },
};

/**
 * Parameters of the app's own view state (which saved view, which table layout, the page being
 * looked at): understood, and deliberately not sent, because a collection reads every page.
 * The answer lists them as ignored, so nothing disappears silently.
 */
export const VIEW_PARAMETERS: ReadonlySet<string> = new Set(['page', 'finderViewId', 'finderTableLayoutId', 'uniqueUrlId', 'tour', 'sortByFieldLabel']);

/** `foo[]` and `foo` name the same list parameter; a bound keeps its bracketed side. */
export const parameterKey = (name: string): string => (name.endsWith('[]') ? name.slice(0, -2) : name);
