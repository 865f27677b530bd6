import {
  ApolloSourceError,
  type ApolloCallContext,
  type ApolloRawRecord,
  type ApolloSearchPage,
  type ApolloSearchRequest,
  type ApolloSource,
} from '../../functions/ports/apollo-source.port.ts';

/**
 * An in-memory Apollo for domain tests, honest to the port: searches filter a deterministic
 * dataset, totals count every match while only perPage × maxPages rows are visible, pages
 * repeat rows the way Apollo does, a list filter with too many values is `VALUE_TOO_LONG`, and
 * rate limits and session expiry can be scheduled. Its dataset is the ground truth tests compare with.
 */

export const DOUBLE_INDUSTRIES = ['software', 'banking', 'retail', 'biotech'] as const;
export const DOUBLE_LOCATIONS = ['california', 'texas', 'germany'] as const;

export interface DoubleOptions {
  readonly organizations?: number;
  readonly peoplePerOrganization?: number;
  readonly perPage?: number;
  readonly maxPages?: number;
  /** A list filter with more values than this is refused as too long. */
  readonly maxValuesPerFilter?: number;
  /** Every page after the first repeats the previous page's last row (Apollo's duplicates). */
  readonly repeatRows?: boolean;
}

type Fault = { readonly code: 'RATE_LIMITED'; readonly retryAfterMs: number } | { readonly code: 'SESSION_EXPIRED' } | { readonly code: 'UNAVAILABLE' };

interface Org extends ApolloRawRecord {
  readonly name: string;
  readonly industry: string;
  readonly estimated_num_employees: number;
  readonly state: string;
}

const numberFrom = (seed: number): number => (Math.imul(seed ^ 0x9e3779b9, 2654435761) >>> 0) % 100_000;

function makeOrg(i: number): Org {
  const n = numberFrom(i);
  return {
    id: `org${String(i).padStart(6, '0')}`,
    name: `Org ${i}`,
    website_url: `https://org${i}.example`,
    linkedin_url: `https://www.linkedin.com/company/org${i}`,
    industry: DOUBLE_INDUSTRIES[n % DOUBLE_INDUSTRIES.length] as string,
    estimated_num_employees: 1 + (n % 20_000),
    state: DOUBLE_LOCATIONS[(n >> 3) % DOUBLE_LOCATIONS.length] as string,
    founded_year: 1950 + (n % 70),
  };
}

const inRange = (value: number, range: string): boolean => {
  const [min, max] = range.split(',');
  return value >= Number(min || 0) && (max === undefined || max === '' || value <= Number(max));
};

export class ApolloSourceDouble implements ApolloSource {
  readonly kind = 'api' as const;
  readonly perPage: number;
  readonly maxPages: number;
  readonly organizations: readonly Org[];
  readonly requests: ApolloSearchRequest[] = [];
  private readonly faults: Fault[] = [];
  private readonly options: Required<DoubleOptions>;
  closed = 0;

  constructor(options: DoubleOptions = {}) {
    this.options = { organizations: 500, peoplePerOrganization: 3, perPage: 10, maxPages: 5, maxValuesPerFilter: 50, repeatRows: true, ...options };
    this.perPage = this.options.perPage;
    this.maxPages = this.options.maxPages;
    this.organizations = Array.from({ length: this.options.organizations }, (_, i) => makeOrg(i + 1));
  }

  /** The next searches fail with these, in order. */
  failNext(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  peopleOf(orgId: string): ApolloRawRecord[] {
    return Array.from({ length: this.options.peoplePerOrganization }, (_, i) => ({
      id: `${orgId}-p${i + 1}`,
      first_name: `First${i + 1}`,
      last_name: `Of ${orgId}`,
      title: i === 0 ? 'CEO' : 'Engineer',
      seniority: i === 0 ? 'c_suite' : 'entry',
      email_status: 'verified',
      organization_id: orgId,
      linkedin_url: `https://www.linkedin.com/in/${orgId}-p${i + 1}`,
      employment_history: [{ organization_name: orgId, title: 'CEO', current: true }],
    }));
  }

  matches(filters: ApolloSearchRequest['filters']): Org[] {
    const industries = filters.organization_industry_tag_ids as readonly string[] | undefined;
    const ranges = filters.organization_num_employees_ranges as readonly string[] | undefined;
    const locations = filters.organization_locations as readonly string[] | undefined;
    return this.organizations.filter(
      (org) =>
        (!industries || industries.includes(org.industry)) &&
        (!ranges || ranges.some((range) => inRange(org.estimated_num_employees, range))) &&
        (!locations || locations.includes(org.state)),
    );
  }

  async search(request: ApolloSearchRequest, _context: ApolloCallContext): Promise<ApolloSearchPage> {
    this.requests.push(request);
    const fault = this.faults.shift();
    if (fault) throw new ApolloSourceError(fault.code, `double: ${fault.code}`, fault.code === 'RATE_LIMITED' ? fault.retryAfterMs : undefined);
    for (const [name, value] of Object.entries(request.filters)) {
      if (Array.isArray(value) && value.length > this.options.maxValuesPerFilter) throw new ApolloSourceError('VALUE_TOO_LONG', `Value too long: ${name}`);
    }
    const all = request.entity === 'people' ? this.peopleMatching(request.filters) : this.matches(request.filters);
    const visible = all.slice(0, this.perPage * this.maxPages);
    const start = (request.page - 1) * request.perPage;
    let records: ApolloRawRecord[] = visible.slice(start, start + request.perPage);
    if (this.options.repeatRows && request.entity === 'organizations' && request.page > 1 && start < visible.length && request.perPage > 1) {
      records = [visible[start - 1] as ApolloRawRecord, ...records.slice(0, -1), ...records.slice(-1)];
    }
    return { records, page: request.page, perPage: request.perPage, totalEntries: all.length, totalPages: Math.ceil(all.length / request.perPage) };
  }

  private peopleMatching(filters: ApolloSearchRequest['filters']): ApolloRawRecord[] {
    const ids = (filters.organization_ids as readonly string[] | undefined) ?? [];
    return ids.flatMap((id) => this.peopleOf(id));
  }

  async close(): Promise<void> {
    this.closed += 1;
  }
}
