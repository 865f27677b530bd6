import { badRequest, unsupported } from '../errors.ts';

/**
 * Dates are epoch milliseconds internally. Parsing follows the default date format
 * `strict_date_optional_time||epoch_millis`: an ISO-8601 form first, then epoch millis.
 */

const ISO_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const EPOCH_MILLIS = /^-?\d+(?:\.\d+)?$/;

/** Formats whose meaning the engine reproduces; a `format` naming anything else is rejected. */
export const SUPPORTED_DATE_FORMATS = new Set(['strict_date_optional_time', 'date_optional_time', 'epoch_millis', 'strict_date_optional_time_nanos']);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

function parseOffsetMinutes(offset: string | undefined): number {
  if (offset === undefined || offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}

/**
 * `roundUp` fills missing time components with their maximum (23:59:59.999), which OpenSearch
 * does for the `gt` and `lte` bounds of date ranges.
 */
export function parseIsoDate(text: string, roundUp = false): number | undefined {
  const m = ISO_DATE.exec(text);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const hour = Number(m[4] ?? (roundUp ? 23 : 0));
  const minute = Number(m[5] ?? (roundUp ? 59 : 0));
  const second = Number(m[6] ?? (roundUp ? 59 : 0));
  const millis = m[7] === undefined ? (roundUp ? 999 : 0) : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC maps years 0-99 onto 1900-1999; ISO years are literal.
  const fixed = year < 100 ? new Date(utc).setUTCFullYear(year) : utc;
  return fixed - parseOffsetMinutes(m[8]) * 60_000;
}

/** Parses a date field value; returns undefined when it is not a date under the default format. */
export function parseDateValue(value: unknown, roundUp = false): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    // The default format tries strict_date_optional_time first, so a bare 4-digit number is a year.
    const asYear = Number.isInteger(value) && value >= 0 && value <= 9999 && String(value).length === 4 ? parseIsoDate(String(value), roundUp) : undefined;
    return asYear ?? Math.trunc(value);
  }
  if (typeof value !== 'string') return undefined;
  const iso = parseIsoDate(value, roundUp);
  if (iso !== undefined) return iso;
  return EPOCH_MILLIS.test(value) ? Math.trunc(Number(value)) : undefined;
}

export function formatDate(millis: number): string {
  return new Date(millis).toISOString();
}

const UNIT_MS: ReadonlyMap<string, number> = new Map([
  ['w', 7 * 86_400_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['H', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
]);

function addUnits(millis: number, amount: number, unit: string): number {
  const date = new Date(millis);
  if (unit === 'y') return date.setUTCFullYear(date.getUTCFullYear() + amount);
  if (unit === 'M') return date.setUTCMonth(date.getUTCMonth() + amount);
  const size = UNIT_MS.get(unit);
  if (size === undefined) throw badRequest('parse_exception', `unit [${unit}] not supported for date math`);
  return millis + amount * size;
}

function roundDown(millis: number, unit: string): number {
  const d = new Date(millis);
  switch (unit) {
    case 'y':
      return Date.UTC(d.getUTCFullYear(), 0, 1);
    case 'M':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'w': {
      const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      // ISO weeks start on Monday.
      return day - ((d.getUTCDay() + 6) % 7) * 86_400_000;
    }
    default: {
      const size = UNIT_MS.get(unit);
      if (size === undefined) throw badRequest('parse_exception', `unit [${unit}] not supported for date math`);
      return Math.floor(millis / size) * size;
    }
  }
}

/**
 * Resolves date math (`now-7d/d`, `2024-01-01||+1M`). `roundUp` selects the last millisecond of
 * a rounded unit, which OpenSearch uses for `gt` and `lte` bounds.
 */
export function resolveDateMath(expr: string, now: number, roundUp: boolean): number {
  let anchor: number;
  let math: string;
  if (expr.startsWith('now')) {
    anchor = now;
    math = expr.slice(3);
  } else {
    const sep = expr.indexOf('||');
    if (sep < 0) {
      const parsed = parseDateValue(expr, roundUp);
      if (parsed === undefined) throw badRequest('parse_exception', `failed to parse date field [${expr}] with format [strict_date_optional_time||epoch_millis]`);
      return parsed;
    }
    const parsed = parseDateValue(expr.slice(0, sep), roundUp);
    if (parsed === undefined) throw badRequest('parse_exception', `failed to parse date field [${expr.slice(0, sep)}] with format [strict_date_optional_time||epoch_millis]`);
    anchor = parsed;
    math = expr.slice(sep + 2);
  }
  const step = /([+-])(\d+)([yMwdhHms])|\/([yMwdhHms])/y;
  let pos = 0;
  let value = anchor;
  while (pos < math.length) {
    step.lastIndex = pos;
    const m = step.exec(math);
    if (m === null) throw badRequest('parse_exception', `operator not supported for date math [${expr}]`);
    if (m[4] !== undefined) {
      value = roundDown(value, m[4]);
      if (roundUp) value = addUnits(value, 1, m[4]) - 1;
    } else {
      value = addUnits(value, (m[1] === '-' ? -1 : 1) * Number(m[2]), m[3]!);
    }
    pos = step.lastIndex;
  }
  return value;
}

/** Validates a `format` parameter: only the default formats' parsing is reproduced. */
export function checkDateFormat(format: unknown): void {
  if (format === undefined) return;
  if (typeof format !== 'string') throw badRequest('parse_exception', '[format] must be a string');
  for (const part of format.split('||')) {
    if (!SUPPORTED_DATE_FORMATS.has(part)) throw unsupported(`date format [${part}]`);
  }
}
