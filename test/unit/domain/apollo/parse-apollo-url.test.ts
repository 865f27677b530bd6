import { describe, expect, it } from 'vitest';
import { decodeComponent } from '../../../../functions/domain/apollo/search-url/decode-fragment.ts';
import { parseApolloUrl, type ParsedApolloSearch } from '../../../../functions/domain/apollo/search-url/parse-apollo-url.ts';

const HOSTS = new Set(['app.apollo.io', '127.0.0.1:4700']);

function parsed(url: string): ParsedApolloSearch {
  const outcome = parseApolloUrl(url, HOSTS);
  if (!outcome.ok) throw new Error(`expected ${url} to parse: ${outcome.message}`);
  return outcome.search;
}

function refused(url: string): string {
  const outcome = parseApolloUrl(url, HOSTS);
  if (outcome.ok) throw new Error(`expected ${url} to be refused`);
  return outcome.message;
}

describe('parseApolloUrl', () => {
  it('It should read the seed example into request-body names with its summary', () => {
    const search = parsed('https://app.apollo.io/#/companies?organizationLocations[]=California&organizationIndustryTagIds[]=tech_industry_id');
    expect(search.page).toBe('companies');
    expect(search.filters).toEqual({ organization_locations: ['California'], organization_industry_tag_ids: ['tech_industry_id'] });
    expect(search.summary).toBe('Locations: California; Industries: tech_industry_id');
    expect(search.narrowed).toBe(true);
    expect(search.unrecognized).toEqual([]);
  });

  const cases: { name: string; url: string; filters: Record<string, unknown> }[] = [
    {
      name: 'repeated keys with %5B%5D brackets and %20 spaces',
      url: 'https://app.apollo.io/#/companies?organizationLocations%5B%5D=United%20States&organizationLocations%5B%5D=New%20York%2C%20US',
      filters: { organization_locations: ['United States', 'New York, US'] },
    },
    {
      name: 'employee ranges as %2C, an open range and a duplicate',
      url: 'https://app.apollo.io/#/companies?organizationNumEmployeesRanges[]=11%2C50&organizationNumEmployeesRanges[]=10001%2C&organizationNumEmployeesRanges[]=11,50',
      filters: { organization_num_employees_ranges: ['11,50', '10001,'] },
    },
    {
      name: 'a double-encoded URL (%2520, %255B%255D, %252C)',
      url: 'https://app.apollo.io/#/companies?organizationLocations%255B%255D=San%2520Francisco&organizationNumEmployeesRanges%255B%255D=51%252C200',
      filters: { organization_locations: ['San Francisco'], organization_num_employees_ranges: ['51,200'] },
    },
    {
      name: 'revenue and founded-year bounds, keywords with their fields, technologies',
      url: 'https://app.apollo.io/#/companies?revenueRange[min]=1000000&revenueRange[max]=50000000&organizationFoundedYearRange[min]=2015&qOrganizationKeywordTags[]=SaaS&qOrganizationKeywordTags[]=cloud&includedOrganizationKeywordFields[]=tags&includedOrganizationKeywordFields[]=name&currentlyUsingAnyOfTechnologyUids[]=salesforce&organizationIds[]=5f2a&sortByField=recommendations_score&sortAscending=false&page=3',
      filters: {
        revenue_range: { min: 1_000_000, max: 50_000_000 },
        organization_founded_year_range: { min: 2015 },
        q_organization_keyword_tags: ['SaaS', 'cloud'],
        included_organization_keyword_fields: ['tags', 'name'],
        currently_using_any_of_technology_uids: ['salesforce'],
        organization_ids: ['5f2a'],
        sort_by_field: 'recommendations_score',
        sort_ascending: false,
      },
    },
    {
      name: 'a people URL with titles, seniorities, departments, locations and email status',
      url: 'https://app.apollo.io/#/people?personTitles[]=ceo&personTitles[]=founder&personSeniorities[]=c_suite&personDepartmentOrSubdepartments[]=engineering_technical&personLocations[]=Germany&personNotLocations[]=Berlin&organizationNotLocations[]=France&contactEmailStatusV2[]=verified&qKeywords=fintech&organizationLocations[]=Europe',
      filters: {
        person_titles: ['ceo', 'founder'],
        person_seniorities: ['c_suite'],
        person_department_or_subdepartments: ['engineering_technical'],
        person_locations: ['Germany'],
        person_not_locations: ['Berlin'],
        organization_not_locations: ['France'],
        contact_email_status_v2: ['verified'],
        q_keywords: 'fintech',
        organization_locations: ['Europe'],
      },
    },
    {
      name: 'keys without [] and a + kept as a plus',
      url: 'https://app.apollo.io/#/companies?qOrganizationKeywordTags=c++&organizationLocations=Texas',
      filters: { q_organization_keyword_tags: ['c++'], organization_locations: ['Texas'] },
    },
    {
      name: 'the local fake on loopback with a port',
      url: 'http://127.0.0.1:4700/#/companies?organizationIndustryTagIds[]=ind_software',
      filters: { organization_industry_tag_ids: ['ind_software'] },
    },
  ];
  for (const { name, url, filters } of cases) {
    it(`It should parse ${name}`, () => {
      expect(parsed(url).filters).toEqual(filters);
    });
  }

  it('It should split filters between the organisation search and the people search by the URL page', () => {
    const people = parsed('https://app.apollo.io/#/people?personTitles[]=ceo&qKeywords=fintech&organizationLocations[]=Europe');
    expect(people.organizationFilters).toEqual({ organization_locations: ['Europe'] });
    expect(people.personFilters).toEqual({ person_titles: ['ceo'], q_keywords: 'fintech' });
    const companies = parsed('https://app.apollo.io/#/companies?personTitles[]=ceo&qKeywords=fintech&sortByField=name');
    expect(companies.organizationFilters).toEqual({ q_keywords: 'fintech', sort_by_field: 'name' });
    expect(companies.personFilters).toEqual({ person_titles: ['ceo'] });
  });

  it('It should list parameters it does not understand and the view state it ignores, never dropping them silently', () => {
    const search = parsed('https://app.apollo.io/#/companies?organizationLocations[]=Ohio&organizationHeadcountGrowth[]=10&page=2&finderViewId=abc&organizationHeadcountGrowth[]=20');
    expect(search.unrecognized).toEqual(['organizationHeadcountGrowth']);
    expect(search.ignored).toEqual(['page', 'finderViewId']);
    expect(search.filters).toEqual({ organization_locations: ['Ohio'] });
  });

  it('It should say a URL with only ordering or people filters does not narrow the organisations', () => {
    expect(parsed('https://app.apollo.io/#/companies?sortByField=name&page=1').narrowed).toBe(false);
    expect(parsed('https://app.apollo.io/#/people?personTitles[]=cto').narrowed).toBe(false);
    expect(parsed('https://app.apollo.io/#/companies').summary).toBe('All organisations');
  });

  it('It should summarise ranges and long lists readably', () => {
    const search = parsed('https://app.apollo.io/#/companies?organizationNumEmployeesRanges[]=1,10&organizationNumEmployeesRanges[]=10001,&organizationLocations[]=a&organizationLocations[]=b&organizationLocations[]=c&organizationLocations[]=d&organizationLocations[]=e&organizationLocations[]=f&revenueRange[min]=5');
    expect(search.summary).toBe('Locations: a, b, c, d, e (+1 more); Employees: 1-10, 10001+; Revenue: 5+');
  });

  const bad: { name: string; url: string; says: RegExp }[] = [
    { name: 'another host', url: 'https://evil.example/#/companies?organizationLocations[]=x', says: /not Apollo's app/ },
    { name: 'a look-alike host', url: 'https://app.apollo.io.evil.example/#/companies?organizationLocations[]=x', says: /not Apollo's app/ },
    { name: 'a loopback port that is not the fake', url: 'http://127.0.0.1:9999/#/companies?organizationLocations[]=x', says: /not Apollo's app/ },
    { name: 'not a URL', url: 'apollo companies in texas', says: /Not a URL/ },
    { name: 'another scheme', url: 'ftp://app.apollo.io/#/companies', says: /http/ },
    { name: 'another app page', url: 'https://app.apollo.io/#/sequences?x=1', says: /companies/ },
    { name: 'a broken escape', url: 'https://app.apollo.io/#/companies?organizationLocations[]=Cal%ZZifornia', says: /Malformed encoding/ },
    { name: 'bytes that are not UTF-8', url: 'https://app.apollo.io/#/companies?organizationLocations[]=%E0%A4%A', says: /Malformed encoding/ },
    { name: 'a range that is not min,max', url: 'https://app.apollo.io/#/companies?organizationNumEmployeesRanges[]=lots', says: /min,max/ },
    { name: 'a range upside down', url: 'https://app.apollo.io/#/companies?organizationNumEmployeesRanges[]=50,10', says: /minimum above/ },
    { name: 'a bound that is not a number', url: 'https://app.apollo.io/#/companies?revenueRange[min]=ten', says: /number/ },
    { name: 'a boolean that is not one', url: 'https://app.apollo.io/#/companies?sortAscending=yes', says: /true or false/ },
  ];
  for (const { name, url, says } of bad) {
    it(`It should refuse ${name}`, () => {
      expect(refused(url)).toMatch(says);
    });
  }
});

describe('decodeComponent', () => {
  it('It should decode once, twice when %25 proves a second layer, and keep a literal percent', () => {
    expect(decodeComponent('New%20York')).toEqual({ ok: true, value: 'New York' });
    expect(decodeComponent('New%2520York')).toEqual({ ok: true, value: 'New York' });
    expect(decodeComponent('100%25')).toEqual({ ok: true, value: '100%' });
    expect(decodeComponent('Z%C3%BCrich')).toEqual({ ok: true, value: 'Zürich' });
    expect(decodeComponent('%G1').ok).toBe(false);
  });
});
