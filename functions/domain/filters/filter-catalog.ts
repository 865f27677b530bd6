import { FIELDS, fieldSpec, type Entity, type FieldSpec, type FieldType } from '../records/fields.ts';

/**
 * Filter lists are derived from the field catalog (functions/domain/records/fields.ts): its
 * type says which VQL clause a filter uses, its label names it, its `filter` flag hides ids.
 */

/** keyword → keyword_match, text → text_matches (or keyword_match on the whole value), range/date → range_query. */
export type FilterType = 'keyword' | 'text' | 'range' | 'date' | 'boolean';

export interface FilterDefinition {
  readonly key: string;
  readonly filter_type: FilterType;
  readonly display_name: string;
  /** false: VQL accepts the field but a filter screen should not offer it. */
  readonly active: boolean;
}

const FILTER_TYPE: Record<FieldType, FilterType> = {
  keyword: 'keyword',
  text: 'text',
  integer: 'range',
  long: 'range',
  double: 'range',
  date: 'date',
  boolean: 'boolean',
};

/** Never exposed: the tenant key is implied by the caller's credentials. */
const HIDDEN_FIELDS = new Set(['workspace_id']);

const humanise = (name: string): string => name.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');

export function filtersOf(entity: Entity): FilterDefinition[] {
  return Object.entries(FIELDS[entity])
    .filter(([key]) => !HIDDEN_FIELDS.has(key))
    .map(([key, spec]) => ({
      key,
      filter_type: FILTER_TYPE[spec.type],
      display_name: spec.label ?? humanise(key),
      active: spec.filter !== false,
    }));
}

/** Where a field's distinct values live: the field itself, or the `.keyword` sub-field of a text field. */
export interface ValueSource {
  readonly field: string;
  readonly spec: FieldSpec;
  /** The field to aggregate on. */
  readonly target: string;
}

/** The value source of a filter that has a value list (keyword and text fields), else undefined. */
export function valueSourceOf(entity: Entity, key: string): ValueSource | undefined {
  const spec = HIDDEN_FIELDS.has(key) ? undefined : fieldSpec(entity, key);
  if (!spec || (spec.type !== 'keyword' && spec.type !== 'text')) return undefined;
  return { field: key, spec, target: spec.type === 'text' ? `${key}.keyword` : key };
}
