import { z } from 'zod';
import { MAX_FILTER_VALUES, MAX_ORDER_FIELDS, MAX_TEXT_CLAUSES, MAX_TEXT_LENGTH } from './limits.ts';

/** The request shape of VQL (Connectra's): field names are checked later, against the catalog. */

const scalar = z.union([z.string().max(MAX_TEXT_LENGTH), z.number(), z.boolean()]);
const keywordValue = z.union([scalar, z.array(scalar).min(1).max(MAX_FILTER_VALUES)]);
const keywordClauses = z.record(z.string(), keywordValue);

const bound = z.union([z.number(), z.string().max(64)]);
const rangeValue = z
  .strictObject({ gte: bound.optional(), gt: bound.optional(), lte: bound.optional(), lt: bound.optional() })
  .refine((r) => Object.values(r).some((v) => v !== undefined), { message: 'Give at least one of gte, gt, lte, lt' });
const rangeClauses = z.record(z.string(), rangeValue);

export const TEXT_SEARCH_TYPES = ['match', 'match_phrase', 'match_phrase_prefix'] as const;
const textClause = z.strictObject({
  filter_key: z.string(),
  text_value: z.string().min(1).max(MAX_TEXT_LENGTH),
  search_type: z.enum(TEXT_SEARCH_TYPES).default('match'),
  operator: z.enum(['or', 'and']).optional(),
});
const textClauses = z.array(textClause).max(MAX_TEXT_CLAUSES);

const mustPair = <T extends z.ZodType>(inner: T) =>
  z.strictObject({ must: inner.optional(), must_not: inner.optional() });

export const vqlWhereSchema = z.strictObject({
  text_matches: mustPair(textClauses).optional(),
  keyword_match: mustPair(keywordClauses).optional(),
  range_query: mustPair(rangeClauses).optional(),
});

export const orderBySchema = z.strictObject({
  order_by: z.string(),
  order_direction: z.enum(['asc', 'desc']).default('asc'),
});

export const cursorValue = z.union([z.string().max(MAX_TEXT_LENGTH), z.number(), z.null()]);

export const vqlQuerySchema = z.strictObject({
  where: vqlWhereSchema.optional(),
  order_by: z.array(orderBySchema).max(MAX_ORDER_FIELDS).optional(),
  cursor: z.array(cursorValue).max(MAX_ORDER_FIELDS + 1).optional(),
  page: z.int().min(1).optional(),
  // The page-size ceiling is checked after parsing, so it can carry its own error code.
  limit: z.int().min(1).optional(),
  select_columns: z.array(z.string()).max(100).optional(),
});

export const vqlCountSchema = z.strictObject({ where: vqlWhereSchema.optional() });

export type VqlQuery = z.output<typeof vqlQuerySchema>;
export type VqlWhere = z.output<typeof vqlWhereSchema>;
