import { parsingError } from '../errors.ts';

/** Which parts of `_source` a response returns: `_source` as boolean, pattern(s), or includes/excludes. */
export interface SourceFilter {
  readonly enabled: boolean;
  readonly includes: readonly RegExp[];
  readonly excludes: readonly RegExp[];
}

export const FULL_SOURCE: SourceFilter = { enabled: true, includes: [], excludes: [] };

function compile(pattern: unknown): RegExp {
  if (typeof pattern !== 'string') throw parsingError('[_source] patterns must be strings');
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

function patterns(value: unknown): RegExp[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(compile);
}

export function parseSourceFilter(value: unknown): SourceFilter {
  if (value === undefined || value === true) return FULL_SOURCE;
  if (value === false) return { enabled: false, includes: [], excludes: [] };
  if (typeof value === 'string' || Array.isArray(value)) return { enabled: true, includes: patterns(value), excludes: [] };
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (!['includes', 'excludes', 'include', 'exclude'].includes(key)) throw parsingError(`Unknown key for a START_ARRAY in [_source]: [${key}]`);
    }
    return { enabled: true, includes: patterns(obj.includes ?? obj.include), excludes: patterns(obj.excludes ?? obj.exclude) };
  }
  throw parsingError('[_source] must be a boolean, a string, an array or an object');
}

/** Parses the `_source`, `_source_includes` and `_source_excludes` URL parameters. */
export function sourceFilterFromParams(params: URLSearchParams, fallback: SourceFilter): SourceFilter {
  const source = params.get('_source');
  const includes = params.get('_source_includes');
  const excludes = params.get('_source_excludes');
  if (source === null && includes === null && excludes === null) return fallback;
  if (source === 'false') return { enabled: false, includes: [], excludes: [] };
  const list = (text: string | null): string[] => (text === null || text === '' ? [] : text.split(','));
  const inc = source !== null && source !== 'true' ? list(source) : list(includes);
  return { enabled: true, includes: inc.map(compile), excludes: list(excludes).map(compile) };
}

function matchesAny(list: readonly RegExp[], path: string): boolean {
  for (const re of list) if (re.test(path)) return true;
  return false;
}

function filterValue(value: unknown, path: string, filter: SourceFilter, included: boolean): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => filterValue(item, path, filter, included)).filter((item) => item !== undefined);
    return items.length > 0 || included ? items : undefined;
  }
  if (value !== null && typeof value === 'object') {
    const out = filterObject(value as Record<string, unknown>, `${path}.`, filter, included);
    return Object.keys(out).length > 0 || included ? out : undefined;
  }
  return included ? value : undefined;
}

function filterObject(source: Record<string, unknown>, prefix: string, filter: SourceFilter, parentIncluded: boolean): Record<string, unknown> {
  // A null-prototype result: a `__proto__` key from the document stays an ordinary key.
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(source)) {
    const path = prefix + key;
    if (matchesAny(filter.excludes, path)) continue;
    const included = parentIncluded || filter.includes.length === 0 || matchesAny(filter.includes, path);
    const value = filterValue(source[key], path, filter, included);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Applies includes/excludes by dotted path, as OpenSearch's source filtering does; undefined when disabled. */
export function applySourceFilter(source: Record<string, unknown>, filter: SourceFilter): Record<string, unknown> | undefined {
  if (!filter.enabled) return undefined;
  if (filter.includes.length === 0 && filter.excludes.length === 0) return source;
  return filterObject(source, '', filter, false);
}
