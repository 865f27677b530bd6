import { KeywordFieldIndex } from '../storage/keyword-field.ts';
import { TextFieldIndex } from '../storage/text-field.ts';
import { Bitset } from '../structures/bitset.ts';
import { emptyResult } from './common.ts';
import type { LeafField } from '../mappings/types.ts';
import { idf, keywordTermScore, tfNorm } from './scoring.ts';
import type { QueryResult, SearchContext } from './types.ts';

/** One analysed or exact term, scored with BM25 the way a Lucene TermQuery is. */
export function scoredTermResult(ctx: SearchContext, field: LeafField, term: string, boost: number, scoring: boolean): QueryResult {
  const index = ctx.segment.field(field.path);
  if (index instanceof TextFieldIndex) {
    const postings = index.terms.get(term);
    if (postings === undefined) return emptyResult(ctx);
    const bits = new Bitset(ctx.maxDoc);
    postings.addTo(bits);
    if (!scoring) return { bits, scores: null, constant: 0 };
    const scores = new Float32Array(ctx.maxDoc);
    const weight = boost * idf(index.docCount, postings.count);
    const avg = index.averageLength;
    for (let i = 0; i < postings.count; i++) {
      const doc = postings.docs[i]!;
      scores[doc] = weight * tfNorm(postings.freqs[i]!, index.lengths.get(doc), avg);
    }
    return { bits, scores, constant: 0 };
  }
  if (index instanceof KeywordFieldIndex) {
    const docFreq = index.docFreq(term);
    if (docFreq === 0) return emptyResult(ctx);
    const bits = new Bitset(ctx.maxDoc);
    index.addTermDocs(term, bits);
    return { bits, scores: null, constant: scoring ? keywordTermScore(index.exists.count, docFreq, boost) : 0 };
  }
  return emptyResult(ctx);
}
