/**
 * The field catalog: one definition per searchable field of each record type.
 *
 * It feeds the OpenSearch mappings (through lib/topology.ts), VQL validation and
 * compilation, and the `select_columns` whitelist, so a field is declared once.
 */

export const ENTITIES = ['company', 'contact', 'signal'] as const;
export type Entity = (typeof ENTITIES)[number];

/**
 * - keyword: exact values, matched case-insensitively (lowercase normalizer), sortable.
 * - text: analysed with the standard analyzer, with a `.keyword` sub-field for exact match and sort.
 * - integer/long/double: numbers, sortable, range-queryable.
 * - date: ISO-8601 timestamps, sortable, range-queryable.
 * - boolean
 */
export type FieldType = 'keyword' | 'text' | 'integer' | 'long' | 'double' | 'date' | 'boolean';

export interface FieldSpec {
  readonly type: FieldType;
  /** A list of values (stored and indexed as an array). */
  readonly array?: boolean;
  /** Lowercased by normalisation before storage (architecture guide §4). */
  readonly lowercase?: boolean;
  /** Display name in filter lists; defaults to the field name in title case. */
  readonly label?: string;
  /** false: VQL accepts the field, but filter lists do not offer it (ids, bookkeeping). */
  readonly filter?: boolean;
}

const text = (extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'text', ...extra });
const keyword = (extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'keyword', ...extra });
const lowerKeyword: FieldSpec = { type: 'keyword', lowercase: true };
const keywordList: FieldSpec = { type: 'keyword', array: true };
const date: FieldSpec = { type: 'date' };

/** Fields every record carries, whatever its type. */
const COMMON_FIELDS = {
  uuid: keyword({ filter: false }),
  workspace_id: keyword({ filter: false }),
  created_at: date,
  updated_at: date,
  version: { type: 'long', filter: false },
} as const satisfies Record<string, FieldSpec>;

export const COMPANY_FIELDS = {
  ...COMMON_FIELDS,
  name: text(),
  linkedin_url: { ...lowerKeyword, label: 'LinkedIn URL' },
  website: keyword(),
  domain: lowerKeyword,
  employees_count: { type: 'integer', label: 'Employees' },
  industries: keywordList,
  keywords: text({ array: true }),
  technologies: keywordList,
  description: text(),
  phone: keyword(),
  address: text(),
  city: lowerKeyword,
  state: lowerKeyword,
  country: lowerKeyword,
  annual_revenue: { type: 'long' },
  total_funding: { type: 'long' },
  founded_year: { type: 'integer' },
  // Website enrichment: what a company's own site says about it (provenance kept beside the record).
  legal_name: text(),
  emails: { type: 'keyword', array: true, lowercase: true },
  phones: keywordList,
  twitter_url: { ...lowerKeyword, label: 'X/Twitter URL' },
  facebook_url: { ...lowerKeyword, label: 'Facebook URL' },
  instagram_url: { ...lowerKeyword, label: 'Instagram URL' },
  youtube_url: { ...keyword(), label: 'YouTube URL' },
  github_url: { ...lowerKeyword, label: 'GitHub URL' },
  tiktok_url: { ...lowerKeyword, label: 'TikTok URL' },
  logo_url: keyword({ filter: false, label: 'Logo URL' }),
  enriched_at: { type: 'date', label: 'Enriched At' },
  // Apollo collection: the source's own id (a second identity), its growth and funding figures,
  // and the collection tasks that wrote the record (provenance VQL filters on).
  apollo_id: keyword({ filter: false, label: 'Apollo ID' }),
  headcount_growth_6m: { type: 'double', label: 'Headcount Growth (6 months)' },
  headcount_growth_12m: { type: 'double', label: 'Headcount Growth (12 months)' },
  latest_funding_stage: keyword(),
  task_ids: { type: 'keyword', array: true, filter: false, label: 'Collected By Tasks' },
} as const satisfies Record<string, FieldSpec>;

export const CONTACT_FIELDS = {
  ...COMMON_FIELDS,
  first_name: text(),
  last_name: text(),
  email: lowerKeyword,
  email_status: lowerKeyword,
  title: text(),
  seniority: { ...lowerKeyword, label: 'Seniority Level' },
  departments: keywordList,
  mobile_phone: keyword(),
  linkedin_url: { ...lowerKeyword, label: 'LinkedIn URL' },
  city: lowerKeyword,
  state: lowerKeyword,
  country: lowerKeyword,
  company_id: keyword({ filter: false }),
  company_name: text({ label: 'Company' }),
  // Apollo collection: see the company fields of the same names.
  functions: keywordList,
  apollo_id: keyword({ filter: false, label: 'Apollo ID' }),
  task_ids: { type: 'keyword', array: true, filter: false, label: 'Collected By Tasks' },
} as const satisfies Record<string, FieldSpec>;

/**
 * Buying signals from SEC 8-K filings (functions/domain/signals): stored in the records table and
 * indexed by its stream like companies and contacts, so one query path (VQL) serves them too.
 */
export const SIGNAL_FIELDS = {
  ...COMMON_FIELDS,
  ticker: keyword(),
  cik: keyword({ filter: false, label: 'CIK' }),
  company_name: text({ label: 'Company' }),
  company_id: keyword({ filter: false }),
  signal_type: keyword({ label: 'Signal Type' }),
  opportunity_type: keyword({ label: 'Opportunity Type' }),
  urgency_score: { type: 'double', label: 'Urgency' },
  estimated_value: keyword({ filter: false, label: 'Estimated Value' }),
  estimated_value_low: { type: 'long', filter: false },
  estimated_value_high: { type: 'long', filter: false },
  size_band: keyword({ label: 'Size Band' }),
  form: keyword(),
  item: keyword({ label: '8-K Item' }),
  accession_number: keyword({ filter: false }),
  filing_date: { type: 'date', label: 'Filed' },
  filing_url: keyword({ filter: false, label: 'Filing URL' }),
  excerpt: text({ filter: false }),
  saas_client_name: keyword({ label: 'SaaS Client' }),
  job_id: keyword({ filter: false }),
  generated_at: { type: 'date', label: 'Generated At' },
} as const satisfies Record<string, FieldSpec>;

export const FIELDS: Record<Entity, Readonly<Record<string, FieldSpec>>> = {
  company: COMPANY_FIELDS,
  contact: CONTACT_FIELDS,
  signal: SIGNAL_FIELDS,
};

export type CompanyField = keyof typeof COMPANY_FIELDS;
export type ContactField = keyof typeof CONTACT_FIELDS;

export function fieldSpec(entity: Entity, field: string): FieldSpec | undefined {
  return Object.hasOwn(FIELDS[entity], field) ? FIELDS[entity][field] : undefined;
}
