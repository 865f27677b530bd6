import { analyzeStandard } from '../mappings/analysis.ts';
import type { Bitset } from '../structures/bitset.ts';
import { FrequencyPostingList, GrowableFloat64, PostingList } from '../structures/postings.ts';
import { lowerBound } from './keyword-field.ts';

/** Up to this many tokens, term frequencies are counted by rescanning rather than with a Map. */
const SMALL_FIELD_TOKENS = 32;

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
    const tokens = values.length === 1 ? analyzeStandard(values[0] as string) : values.flatMap((v) => analyzeStandard(v as string));
    if (tokens.length > SMALL_FIELD_TOKENS) {
      const freqs = new Map<string, number>();
      for (const token of tokens) freqs.set(token, (freqs.get(token) ?? 0) + 1);
      for (const [token, freq] of freqs) this.posting(token).push(doc, freq);
    } else {
      this.addFewTokens(doc, tokens);
    }
    this.exists.push(doc);
    this.lengths.set(doc, tokens.length);
    this.sumLength += tokens.length;
  }

  private addFewTokens(doc: number, tokens: readonly string[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      // Counting by rescanning beats a Map per doc for the few tokens a field usually holds.
      if (tokens.indexOf(token) < i) continue;
      let freq = 1;
      for (let j = i + 1; j < tokens.length; j++) if (tokens[j] === token) freq++;
      this.posting(token).push(doc, freq);
    }
  }

  private posting(token: string): FrequencyPostingList {
    let postings = this.terms.get(token);
    if (postings === undefined) {
      postings = new FrequencyPostingList();
      this.terms.set(token, postings);
      this.sorted = null;
    }
    return postings;
  }

  docFreq(term: string): number {
    return this.terms.get(term)?.count ?? 0;
  }

  addTermDocs(term: string, bits: Bitset): void {
    this.terms.get(term)?.addTo(bits);
  }

  termKeys(): IterableIterator<string> {
    return this.terms.keys();
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
