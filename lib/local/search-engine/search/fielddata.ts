import { searchPhaseFailure } from '../errors.ts';
import type { LeafField } from '../mappings/types.ts';
import { keywordTerm } from '../mappings/values.ts';
import { valuesAtPath } from '../source-values.ts';
import type { Segment } from '../storage/segment.ts';

/** OpenSearch's answer to sorting or aggregating on an analysed text field. */
export function fielddataDisabled(index: string, field: string): Error {
  return searchPhaseFailure(index, {
    type: 'illegal_argument_exception',
    reason: `Text fields are not optimised for operations that require per-document field data like aggregations and sorting, so these operations are disabled by default. Please use a keyword field instead. Alternatively, set fielddata=true on [${field}] in order to load field data by uninverting the inverted index. Note that this can use significant memory.`,
  });
}

/** A field usable for sorting/aggregating; rejects text fields the way OpenSearch does. */
export function docValuesField(mappingLeaf: LeafField | undefined, index: string, name: string): LeafField | undefined {
  if (mappingLeaf === undefined) return undefined;
  if (mappingLeaf.indexKind === 'text') throw fielddataDisabled(index, name);
  return mappingLeaf;
}

/**
 * A keyword doc's distinct indexed terms, read back from `_source`: cheaper than scanning the
 * whole term dictionary when only a few docs matched.
 */
export function keywordTermsOf(segment: Segment, field: LeafField, doc: number): Set<string> {
  const terms = new Set<string>();
  for (const value of valuesAtPath(segment.records[doc]!.source, field.sourcePath)) {
    if (value === null || typeof value === 'object') continue;
    const term = keywordTerm(field, String(value));
    if (term !== undefined) terms.add(term);
  }
  return terms;
}
