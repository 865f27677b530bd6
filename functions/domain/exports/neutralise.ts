/**
 * CSV (formula) injection: a spreadsheet treats a cell starting with `=`, `+`, `-` or `@` as a
 * formula, and a leading tab or carriage return can hide such a start. Every such text cell is
 * prefixed with a single quote, which spreadsheets show as plain text (OWASP's advice). The
 * cost: text like `+1 555 0100` or `-` gains a visible quote; numbers (typed cells) never do.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const neutraliseCell = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);
