import type { Normalizer } from './analysis.ts';

export type NumericType = 'byte' | 'short' | 'integer' | 'long' | 'float' | 'double';
export type LeafType = 'keyword' | 'text' | NumericType | 'date' | 'boolean';
export type DynamicMode = 'true' | 'false' | 'strict';

/** How a leaf's values are indexed: terms, analysed text, or numbers (dates and booleans included). */
export type IndexKind = 'keyword' | 'text' | 'numeric';

export interface LeafField {
  readonly kind: 'leaf';
  /** Full dotted path, multi-fields included: `first_name.keyword`. */
  readonly path: string;
  /** Where the value sits in `_source`: the parent's path for a multi-field. */
  readonly sourcePath: string;
  readonly type: LeafType;
  readonly indexKind: IndexKind;
  readonly normalizer: Normalizer | null;
  readonly ignoreAbove: number;
  readonly fields: ReadonlyMap<string, LeafField>;
  /** `fields` as an array: parsing walks it for every value of every document. */
  readonly multiFields: readonly LeafField[];
  /** The definition as `GET _mapping` reports it. */
  readonly definition: Readonly<Record<string, unknown>>;
}

export interface ObjectField {
  readonly kind: 'object';
  readonly path: string;
  readonly dynamic: DynamicMode | undefined;
  readonly enabled: boolean;
  readonly properties: Map<string, FieldMapping>;
}

export type FieldMapping = LeafField | ObjectField;

export const NUMERIC_TYPES: ReadonlySet<string> = new Set<NumericType>(['byte', 'short', 'integer', 'long', 'float', 'double']);

export function indexKindOf(type: LeafType): IndexKind {
  if (type === 'keyword') return 'keyword';
  if (type === 'text') return 'text';
  return 'numeric';
}

export function isIntegerType(type: LeafType): boolean {
  return type === 'byte' || type === 'short' || type === 'integer' || type === 'long' || type === 'date' || type === 'boolean';
}
