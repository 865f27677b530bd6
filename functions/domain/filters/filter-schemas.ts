import { z } from 'zod';
import {
  DEFAULT_AUTOCOMPLETE_LIMIT,
  DEFAULT_FILTER_VALUES_LIMIT,
  MAX_AUTOCOMPLETE_LIMIT,
  MAX_FILTER_VALUES_LIMIT,
  MAX_SEARCH_TEXT_LENGTH,
} from './limits.ts';

/** A positive integer given as a number (JSON body) or a numeric string (query string). */
const positiveInt = (max?: number) => {
  const base = z.coerce.number({ message: 'Expected a whole number' }).int('Expected a whole number').min(1, 'At least 1');
  return max === undefined ? base : base.max(max, `At most ${max}`);
};

// The limit on page × limit is checked by the use case, which owns the bucket window.
export const filterValuesRequestSchema = z.strictObject({
  filter_key: z.string().min(1).max(64),
  search_text: z.string().trim().max(MAX_SEARCH_TEXT_LENGTH).optional(),
  page: positiveInt().optional().default(1),
  limit: positiveInt(MAX_FILTER_VALUES_LIMIT).optional().default(DEFAULT_FILTER_VALUES_LIMIT),
});
export type FilterValuesRequest = z.output<typeof filterValuesRequestSchema>;

export const autocompleteQuerySchema = z.strictObject({
  field: z.string().min(1).max(64),
  q: z.string().trim().min(1, 'Give at least one character').max(MAX_SEARCH_TEXT_LENGTH),
  limit: positiveInt(MAX_AUTOCOMPLETE_LIMIT).optional().default(DEFAULT_AUTOCOMPLETE_LIMIT),
});
export type AutocompleteQuery = z.output<typeof autocompleteQuerySchema>;

export const filterDefinitionSchema = z.object({
  key: z.string(),
  filter_type: z.enum(['keyword', 'text', 'range', 'date', 'boolean']),
  display_name: z.string(),
  active: z.boolean(),
});

export const valueBucketSchema = z.object({ value: z.string(), display_value: z.string(), count: z.number().int() });

export const filtersResponseSchema = z.object({ success: z.literal(true), data: z.array(filterDefinitionSchema) });

export const filterValuesResponseSchema = z.object({
  success: z.literal(true),
  data: z.array(valueBucketSchema),
  page: z.number().int(),
  limit: z.number().int(),
  has_more: z.boolean(),
});

export const autocompleteResponseSchema = z.object({
  success: z.literal(true),
  data: z.array(z.object({ value: z.string() })),
});
