/**
 * CSV (formula) injection: a spreadsheet treats a cell starting with `=`, `+`, `-` or `@` (or
 * their full-width forms, which some locales accept) as a formula, also after leading spaces or
 * quote characters (Excel evaluates `"=1+1"` too), and a leading tab or carriage return can hide
 * such a start. Every such text cell is prefixed with a single quote, which spreadsheets show as
 * plain text (OWASP's advice). The cost: text like `+1 555 0100` or `-` gains a visible quote;
 * numbers (typed cells) never do.
 */
const TRIGGER = '=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20';
const FORMULA_START = new RegExp(`^(?:[\\s"]*[${TRIGGER}]|[\\t\\r])`);

export const neutraliseCell = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/**
 * A CSV is opened with the locale's list separator (`,`, `;` or a tab), and a spreadsheet that
 * does not take the file's quoting the way we wrote it (a field that does not start with a
 * quote in its reading) also splits inside our cells and at line breaks within them. So every
 * place inside a cell that some reading can make the start of a cell, a separator or line
 * break followed by a formula start, gets the same quote. Only for CSV: an XLSX cell is never
 * split.
 */
const SPLIT_FORMULA_START = new RegExp(`([,;\\t\\r\\n][ "]*)(?=[${TRIGGER}])`, 'g');

export const neutraliseSplits = (text: string): string => text.replace(SPLIT_FORMULA_START, "$1'");
