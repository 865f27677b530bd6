import type { ParsedDocument } from '../mappings/document.ts';
import type { LeafField } from '../mappings/types.ts';
import type { Bitset } from '../structures/bitset.ts';
import { GrowableBitset } from '../structures/bitset.ts';
import { KeywordFieldIndex } from './keyword-field.ts';
import { NumericFieldIndex } from './numeric-field.ts';
import { TextFieldIndex } from './text-field.ts';

/** Merge away deleted docs once they are this share of all doc numbers (and at least the minimum). */
const MERGE_DELETED_RATIO = 0.3;
const MERGE_MIN_DELETED = 10_000;

/** One stored version of a document: what `_doc` GETs return and what search hits point at. */
export interface DocRecord {
  readonly id: string;
  readonly source: Record<string, unknown>;
  readonly version: number;
  readonly seqNo: number;
  /** The indexed values, kept from write until the refresh that indexes them. */
  parsed: ParsedDocument | null;
}

export type FieldIndex = KeywordFieldIndex | TextFieldIndex | NumericFieldIndex;

/**
 * The searchable view of an index: what the last refresh made visible. Docs get increasing
 * numbers in the order they were refreshed; an update is a delete plus a new number, as in
 * Lucene, so `_doc` order and score ties follow refresh order.
 */
export class Segment {
  records: DocRecord[] = [];
  readonly live = new GrowableBitset();
  liveCount = 0;
  private readonly idToDoc = new Map<string, number>();
  private readonly fields = new Map<string, FieldIndex>();

  get maxDoc(): number {
    return this.records.length;
  }

  field(path: string): FieldIndex | undefined {
    return this.fields.get(path);
  }

  docOf(id: string): number | undefined {
    return this.idToDoc.get(id);
  }

  liveDocs(): Bitset {
    return this.live.snapshot(this.maxDoc);
  }

  add(record: DocRecord, parsed: ParsedDocument): void {
    const doc = this.records.length;
    this.records.push(record);
    this.live.add(doc);
    this.liveCount++;
    this.idToDoc.set(record.id, doc);
    for (const [field, values] of parsed.fields) {
      if (values.length > 0) this.fieldIndexFor(field).add(doc, values);
    }
  }

  remove(id: string): void {
    const doc = this.idToDoc.get(id);
    if (doc === undefined) return;
    this.idToDoc.delete(id);
    this.live.remove(doc);
    this.liveCount--;
  }

  /** Drops deleted docs from every structure when enough have piled up. */
  mergeIfNeeded(): void {
    const deleted = this.maxDoc - this.liveCount;
    if (deleted < MERGE_MIN_DELETED || deleted < this.maxDoc * MERGE_DELETED_RATIO) return;
    const docMap = new Int32Array(this.maxDoc);
    let next = 0;
    for (let doc = 0; doc < this.maxDoc; doc++) docMap[doc] = this.live.has(doc) ? next++ : -1;
    const kept = this.records.filter((_, doc) => docMap[doc]! >= 0);
    this.records = kept;
    for (let doc = 0; doc < next; doc++) {
      this.live.add(doc);
      this.idToDoc.set(kept[doc]!.id, doc);
    }
    for (let doc = next; doc < docMap.length; doc++) this.live.remove(doc);
    for (const index of this.fields.values()) index.remap(docMap, next);
  }

  private fieldIndexFor(field: LeafField): FieldIndex {
    let index = this.fields.get(field.path);
    if (index === undefined) {
      index = field.indexKind === 'keyword' ? new KeywordFieldIndex() : field.indexKind === 'text' ? new TextFieldIndex() : new NumericFieldIndex();
      this.fields.set(field.path, index);
    }
    return index;
  }
}
