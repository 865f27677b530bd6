import { neutraliseSplits } from './neutralise.ts';

/**
 * RFC 4180 CSV: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote,
 * CR or LF, and also a semicolon or a tab, the separators of other locales (quotes doubled
 * inside). Files start with a UTF-8 byte-order mark so Excel opens them as UTF-8 (the import
 * accepts a BOM). Cells arrive with their start neutralised (./cells.ts); the writer
 * neutralises every place another locale could split them (./neutralise.ts).
 */
export const UTF8_BOM = '\uFEFF';
export const CSV_LINE_END = '\r\n';

const NEEDS_QUOTES = /[",;\t\r\n]/;

export const csvField = (cell: string): string => {
  const text = neutraliseSplits(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const csvLine = (texts: readonly string[]): string => `${texts.map(csvField).join(',')}${CSV_LINE_END}`;
