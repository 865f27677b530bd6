import { z } from 'zod';
import {
  MAX_FIELD_NAME_LENGTH,
  MAX_FILTER_VALUES,
  MAX_FILTERS_PER_CLAUSE,
  MAX_RANGE_ALTERNATIVES,
  MAX_ORDER_FIELDS,
  MAX_SELECT_COLUMNS,
  MAX_TEXT_CLAUSES,
  MAX_TEXT_FIELDS,
  MAX_TEXT_LENGTH,
  MAX_TEXT_VALUES,
} from './limits.ts';

/**
 * The request shape of VQL (Connectra's), plus leadstack additions: `where.exists` (a field
 * has a value, or has none), any-of lists in a text clause, any-of lists of ranges, and
 * `keyword_any` (exact values on any of several fields). Field names are checked later,
 * against the catalog, so the error can say which field of which record type is unknown.
 */

const fieldName = z.string().min(1).max(MAX_FIELD_NAME_LENGTH);

/** A record of at most `max` fields: bounded so a query cannot name thousands of filters. */
const boundedRecord = <T extends z.ZodType>(value: T, max: number) =>
  z.record(fieldName, value).refine((r) => Object.keys(r).length <= max, { message: `At most ${max} fields` });

const scalar = z.union([z.string().max(MAX_TEXT_LENGTH), z.number(), z.boolean()]);
const keywordValue = z.union([scalar, z.array(scalar).min(1).max(MAX_FILTER_VALUES)]);
const keywordClauses = boundedRecord(keywordValue, MAX_FILTERS_PER_CLAUSE);

const bound = z.union([z.number(), z.string().max(64)]);
const rangeValue = z
  .strictObject({ gte: bound.optional(), gt: bound.optional(), lte: bound.optional(), lt: bound.optional() })
  .refine((r) => Object.values(r).some((v) => v !== undefined), { message: 'Give at least one of gte, gt, lte, lt' });
/** One range, or several alternatives (`employees_count: [{gte: 51, lte: 200}, {gte: 201, lte: 500}]`): any of them matches. */
const rangeClauses = boundedRecord(z.union([rangeValue, z.array(rangeValue).min(1).max(MAX_RANGE_ALTERNATIVES)]), MAX_FILTERS_PER_CLAUSE);

export const TEXT_SEARCH_TYPES = ['match', 'match_phrase', 'match_phrase_prefix'] as const;
const text = z.string().min(1).max(MAX_TEXT_LENGTH);
const textClause = z.strictObject({
  /** One text field, or several: the clause matches when any of them matches. */
  filter_key: z.union([fieldName, z.array(fieldName).min(1).max(MAX_TEXT_FIELDS)]),
  /** One text, or several alternatives: the clause matches when any of them matches. */
  text_value: z.union([text, z.array(text).min(1).max(MAX_TEXT_VALUES)]),
  search_type: z.enum(TEXT_SEARCH_TYPES).default('match'),
  /** For `match`: whether every word (and) or any word (or, the default) must appear. */
  operator: z.enum(['or', 'and']).optional(),
});
const textClauses = z.array(textClause).max(MAX_TEXT_CLAUSES);
const existsFields = z.array(fieldName).min(1).max(MAX_FILTERS_PER_CLAUSE);

const mustPair = <T extends z.ZodType>(inner: T) =>
  z.strictObject({ must: inner.optional(), must_not: inner.optional() });

/**
 * Exact values on any of several keyword fields (`location`: city, state or country): the
 * clause matches when one of the fields holds one of the values. The fields must all sit on the
 * same record (the contact's own, or its company's).
 */
const anyKeywordClause = z.strictObject({
  filter_key: z.array(fieldName).min(2).max(MAX_TEXT_FIELDS),
  values: z.array(scalar).min(1).max(MAX_FILTER_VALUES),
});
const anyKeywordClauses = z.array(anyKeywordClause).max(MAX_TEXT_CLAUSES);

export const vqlWhereSchema = z.strictObject({
  text_matches: mustPair(textClauses).optional(),
  keyword_any: mustPair(anyKeywordClauses).optional(),
  keyword_match: mustPair(keywordClauses).optional(),
  range_query: mustPair(rangeClauses).optional(),
  exists: mustPair(existsFields).optional(),
});

export const orderBySchema = z.strictObject({
  order_by: fieldName,
  order_direction: z.enum(['asc', 'desc']).default('asc'),
});

export const cursorValue = z.union([z.string().max(MAX_TEXT_LENGTH), z.number(), z.null()]);

const selectColumns = z.array(fieldName).max(MAX_SELECT_COLUMNS);

export const companyConfigSchema = z.strictObject({
  populate: z.boolean().default(false),
  /** The company's columns to attach; all of them when omitted. */
  select_columns: selectColumns.optional(),
});

export const vqlQuerySchema = z.strictObject({
  where: vqlWhereSchema.optional(),
  order_by: z.array(orderBySchema).max(MAX_ORDER_FIELDS).optional(),
  /** The `cursor` of the last hit of the previous page (its sort values). */
  cursor: z.array(cursorValue).max(MAX_ORDER_FIELDS + 1).optional(),
  page: z.int().min(1).optional(),
  // The page-size ceiling is checked after parsing, so it can carry its own error code.
  limit: z.int().min(1).optional(),
  select_columns: selectColumns.optional(),
  /** Contacts only: attach each contact's company. */
  company_config: companyConfigSchema.optional(),
});

export const vqlCountSchema = z.strictObject({ where: vqlWhereSchema.optional() });

export type VqlQuery = z.output<typeof vqlQuerySchema>;
export type VqlWhere = z.output<typeof vqlWhereSchema>;
export type VqlTextClause = NonNullable<NonNullable<VqlWhere['text_matches']>['must']>[number];
export type VqlAnyKeywordClause = NonNullable<NonNullable<VqlWhere['keyword_any']>['must']>[number];
