import type { FieldSpec } from '../functions/domain/records/fields.ts';

/** Settings every record index shares: the lowercase normalizer keyword fields use. */
export const RECORD_INDEX_SETTINGS = {
  number_of_shards: 1,
  number_of_replicas: 1,
  analysis: {
    normalizer: {
      lowercase: { type: 'custom', filter: ['lowercase'] },
    },
  },
} as const;

export type MappingProperty = Record<string, unknown>;

function propertyFor(spec: FieldSpec): MappingProperty {
  switch (spec.type) {
    case 'keyword':
      return { type: 'keyword', normalizer: 'lowercase' };
    case 'text':
      // `.keyword` keeps the exact value for terms and sort; lowercased so sorting and exact
      // matching are case-insensitive like every other keyword field.
      return {
        type: 'text',
        analyzer: 'standard',
        fields: { keyword: { type: 'keyword', normalizer: 'lowercase', ignore_above: 256 } },
      };
    default:
      return { type: spec.type };
  }
}

/** OpenSearch `mappings` for a field catalog; unknown fields are rejected (`dynamic: strict`) */
export function mappingsFor(fields: Readonly<Record<string, FieldSpec>>): {
  dynamic: 'strict';
  properties: Record<string, MappingProperty>;
} {
  const properties: Record<string, MappingProperty> = {};
  for (const [name, spec] of Object.entries(fields)) properties[name] = propertyFor(spec);
  return { dynamic: 'strict', properties };
}
