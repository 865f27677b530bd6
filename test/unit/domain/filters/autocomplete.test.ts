import { describe, expect, it } from 'vitest';
import { autocomplete, compileAutocomplete } from '../../../../functions/domain/filters/autocomplete.ts';
import { autocompleteQuerySchema } from '../../../../functions/domain/filters/filter-schemas.ts';
import { AppError } from '../../../../functions/platform/errors.ts';
import { bucketsOf, FakeAnalytics } from './fake-analytics.ts';

const query = (input: Record<string, unknown>) => autocompleteQuerySchema.parse(input);

describe('autocomplete', () => {
  it('It should suggest distinct values of a field by word prefix, scoped to the workspace', async () => {
    // Prepare
    const analytics = new FakeAnalytics({
      company: { aggregations: { suggestions: bucketsOf('technologies', [['python', 3, ['Python', 'Go']], ['python django', 1, ['Python Django']]]) } },
    });
    // Act
    const suggestions = await autocomplete(analytics, 'company', 'ws-9', query({ field: 'technologies', q: 'PYTH', limit: '5' }));
    // Assess
    expect(suggestions).toEqual([{ value: 'Python' }, { value: 'Python Django' }]);
    const body = analytics.calls[0]!.body as Record<string, any>;
    expect(body.query).toEqual({ bool: { filter: [{ term: { workspace_id: 'ws-9' } }] } });
    expect(body.aggs.suggestions.terms).toMatchObject({ field: 'technologies', size: 5, include: '(.*[ \\-/])?pyth.*' });
  });

  it('It should map client field names onto catalog fields per record type', () => {
    const target = (entity: 'company' | 'contact', field: string) => (compileAutocomplete(entity, 'ws', query({ field, q: 'a' })) as any).aggs.suggestions.terms.field;
    expect(target('company', 'industry')).toBe('industries');
    expect(target('company', 'keywords')).toBe('keywords.keyword');
    expect(target('company', 'name')).toBe('name.keyword');
    expect(target('contact', 'email')).toBe('email');
    expect(target('contact', 'company')).toBe('company_name.keyword');
    expect(target('contact', 'title')).toBe('title.keyword');
  });

  it("It should read a contact's technologies and keywords from the companies", () => {
    const body = compileAutocomplete('contact', 'ws', query({ field: 'technologies', q: 'py' }));
    expect(JSON.stringify(body)).toContain('"technologies');
    expect(JSON.stringify(body)).not.toContain('company.');
  });

  it('It should refuse fields a record type has no suggestions for, naming field', () => {
    for (const [entity, field] of [['contact', 'founded_year'], ['contact', 'industry'], ['company', 'email'], ['company', 'title'], ['company', '__proto__'], ['contact', 'toString']] as const) {
      let caught: unknown;
      try {
        compileAutocomplete(entity, 'ws', query({ field, q: 'a' }));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe('ERR_VALIDATION');
      expect((caught as AppError).details[0]?.path).toBe('field');
    }
  });

  it('It should suggest full contact names from first and last name hits, without duplicates', async () => {
    // Prepare
    const hits = [
      { first_name: 'John', last_name: 'Doe' },
      { first_name: 'john', last_name: 'DOE' },
      { first_name: 'John', last_name: 'Dorian' },
      { first_name: 'Johnny' },
    ];
    const analytics = new FakeAnalytics({ contact: { hits } });
    // Act
    const suggestions = await autocomplete(analytics, 'contact', 'ws', query({ field: 'name', q: 'john d', limit: 2 }));
    // Assess
    expect(suggestions).toEqual([{ value: 'John Doe' }, { value: 'John Dorian' }]);
    const body = analytics.calls[0]!.body as Record<string, any>;
    expect(body.size).toBe(10);
    expect(body.query.bool.filter[0]).toEqual({ term: { workspace_id: 'ws' } });
    expect(body.query.bool.filter[1].bool.should).toContainEqual({
      bool: { filter: [{ match_phrase: { first_name: { query: 'john' } } }, { match_phrase_prefix: { last_name: { query: 'd' } } }] },
    });
  });

  it('It should validate q and limit at the edge', () => {
    expect(autocompleteQuerySchema.safeParse({ field: 'name', q: '   ' }).success).toBe(false);
    expect(autocompleteQuerySchema.safeParse({ field: 'name', q: 'a', limit: '51' }).success).toBe(false);
    expect(autocompleteQuerySchema.safeParse({ field: 'name', q: 'a', limit: 'x' }).success).toBe(false);
    expect(autocompleteQuerySchema.safeParse({ field: 'name', q: 'a', other: '1' }).success).toBe(false);
    expect(autocompleteQuerySchema.parse({ field: 'name', q: ' ab ' })).toEqual({ field: 'name', q: 'ab', limit: 10 });
  });
});
