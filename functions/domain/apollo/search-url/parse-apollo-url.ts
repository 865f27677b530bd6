import type { ApolloFilterValue, ApolloSearchFilters } from '../../../ports/apollo-source.port.ts';
import { splitFragment, type FragmentPair } from './decode-fragment.ts';
import { searchSummary } from './search-summary.ts';
import { parameterKey, URL_PARAMETERS, VIEW_PARAMETERS, type UrlParameter } from './url-parameters.ts';

/** The app page the URL was copied from: its search is the collection's primary one. */
export type ApolloUrlPage = 'companies' | 'people';

export interface ParsedApolloSearch {
  readonly page: ApolloUrlPage;
  /** Every understood filter, in the source's request-body names. */
  readonly filters: ApolloSearchFilters;
  /** What the organisation search sends. */
  readonly organizationFilters: ApolloSearchFilters;
  /** What each organisation's people search sends (beside `organization_ids`). */
  readonly personFilters: ApolloSearchFilters;
  /** Parameters the collector does not understand, by their URL name: reported, never sent. */
  readonly unrecognized: readonly string[];
  /** The app's view state (page, saved view): understood and deliberately not sent. */
  readonly ignored: readonly string[];
  /** True when a filter narrows the organisation search (ordering alone does not): else it would collect everything. */
  readonly narrowed: boolean;
  readonly summary: string;
}

export type ParseOutcome = { readonly ok: true; readonly search: ParsedApolloSearch } | { readonly ok: false; readonly message: string };

/** Longest URL accepted: far above any real search, far below what a request body may carry. */
export const MAX_APOLLO_URL_LENGTH = 16_384;
/** Values one list parameter may carry; beyond it the URL is not one the app produced. */
export const MAX_VALUES_PER_PARAMETER = 1_000;

const PAGES: Readonly<Record<string, ApolloUrlPage>> = { '/companies': 'companies', '/organizations': 'companies', '/people': 'people' };
const RANGE = /^(\d*),(\d*)$/;

const fail = (message: string): ParseOutcome => ({ ok: false, message });

/** `host` or `host:port`, lowercased: how allowed hosts are written in configuration. */
export const hostKeyOf = (url: URL): string => url.host.toLowerCase();

function parseRange(name: string, value: string): string | { error: string } {
  const match = RANGE.exec(value.replace(/\s+/g, ''));
  if (!match || (match[1] === '' && match[2] === '')) return { error: `${name} takes ranges written min,max (e.g. 11,50 or 10001,); got "${value.slice(0, 40)}"` };
  const [min, max] = [match[1] === '' ? undefined : Number(match[1]), match[2] === '' ? undefined : Number(match[2])];
  if (min !== undefined && max !== undefined && min > max) return { error: `${name} range ${value} has its minimum above its maximum` };
  return `${min ?? ''},${max ?? ''}`;
}

type Accumulator = Record<string, ApolloFilterValue>;

function addValue(acc: Accumulator, name: string, spec: UrlParameter, value: string): string | undefined {
  const trimmed = value.trim();
  if (spec.kind === 'list' || spec.kind === 'ranges') {
    if (trimmed === '') return undefined;
    const item = spec.kind === 'ranges' ? parseRange(name, trimmed) : trimmed;
    if (typeof item !== 'string') return item.error;
    const existing = (acc[spec.body] as string[] | undefined) ?? [];
    if (!existing.includes(item)) acc[spec.body] = [...existing, item];
    return existing.length >= MAX_VALUES_PER_PARAMETER ? `${name} carries more than ${MAX_VALUES_PER_PARAMETER} values` : undefined;
  }
  if (spec.kind === 'bound') {
    if (trimmed === '') return undefined;
    const number = Number(trimmed.replace(/,/g, ''));
    if (!Number.isFinite(number)) return `${name} must be a number; got "${trimmed.slice(0, 40)}"`;
    const [object, side] = spec.body.split('.') as [string, 'min' | 'max'];
    acc[object] = { ...(acc[object] as object | undefined), [side]: number };
    return undefined;
  }
  if (spec.kind === 'boolean') {
    if (trimmed !== 'true' && trimmed !== 'false') return `${name} must be true or false; got "${trimmed.slice(0, 40)}"`;
    acc[spec.body] = trimmed === 'true';
    return undefined;
  }
  if (trimmed !== '') acc[spec.body] = trimmed;
  return undefined;
}

function scopedFilters(filters: Accumulator, page: ApolloUrlPage, scope: 'organization' | 'person'): ApolloSearchFilters {
  const primary = page === 'companies' ? 'organization' : 'person';
  const specs = Object.values(URL_PARAMETERS);
  return Object.fromEntries(
    Object.entries(filters).filter(([body]) => {
      const spec = specs.find((s) => s.body === body || s.body.startsWith(`${body}.`));
      return spec !== undefined && (spec.scope === scope || (spec.scope === 'primary' && scope === primary));
    }),
  );
}

const ORDERING_BODIES = new Set(Object.values(URL_PARAMETERS).filter((spec) => spec.ordering).map((spec) => spec.body));

function readPairs(pairs: readonly FragmentPair[]): { filters: Accumulator; unrecognized: string[]; ignored: string[] } | { error: string } {
  const filters: Accumulator = {};
  const unrecognized = new Set<string>();
  const ignored = new Set<string>();
  for (const { key, value } of pairs) {
    const name = parameterKey(key.trim());
    const spec = Object.hasOwn(URL_PARAMETERS, name) ? URL_PARAMETERS[name] : undefined;
    if (!spec) {
      (VIEW_PARAMETERS.has(name) ? ignored : unrecognized).add(name);
      continue;
    }
    const error = addValue(filters, name, spec, value);
    if (error) return { error };
  }
  return { filters, unrecognized: [...unrecognized], ignored: [...ignored] };
}

/**
 * Reads an Apollo search URL (`https://app.apollo.io/#/companies?…` or `#/people?…`) into the
 * source's request body. `allowedHosts` are `host` or `host:port` keys, lowercased: Apollo's app
 * and whatever the configuration points the Apollo provider at (the local cloud's fake).
 */
export function parseApolloUrl(raw: string, allowedHosts: ReadonlySet<string>): ParseOutcome {
  if (raw.length > MAX_APOLLO_URL_LENGTH) return fail(`The URL is longer than ${MAX_APOLLO_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return fail('Not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('The URL must be http(s)');
  if (!allowedHosts.has(hostKeyOf(url)) && !allowedHosts.has(url.hostname.toLowerCase())) return fail(`Not an Apollo search URL (host ${url.host} is not Apollo's app)`);
  const split = splitFragment(url.hash);
  if (!split.ok) return fail(`Malformed encoding: ${split.message}`);
  const page = PAGES[split.value.path.replace(/\/+$/, '')];
  if (!page) return fail('Not an Apollo search URL: the part after # must be /companies?… or /people?…');
  const read = readPairs(split.value.pairs);
  if ('error' in read) return fail(read.error);
  const organizationFilters = scopedFilters(read.filters, page, 'organization');
  const search: ParsedApolloSearch = {
    page,
    filters: read.filters,
    organizationFilters,
    personFilters: scopedFilters(read.filters, page, 'person'),
    unrecognized: read.unrecognized,
    ignored: read.ignored,
    narrowed: Object.keys(organizationFilters).some((body) => !ORDERING_BODIES.has(body)),
    summary: searchSummary(read.filters),
  };
  return { ok: true, search };
}
