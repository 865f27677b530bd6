import { neutraliseCell } from './neutralise.ts';

/** How list fields (industries, departments...) are written: the import splits them on commas. */
export const LIST_SEPARATOR = ', ';

/** A stored value as the text of one cell, neutralised; missing values are empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return neutraliseCell(value.map((v) => (v === null || v === undefined ? '' : String(v))).join(LIST_SEPARATOR));
  if (typeof value === 'object') return neutraliseCell(JSON.stringify(value));
  return neutraliseCell(String(value));
}

/** A stored value as a typed spreadsheet cell: numbers and booleans stay typed, the rest is neutralised text. */
export function cellValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') return value;
  return cellText(value);
}
