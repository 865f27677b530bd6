import { describe, expect, it } from 'vitest';
import { compileFilterValues, listFilterValues } from '../../../../functions/domain/filters/filter-values.ts';
import { filterValuesRequestSchema } from '../../../../functions/domain/filters/filter-schemas.ts';
import { MAX_FILTER_VALUES_WINDOW } from '../../../../functions/domain/filters/limits.ts';
import { AppError } from '../../../../functions/platform/errors.ts';
import { bucketsOf, FakeAnalytics } from './fake-analytics.ts';

const request = (input: Record<string, unknown>) => filterValuesRequestSchema.parse(input);

const errorOf = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
};

describe('filter values', () => {
  it('It should aggregate the field inside the workspace, asking for the page end plus one', () => {
    // Act
    const body = compileFilterValues('contact', 'ws-1', request({ filter_key: 'country', page: 2, limit: 5 }));
    // Assess
    expect(body).toEqual({
      size: 0,
      query: { bool: { filter: [{ term: { workspace_id: 'ws-1' } }] } },
      aggs: { values: { terms: { field: 'country', size: 11, order: [{ _count: 'desc' }, { _key: 'asc' }] } } },
    });
  });

  it('It should narrow by search_text with an escaped word-prefix include, and sample spellings of mixed-case fields', () => {
    // Act
    const body = compileFilterValues('company', 'ws-1', request({ filter_key: 'name', search_text: '  Acme.' }));
    // Assess
    const values = (body.aggs as Record<string, any>).values;
    expect(values.terms).toMatchObject({ field: 'name.keyword', include: '(.*[ \\-/])?acme\\..*', size: 21 });
    expect(values.aggs.sample.top_hits).toEqual({ size: 1, _source: { includes: ['name'] }, sort: [{ updated_at: { order: 'desc' } }] });
  });

  it('It should refuse a filter_key that is unknown, hidden or not a value filter, naming filter_key', () => {
    for (const key of ['nope', 'workspace_id', 'employees_count', '__proto__', 'constructor']) {
      // Act
      const error = errorOf(() => compileFilterValues('company', 'ws', request({ filter_key: key })));
      // Assess
      expect(error.code).toBe('ERR_VALIDATION');
      expect(error.details[0]?.path).toBe('filter_key');
    }
  });

  it('It should refuse pages beyond the bucket window', () => {
    // Act
    const error = errorOf(() => compileFilterValues('company', 'ws', request({ filter_key: 'city', page: MAX_FILTER_VALUES_WINDOW / 100 + 1, limit: 100 })));
    // Assess
    expect(error.code).toBe('ERR_PAGE_SIZE_EXCEEDED');
    expect(error.details[0]?.path).toBe('page');
  });

  it('It should cut the requested page out of the buckets and say whether more follow', async () => {
    // Prepare
    const rows = [['technology', 5, 'Technology'], ['software', 4, ['SaaS', 'Software']], ['retail', 3, 'Retail'], ['saas', 1, 'SaaS']] as const;
    const analytics = new FakeAnalytics({ company: { aggregations: { values: bucketsOf('industries', rows) } } });
    // Act
    const page = await listFilterValues(analytics, 'company', 'ws', request({ filter_key: 'industries', page: 2, limit: 2 }));
    // Assess
    expect(page).toEqual({
      data: [
        { value: 'retail', display_value: 'Retail', count: 3 },
        { value: 'saas', display_value: 'SaaS', count: 1 },
      ],
      page: 2,
      limit: 2,
      has_more: false,
    });
    expect(analytics.calls[0]?.entity).toBe('company');
  });

  it('It should validate page and limit at the edge', () => {
    expect(filterValuesRequestSchema.safeParse({ filter_key: 'city', limit: 101 }).success).toBe(false);
    expect(filterValuesRequestSchema.safeParse({ filter_key: 'city', page: 0 }).success).toBe(false);
    expect(filterValuesRequestSchema.safeParse({ filter_key: 'city', extra: 1 }).success).toBe(false);
    expect(filterValuesRequestSchema.safeParse({ filter_key: 'city', search_text: 'x'.repeat(101) }).success).toBe(false);
    expect(filterValuesRequestSchema.parse({ filter_key: 'city' })).toEqual({ filter_key: 'city', page: 1, limit: 20 });
  });
});
