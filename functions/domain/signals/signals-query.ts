/**
 * `GET /v1/signals?company=&type=&since=&min_urgency=&limit=&cursor=` as VQL: signals are in the
 * field catalog, so the one compiler (functions/domain/vql) and the one search path serve them.
 * The cursor is the last hit's sort values, base64url-encoded, so a client passes it back as is.
 */
import { z } from 'zod';
import { validationError } from '../../platform/errors.ts';
import type { VqlQuery } from '../vql/vql-schema.ts';
import { SIGNAL_TYPES } from './signal-types.ts';

export const DEFAULT_SIGNALS_PAGE_SIZE = 25;
export const MAX_SIGNALS_PAGE_SIZE = 100;
const MAX_CURSOR_CHARS = 1_024;
const MAX_COMPANY_CHARS = 200;

const commaList = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(512)
    .transform((raw) => [...new Set(raw.split(',').map((part) => part.trim().toUpperCase()).filter((part) => part !== ''))])
    .pipe(z.array(z.enum(values)).min(1));

export const signalsQuerySchema = z.strictObject({
  /** A company name (words of it) or a ticker. */
  company: z.string().trim().min(1).max(MAX_COMPANY_CHARS).optional(),
  type: commaList(SIGNAL_TYPES).optional(),
  /** Filed on or after this date (`YYYY-MM-DD`). */
  since: z.iso.date().optional(),
  min_urgency: z.coerce.number().min(0).max(1).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_SIGNALS_PAGE_SIZE).default(DEFAULT_SIGNALS_PAGE_SIZE),
  cursor: z.string().min(1).max(MAX_CURSOR_CHARS).optional(),
});
export type SignalsQuery = z.output<typeof signalsQuerySchema>;

export const encodeCursor = (values: readonly unknown[]): string => Buffer.from(JSON.stringify(values)).toString('base64url');

function decodeCursor(raw: string): (string | number | null)[] {
  try {
    const values = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')) return values as (string | number | null)[];
  } catch {
    // reported below, naming the parameter
  }
  throw validationError('cursor is not one this API gave out', [{ path: 'cursor', message: 'Invalid cursor' }]);
}

const TICKER = /^[A-Z][A-Z0-9.-]{0,9}$/;

/** Newest filing first, most urgent first within a day, then a stable tiebreaker. */
export function signalsQueryToVql(query: SignalsQuery): VqlQuery {
  const where: NonNullable<VqlQuery['where']> = {};
  const keyword: Record<string, string[]> = {};
  if (query.type) keyword.signal_type = query.type;
  if (query.company && TICKER.test(query.company)) {
    where.keyword_any = { must: [{ filter_key: ['ticker'], values: [query.company] }] };
  } else if (query.company) {
    where.text_matches = { must: [{ filter_key: 'company_name', text_value: query.company, search_type: 'match_phrase' }] };
  }
  if (Object.keys(keyword).length > 0) where.keyword_match = { must: keyword };
  const range: Record<string, { gte: string | number }> = {};
  if (query.since) range.filing_date = { gte: query.since };
  if (query.min_urgency !== undefined) range.urgency_score = { gte: query.min_urgency };
  if (Object.keys(range).length > 0) where.range_query = { must: range };
  return {
    where,
    order_by: [
      { order_by: 'filing_date', order_direction: 'desc' },
      { order_by: 'urgency_score', order_direction: 'desc' },
      { order_by: 'uuid', order_direction: 'asc' },
    ],
    limit: query.limit,
    ...(query.cursor ? { cursor: decodeCursor(query.cursor) } : {}),
  };
}
