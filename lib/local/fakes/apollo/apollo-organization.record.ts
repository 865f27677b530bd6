/**
 * One organisation as Apollo's JSON shows it (the fields of Organization Search and Enrichment),
 * built from the dataset's columns when an answer needs it.
 */
import { hasFunding, organizationId, organizationKeywords, type ApolloDataset } from './apollo-dataset.ts';
import { hex, mix32 } from './apollo-random.ts';
import { APOLLO_INDUSTRIES, APOLLO_PLACES, APOLLO_TECHNOLOGIES, FUNDING_STAGES, type Place } from './apollo-vocabulary.ts';

export type Json = Record<string, unknown>;

const STREETS = ['Market St', 'Main St', 'Mission St', 'Broadway', 'High St', 'King St', 'Park Ave', 'Oak St', 'Elm St', 'Harbor Blvd', 'Station Rd', 'Queen St'];

export const placeOf = (dataset: ApolloDataset, row: number): Place => APOLLO_PLACES[dataset.place[row] ?? 0] as Place;

const printed = (amount: number): string => {
  if (amount >= 1e9) return `${Math.round(amount / 1e8) / 10}B`;
  if (amount >= 1e6) return `${Math.round(amount / 1e5) / 10}M`;
  return `${Math.round(amount / 1e2) / 10}K`;
};

const phoneOf = (dataset: ApolloDataset, row: number, place: Place): { number: string; sanitized: string } => {
  // Ten digits whose first is 2-9, as a national number's first digit is.
  const digits = `${(mix32(dataset.seedHash, 10, row) % 8) + 2}${String(mix32(dataset.seedHash, 11, row) % 1e9).padStart(9, '0')}`;
  const number = `${place.phonePrefix} ${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  return { number, sanitized: `${place.phonePrefix}${digits}` };
};

export const technologiesOf = (dataset: ApolloDataset, row: number): typeof APOLLO_TECHNOLOGIES => {
  const bits = dataset.technologies[row] ?? 0;
  return APOLLO_TECHNOLOGIES.filter((_, bit) => (bits >>> bit) & 1);
};

const addressOf = (dataset: ApolloDataset, row: number, place: Place): Json => {
  const street = `${(mix32(dataset.seedHash, 12, row) % 900) + 100} ${STREETS[mix32(dataset.seedHash, 13, row) % STREETS.length] ?? 'Main St'}`;
  const postal = `${place.postalPrefix}${String(mix32(dataset.seedHash, 14, row) % 100).padStart(2, '0')}`;
  return {
    raw_address: `${street}, ${place.city}, ${place.state} ${postal}, ${place.countryCode}`,
    street_address: street,
    city: place.city,
    state: place.state,
    postal_code: postal,
    country: place.country,
  };
};

const fundingOf = (dataset: ApolloDataset, row: number): Json => {
  if (!hasFunding(dataset, row)) {
    return { total_funding: null, total_funding_printed: null, latest_funding_round_date: null, latest_funding_stage: null, funding_events: [] };
  }
  const total = dataset.totalFunding[row] ?? 0;
  const year = Math.min(2024, (dataset.founded[row] ?? 2000) + 1 + (mix32(dataset.seedHash, 15, row) % 8));
  const date = `${year}-${String((mix32(dataset.seedHash, 16, row) % 12) + 1).padStart(2, '0')}-01T00:00:00.000+00:00`;
  const stage = FUNDING_STAGES[dataset.fundingStage[row] ?? 0] ?? 'Seed';
  return {
    total_funding: total,
    total_funding_printed: printed(total),
    latest_funding_round_date: date,
    latest_funding_stage: stage,
    funding_events: [{ id: hex(mix32(dataset.seedHash, 17, row), 8).padEnd(24, '0'), date, type: stage, investors: null, amount: printed(total), currency: '$' }],
  };
};

/** The short form Apollo embeds in a person (`person.organization`). */
export const organizationSummary = (dataset: ApolloDataset, row: number): Json => {
  const place = placeOf(dataset, row);
  const industry = APOLLO_INDUSTRIES[dataset.industry[row] ?? 0];
  const domain = dataset.domains[row] ?? '';
  return {
    id: organizationId(dataset, row),
    name: dataset.names[row],
    website_url: `http://www.${domain}`,
    linkedin_url: `http://www.linkedin.com/company/${domain.split('.')[0]}`,
    primary_domain: domain,
    industry: industry?.name ?? null,
    estimated_num_employees: dataset.employees[row],
    city: place.city,
    state: place.state,
    country: place.country,
  };
};

/** The full record, as Organization Search and the app's company table receive it. */
export const organizationRecord = (dataset: ApolloDataset, row: number): Json => {
  const place = placeOf(dataset, row);
  const industry = APOLLO_INDUSTRIES[dataset.industry[row] ?? 0];
  const domain = dataset.domains[row] ?? '';
  const handle = domain.split('.')[0] ?? domain;
  const phone = phoneOf(dataset, row, place);
  const revenue = dataset.revenue[row] ?? Number.NaN;
  const technologies = technologiesOf(dataset, row);
  return {
    id: organizationId(dataset, row),
    name: dataset.names[row],
    website_url: `http://www.${domain}`,
    blog_url: null,
    angellist_url: null,
    linkedin_url: `http://www.linkedin.com/company/${handle}`,
    twitter_url: `https://twitter.com/${handle}`,
    facebook_url: `https://facebook.com/${handle}`,
    primary_phone: { number: phone.number, source: 'Scraped', sanitized_number: phone.sanitized },
    phone: phone.number,
    sanitized_phone: phone.sanitized,
    languages: [],
    founded_year: dataset.founded[row],
    logo_url: null,
    primary_domain: domain,
    industry: industry?.name ?? null,
    industries: industry ? [industry.name] : [],
    industry_tag_id: industry?.tagId ?? null,
    keywords: organizationKeywords(dataset, row),
    estimated_num_employees: dataset.employees[row],
    organization_headcount_six_month_growth: dataset.growth[row],
    annual_revenue: Number.isNaN(revenue) ? null : revenue,
    annual_revenue_printed: Number.isNaN(revenue) ? null : printed(revenue),
    ...addressOf(dataset, row, place),
    ...fundingOf(dataset, row),
    technology_names: technologies.map((technology) => technology.name),
    current_technologies: technologies.map((technology) => ({ ...technology })),
    owned_by_organization_id: null,
  };
};
