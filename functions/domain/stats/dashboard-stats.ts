import type { RecordAnalytics } from '../../ports/record-analytics.port.ts';
import { valueSourceOf, type ValueSource } from '../filters/filter-catalog.ts';
import { readValueBuckets, valuesAggregation } from '../filters/value-buckets.ts';
import { scopedQuery } from '../vql/workspace-scope.ts';

type Dsl = Record<string, unknown>;

/** How many industries and countries the dashboard ranks. */
export const TOP_VALUES = 10;
/** Contacts created within this many days count as recent. */
export const RECENT_CONTACTS_DAYS = 30;
const DAY_MS = 86_400_000;
/** The email_status value (stored lowercase) that marks an email as verified. */
const VERIFIED = 'verified';

export interface DashboardStats {
  readonly total_contacts: number;
  /** Contacts with an email whose status is verified. */
  readonly verified_emails: number;
  /** Contacts with an email whose status is anything else, or missing. */
  readonly unverified_emails: number;
  /** Companies by industry (contacts carry no industry of their own). */
  readonly top_industries: readonly { industry: string; count: number }[];
  /** Contacts by country. */
  readonly top_countries: readonly { country: string; count: number }[];
  /** Companies by country: with top_countries, both kinds of record can be ranked by country. */
  readonly top_company_countries: readonly { country: string; count: number }[];
  /** Over companies that state a head count; null when none does. */
  readonly avg_employees: number | null;
  readonly total_companies: number;
  readonly avg_revenue: number | null;
  readonly total_revenue: number;
  /** Contacts with a LinkedIn profile URL. */
  readonly with_linkedin: number;
  /** Contacts created in the last {@link RECENT_CONTACTS_DAYS} days. */
  readonly recent_contacts: number;
  readonly recent_since: string;
}

const hasEmail = { exists: { field: 'email' } };
const verified = { term: { email_status: VERIFIED } };

const source = (entity: 'company' | 'contact', field: string): ValueSource => valueSourceOf(entity, field)!;

/** One search over contacts: the total comes from the hit count, the rest from aggregations. */
export function contactStatsBody(workspaceId: string, since: string): Dsl {
  return {
    size: 0,
    query: scopedQuery(workspaceId),
    aggs: {
      emails: {
        filters: {
          filters: {
            verified: { bool: { filter: [hasEmail, verified] } },
            unverified: { bool: { filter: [hasEmail], must_not: [verified] } },
          },
        },
      },
      with_linkedin: { filter: { exists: { field: 'linkedin_url' } } },
      recent: { filter: { range: { created_at: { gte: since } } } },
      top_countries: valuesAggregation(source('contact', 'country'), TOP_VALUES),
    },
  };
}

/** One search over companies. */
export function companyStatsBody(workspaceId: string): Dsl {
  return {
    size: 0,
    query: scopedQuery(workspaceId),
    aggs: {
      top_industries: valuesAggregation(source('company', 'industries'), TOP_VALUES),
      top_company_countries: valuesAggregation(source('company', 'country'), TOP_VALUES),
      avg_employees: { avg: { field: 'employees_count' } },
      avg_revenue: { avg: { field: 'annual_revenue' } },
      total_revenue: { sum: { field: 'annual_revenue' } },
    },
  };
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

function metric(aggregations: Readonly<Record<string, unknown>>, name: string): number | null {
  const value = (aggregations[name] as { value?: unknown } | undefined)?.value;
  return typeof value === 'number' && Number.isFinite(value) ? round2(value) : null;
}

function docCount(aggregation: unknown): number {
  return Number((aggregation as { doc_count?: unknown } | undefined)?.doc_count ?? 0);
}

export async function dashboardStats(analytics: RecordAnalytics, workspaceId: string, now: Date = new Date()): Promise<DashboardStats> {
  const since = new Date(now.getTime() - RECENT_CONTACTS_DAYS * DAY_MS).toISOString();
  const [contacts, companies] = await Promise.all([
    analytics.analyze('contact', contactStatsBody(workspaceId, since)),
    analytics.analyze('company', companyStatsBody(workspaceId)),
  ]);
  const emails = (contacts.aggregations.emails as { buckets?: Record<string, unknown> } | undefined)?.buckets ?? {};
  return {
    total_contacts: contacts.total,
    verified_emails: docCount(emails.verified),
    unverified_emails: docCount(emails.unverified),
    top_industries: readValueBuckets(source('company', 'industries'), companies.aggregations.top_industries).map((b) => ({ industry: b.display_value, count: b.count })),
    top_countries: readValueBuckets(source('contact', 'country'), contacts.aggregations.top_countries).map((b) => ({ country: b.display_value, count: b.count })),
    top_company_countries: readValueBuckets(source('company', 'country'), companies.aggregations.top_company_countries).map((b) => ({ country: b.display_value, count: b.count })),
    avg_employees: metric(companies.aggregations, 'avg_employees'),
    total_companies: companies.total,
    avg_revenue: metric(companies.aggregations, 'avg_revenue'),
    total_revenue: metric(companies.aggregations, 'total_revenue') ?? 0,
    with_linkedin: docCount(contacts.aggregations.with_linkedin),
    recent_contacts: docCount(contacts.aggregations.recent),
    recent_since: since,
  };
}
