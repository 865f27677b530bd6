import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../../../functions/domain/exports/cells.ts';
import { csvLine } from '../../../../functions/domain/exports/csv-writer.ts';

/**
 * Security regression: a spreadsheet opens a CSV with its locale's list separator (`,`, `;`
 * or a tab), and a cell that then starts with a formula character runs (quoting does not stop
 * Excel from evaluating `"=1+1"`). Every exported line is read back with each separator, both
 * as an RFC 4180 parser does and as a naive one that ignores quotes, and no cell may start
 * with `=`, `+`, `-` or `@` (after spaces and quote characters).
 */
const HOSTILE = [
  'Sales;=1+1',
  "Sales;=cmd|'/C calc'!A0",
  'Sales,=1+1',
  'Sales\t=1+1',
  'Sales;+1',
  'Sales; -1',
  'Sales;@SUM(A1)',
  'Sales;"=1+1"',
  'Sales; "=1+1',
  'a;b;=HYPERLINK("http://evil.io")',
  'x\n=1+1',
  'x\r=1+1',
  'say "hi";=1',
  '=1+1',
  ' =1+1',
  '"=1+1"',
  '\t=1+1',
  '\uFF1D1+1',
  'Sales;\uFF1D1+1',
];
const SEPARATORS = [',', ';', '\t'];
const FORMULA_START = /^[\s"]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The cells a parser that ignores quotes sees: split on line ends and the separator. */
const naiveCells = (text: string, separator: string): string[] => text.split(/\r\n|\r|\n/).flatMap((line) => line.split(separator));

const rfcCells = (text: string, separator: string): string[] =>
  (parse(text, { delimiter: separator, relax_quotes: true, relax_column_count: true, record_delimiter: ['\r\n'] }) as string[][]).flat();

describe('exported CSV cells in every common locale', () => {
  for (const value of HOSTILE) {
    for (const position of ['first', 'second'] as const) {
      it(`It should never let ${JSON.stringify(value)} (${position} cell) start a formula with any separator`, () => {
        // Prepare
        const row = position === 'first' ? [value, 'Ann'] : ['Ann', value];
        // Act
        const line = csvLine(row.map(cellText));
        // Assess
        for (const separator of SEPARATORS) {
          const cells = [...rfcCells(line, separator), ...naiveCells(line, separator)];
          expect(cells.filter((cell) => FORMULA_START.test(cell)), `separator ${JSON.stringify(separator)}: ${JSON.stringify(line)}`).toEqual([]);
        }
      });
    }
  }

  it('It should read back harmless text unchanged with the comma separator', () => {
    const values = ['Acme = best', 'a@b.com', 'Stone, Jr', 'semi;colon', 'tab\there', "'quoted"];
    const [parsed] = parse(csvLine(values.map(cellText)), { record_delimiter: ['\r\n'] }) as string[][];
    expect(parsed).toEqual(values);
  });
});
