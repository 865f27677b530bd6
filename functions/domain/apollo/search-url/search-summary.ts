import type { ApolloFilterValue, ApolloSearchFilters } from '../../../ports/apollo-source.port.ts';
import { URL_PARAMETERS } from './url-parameters.ts';

/** Values shown per heading before the rest are counted ("+12 more"). */
export const SUMMARY_VALUES_SHOWN = 5;

const labelOf = (body: string): string | undefined =>
  Object.values(URL_PARAMETERS).find((spec) => spec.body === body || spec.body.startsWith(`${body}.`))?.label;

function rendered(value: ApolloFilterValue): string {
  if (Array.isArray(value)) {
    const shown = value.slice(0, SUMMARY_VALUES_SHOWN).map((item: string) => item.replace(/^(\d*),(\d*)$/, (_, min: string, max: string) => (max === '' ? `${min}+` : `${min || 0}-${max}`)));
    return value.length > SUMMARY_VALUES_SHOWN ? `${shown.join(', ')} (+${value.length - SUMMARY_VALUES_SHOWN} more)` : shown.join(', ');
  }
  if (typeof value === 'object') {
    const { min, max } = value as { min?: number; max?: number };
    if (min !== undefined && max !== undefined) return `${min}-${max}`;
    return min !== undefined ? `${min}+` : `up to ${max}`;
  }
  return String(value);
}

/**
 * A line a person reads to recognise their search: `Locations: California; Industries: …`, in
 * the order the URL parameter table lists them; ordering parameters are left out.
 */
export function searchSummary(filters: ApolloSearchFilters): string {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const spec of Object.values(URL_PARAMETERS)) {
    const body = spec.body.split('.')[0] as string;
    if (seen.has(body) || !spec.label || !Object.hasOwn(filters, body)) continue;
    seen.add(body);
    parts.push(`${labelOf(body)}: ${rendered(filters[body] as ApolloFilterValue)}`);
  }
  return parts.length > 0 ? parts.join('; ') : 'All organisations';
}
