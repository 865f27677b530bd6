import { analyzeStandard } from '../mappings/analysis.ts';
import { FrequencyPostingList, GrowableFloat64, PostingList } from '../structures/postings.ts';
import { lowerBound } from './keyword-field.ts';

/** Analysed text: term → (doc, frequency) postings plus the field-length statistics BM25 needs. */
export class TextFieldIndex {
  readonly kind = 'text';
  readonly terms = new Map<string, FrequencyPostingList>();
  readonly exists = new PostingList();
  readonly lengths = new GrowableFloat64(0);
  sumLength = 0;
  private sorted: string[] | null = null;

  get docCount(): number {
    return this.exists.count;
  }

  get averageLength(): number {
    return this.exists.count === 0 ? 0 : this.sumLength / this.exists.count;
  }

  add(doc: number, values: ReadonlyArray<string | number>): void {
    const freqs = new Map<string, number>();
    let length = 0;
    for (const value of values) {
      for (const token of analyzeStandard(value as string)) {
        freqs.set(token, (freqs.get(token) ?? 0) + 1);
        length++;
      }
    }
    for (const [token, freq] of freqs) {
      let postings = this.terms.get(token);
      if (postings === undefined) {
        postings = new FrequencyPostingList();
        this.terms.set(token, postings);
        this.sorted = null;
      }
      postings.push(doc, freq);
    }
    this.exists.push(doc);
    this.lengths.set(doc, length);
    this.sumLength += length;
  }

  sortedTerms(): readonly string[] {
    this.sorted ??= [...this.terms.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return this.sorted;
  }

  /** Indexed terms starting with `prefix`, in term order, at most `limit` of them. */
  termsWithPrefix(prefix: string, limit = Number.POSITIVE_INFINITY): string[] {
    const terms = this.sortedTerms();
    const out: string[] = [];
    for (let i = lowerBound(terms, prefix); i < terms.length && out.length < limit && terms[i]!.startsWith(prefix); i++) out.push(terms[i]!);
    return out;
  }

  remap(docMap: Int32Array, newMaxDoc: number): void {
    let sum = 0;
    for (const [term, postings] of this.terms) {
      postings.remap(docMap);
      if (postings.count === 0) this.terms.delete(term);
    }
    this.exists.remap(docMap);
    this.lengths.remap(docMap, newMaxDoc);
    for (let i = 0; i < this.exists.count; i++) sum += this.lengths.get(this.exists.docAt(i));
    this.sumLength = sum;
    this.sorted = null;
  }
}
