import type { ParsedDocument } from '../mappings/document.ts';
import type { LeafField } from '../mappings/types.ts';
import type { Bitset } from '../structures/bitset.ts';
import { GrowableBitset } from '../structures/bitset.ts';
import { KeywordFieldIndex } from './keyword-field.ts';
import { NumericFieldIndex } from './numeric-field.ts';
import { TextFieldIndex } from './text-field.ts';

/** Merge away dead docs once they are this share of all doc numbers (and at least the minimum). */
const MERGE_DEAD_RATIO = 0.3;
const MERGE_MIN_DEAD = 10_000;

/** One stored version of a document: what `_doc` GETs return and what search hits point at. */
export interface DocRecord {
  readonly id: string;
  readonly source: Record<string, unknown>;
  readonly version: number;
  readonly seqNo: number;
}

export type FieldIndex = KeywordFieldIndex | TextFieldIndex | NumericFieldIndex;

/**
 * The inverted indexes of an index, and which of their docs search may see.
 *
 * As in Lucene, a write is indexed at once under a new doc number, but stays invisible (its
 * live bit unset) until a refresh publishes it and retires the version it replaces. An update
 * is therefore a new doc number, so `_doc` order and score ties follow write order.
 *
 *   write A1 ──► doc 7 (hidden)   refresh ──► doc 7 live
 *   write A2 ──► doc 9 (hidden)   refresh ──► doc 9 live, doc 7 dead
 */
export class Segment {
  records: DocRecord[] = [];
  readonly live = new GrowableBitset();
  liveCount = 0;
  /** Docs below this number were published by a refresh; the rest await the next one. */
  visibleMaxDoc = 0;
  private readonly visible = new Map<string, number>();
  private readonly fields = new Map<string, FieldIndex>();

  get maxDoc(): number {
    return this.records.length;
  }

  get hasUnpublished(): boolean {
    return this.visibleMaxDoc < this.records.length;
  }

  field(path: string): FieldIndex | undefined {
    return this.fields.get(path);
  }

  /** The visible doc number of an id. */
  docOf(id: string): number | undefined {
    return this.visible.get(id);
  }

  liveDocs(): Bitset {
    return this.live.snapshot(this.maxDoc);
  }

  /** Indexes a write under a new, not yet visible, doc number. */
  append(record: DocRecord, parsed: ParsedDocument): void {
    const doc = this.records.length;
    this.records.push(record);
    for (const [field, values] of parsed.fields) {
      if (values.length > 0) this.fieldIndexFor(field).add(doc, values);
    }
  }

  /**
   * Publishes what was written since the last refresh. `current` says which record an id holds
   * now: appended docs that are no longer current (overwritten or deleted since) stay dead.
   */
  publish(deletedIds: Iterable<string>, current: (id: string) => DocRecord | undefined): void {
    for (let doc = this.visibleMaxDoc; doc < this.records.length; doc++) {
      const record = this.records[doc]!;
      if (current(record.id) !== record) continue;
      this.hide(record.id);
      this.live.add(doc);
      this.liveCount++;
      this.visible.set(record.id, doc);
    }
    for (const id of deletedIds) if (current(id) === undefined) this.hide(id);
    this.visibleMaxDoc = this.records.length;
    this.mergeIfNeeded();
  }

  private hide(id: string): void {
    const doc = this.visible.get(id);
    if (doc === undefined) return;
    this.visible.delete(id);
    this.live.remove(doc);
    this.liveCount--;
  }

  /** Drops dead docs from every structure when enough have piled up; only between refreshes' writes. */
  private mergeIfNeeded(): void {
    const dead = this.maxDoc - this.liveCount;
    if (dead < MERGE_MIN_DEAD || dead < this.maxDoc * MERGE_DEAD_RATIO) return;
    const docMap = new Int32Array(this.maxDoc);
    let next = 0;
    for (let doc = 0; doc < this.maxDoc; doc++) docMap[doc] = this.live.has(doc) ? next++ : -1;
    const kept = this.records.filter((_, doc) => docMap[doc]! >= 0);
    this.records = kept;
    for (let doc = 0; doc < next; doc++) {
      this.live.add(doc);
      this.visible.set(kept[doc]!.id, doc);
    }
    for (let doc = next; doc < docMap.length; doc++) this.live.remove(doc);
    for (const index of this.fields.values()) index.remap(docMap, next);
    this.visibleMaxDoc = next;
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
