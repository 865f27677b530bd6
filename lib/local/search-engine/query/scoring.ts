/** Lucene's BM25 defaults, which OpenSearch uses unless a field says otherwise. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

export function idf(docCount: number, docFreq: number): number {
  return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
}

/** BM25's term-frequency part, normalised by the doc's field length against the average. */
export function tfNorm(freq: number, length: number, averageLength: number): number {
  const norm = averageLength > 0 ? BM25_K1 * (1 - BM25_B + (BM25_B * length) / averageLength) : BM25_K1;
  return freq / (freq + norm);
}

/** A keyword term: one occurrence and no length norms, so every matching doc scores the same. */
export function keywordTermScore(docCount: number, docFreq: number, boost: number): number {
  return (boost * idf(docCount, docFreq)) / (1 + BM25_K1);
}
