/**
 * Precision and recall for the company-intelligence benchmark: counts of expected and found
 * keys per label (a signal type, or one overall bucket), printed as a markdown table.
 */

export interface Tally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

const emptyTally = (): Tally => ({ truePositives: 0, falsePositives: 0, falseNegatives: 0 });

/**
 * Scores found keys against expected ones, each key carrying its label: a found key not
 * expected is a false positive under its own label, an expected key not found a false negative.
 */
export function scoreByLabel(expected: ReadonlyMap<string, string>, found: ReadonlyMap<string, string>): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  const tallyOf = (label: string): Tally => {
    const existing = tallies.get(label);
    if (existing) return existing;
    const created = emptyTally();
    tallies.set(label, created);
    return created;
  };
  for (const [key, label] of found) {
    if (expected.has(key)) tallyOf(label).truePositives += 1;
    else tallyOf(label).falsePositives += 1;
  }
  for (const [key, label] of expected) if (!found.has(key)) tallyOf(label).falseNegatives += 1;
  return tallies;
}

export function overall(tallies: ReadonlyMap<string, Tally>): Tally {
  const sum = emptyTally();
  for (const t of tallies.values()) {
    sum.truePositives += t.truePositives;
    sum.falsePositives += t.falsePositives;
    sum.falseNegatives += t.falseNegatives;
  }
  return sum;
}

const ratio = (part: number, whole: number): string => (whole === 0 ? 'n/a' : (part / whole).toFixed(3));

export const precisionOf = (t: Tally): string => ratio(t.truePositives, t.truePositives + t.falsePositives);
export const recallOf = (t: Tally): string => ratio(t.truePositives, t.truePositives + t.falseNegatives);

export function printScoreTable(labelHeader: string, tallies: ReadonlyMap<string, Tally>): void {
  console.log(`| ${labelHeader} | expected | found | correct | precision | recall |`);
  console.log('|---|---|---|---|---|---|');
  const row = (label: string, t: Tally): void => {
    const expected = t.truePositives + t.falseNegatives;
    const found = t.truePositives + t.falsePositives;
    console.log(`| ${label} | ${expected} | ${found} | ${t.truePositives} | ${precisionOf(t)} | ${recallOf(t)} |`);
  };
  for (const [label, t] of [...tallies].sort((a, b) => a[0].localeCompare(b[0]))) row(label, t);
  row('**overall**', overall(tallies));
}
