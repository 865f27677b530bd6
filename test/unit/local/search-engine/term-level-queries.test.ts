import { describe, expect, it } from 'vitest';
import { CONTACTS } from './fixtures.ts';
import { failure, matchingIds, useTestEngine } from './helpers.ts';

const INDEX = 'term-level';
const t = useTestEngine({ index: INDEX, docs: CONTACTS });
const ids = (query: unknown): Promise<string[]> => matchingIds(t.client, INDEX, query);

describe('search engine: term-level queries', () => {
  it('It should match keyword terms case-insensitively through the lowercase normalizer', async () => {
    expect(await ids({ term: { country: 'FR' } })).toEqual(['1', '4']);
    expect(await ids({ term: { country: 'us' } })).toEqual(['2', '3']);
    expect(await ids({ term: { email: 'JOHN.SMITH@ACME.COM' } })).toEqual(['1']);
  });

  it('It should look up a term on a text field verbatim, without analysing it', async () => {
    expect(await ids({ term: { first_name: 'john' } })).toEqual(['1']);
    expect(await ids({ term: { first_name: 'John' } })).toEqual([]);
    expect(await ids({ term: { 'last_name.keyword': "O'NEIL" } })).toEqual(['3']);
  });

  it('It should match numbers exactly, coercing numeric strings and matching nothing for a decimal on an integer field', async () => {
    expect(await ids({ term: { employees: 50 } })).toEqual(['1', '5']);
    expect(await ids({ term: { employees: '500' } })).toEqual(['2']);
    expect(await ids({ term: { employees: 50.5 } })).toEqual([]);
  });

  it('It should treat a date term as the whole span its text covers', async () => {
    expect(await ids({ term: { created_at: '2024-01-15' } })).toEqual(['1', '5']);
    expect(await ids({ term: { created_at: '2024-01-15T10:00:00Z' } })).toEqual(['1']);
    expect(await ids({ term: { created_at: 1_700_000_000_000 } })).toEqual(['3']);
  });

  it('It should match booleans given as booleans or strings', async () => {
    expect(await ids({ term: { verified: true } })).toEqual(['1', '3']);
    expect(await ids({ term: { verified: 'false' } })).toEqual(['2']);
  });

  it('It should match any of the given terms, array values included', async () => {
    expect(await ids({ terms: { country: ['fr', 'DE'] } })).toEqual(['1', '4', '5']);
    expect(await ids({ terms: { departments: ['data', 'SALES'] } })).toEqual(['1', '2']);
    expect(await ids({ terms: { employees: [10, 500] } })).toEqual(['2', '3']);
    expect(await ids({ terms: { _id: ['4', '2', '42'] } })).toEqual(['2', '4']);
  });

  it('It should apply gt/gte/lt/lte on integers and doubles', async () => {
    expect(await ids({ range: { employees: { gt: 10, lte: 500 } } })).toEqual(['1', '2', '5']);
    expect(await ids({ range: { employees: { gte: 50, lt: 500 } } })).toEqual(['1', '5']);
    expect(await ids({ range: { employees: { lt: 50 } } })).toEqual(['3']);
    expect(await ids({ range: { score: { gt: 4.5 } } })).toEqual(['4']);
    expect(await ids({ range: { score: { gte: 4.5 } } })).toEqual(['1', '4']);
    expect(await ids({ range: { employees: { gt: 49.5, lt: 50.5 } } })).toEqual(['1', '5']);
  });

  it('It should compare dates as instants, rounding date-only gt and lte bounds up to the end of the day', async () => {
    expect(await ids({ range: { created_at: { gte: '2024-01-01' } } })).toEqual(['1', '2', '5']);
    expect(await ids({ range: { created_at: { lt: '2024-01-15' } } })).toEqual(['3', '4']);
    expect(await ids({ range: { created_at: { lte: '2024-01-15' } } })).toEqual(['1', '3', '4', '5']);
    expect(await ids({ range: { created_at: { gt: '2024-01-15' } } })).toEqual(['2']);
    expect(await ids({ range: { created_at: { gte: 1_700_000_000_000, lte: 1_700_000_000_000 } } })).toEqual(['3']);
  });

  it('It should resolve date math relative to now and to an anchor date', async () => {
    expect(await ids({ range: { created_at: { gte: 'now-100y', lte: 'now' } } })).toEqual(['1', '2', '3', '4', '5']);
    expect(await ids({ range: { created_at: { gte: '2024-01-20||/M', lt: '2024-01-20||+1M/M' } } })).toEqual(['1', '5']);
    expect(await ids({ range: { created_at: { gt: 'now' } } })).toEqual([]);
  });

  it('It should compare keyword ranges lexicographically on normalised values', async () => {
    expect(await ids({ range: { country: { gte: 'E', lt: 'g' } } })).toEqual(['1', '4']);
    expect(await ids({ range: { country: { gt: 'fr' } } })).toEqual(['2', '3']);
  });

  it('It should find docs holding a value, skipping nulls, empty arrays and unmapped fields', async () => {
    expect(await ids({ exists: { field: 'email' } })).toEqual(['1', '2', '3', '4']);
    expect(await ids({ exists: { field: 'departments' } })).toEqual(['1', '2', '3']);
    expect(await ids({ exists: { field: 'not_mapped' } })).toEqual([]);
  });

  it('It should match keyword prefixes after normalising them and text prefixes against indexed tokens', async () => {
    expect(await ids({ prefix: { email: 'JOHN' } })).toEqual(['1']);
    expect(await ids({ prefix: { first_name: 'ja' } })).toEqual(['2', '3']);
    expect(await ids({ prefix: { 'last_name.keyword': { value: 'd' } } })).toEqual(['2', '4']);
  });

  it('It should refuse a prefix query on a numeric field as OpenSearch does', async () => {
    const { statusCode, body } = await failure(t.client.search({ index: INDEX, body: { query: { prefix: { employees: '5' } } } }));
    expect(statusCode).toBe(400);
    expect(body.error.reason).toContain('Can only use prefix queries on keyword and text fields');
  });

  it('It should match everything, nothing, or the listed ids', async () => {
    expect(await ids({ match_all: {} })).toEqual(['1', '2', '3', '4', '5']);
    expect(await ids({ match_none: {} })).toEqual([]);
    expect(await ids({ ids: { values: ['2', '4', '99'] } })).toEqual(['2', '4']);
  });

  it('It should match nothing on a field the mapping does not know', async () => {
    expect(await ids({ term: { nickname: 'x' } })).toEqual([]);
    expect(await ids({ range: { nickname: { gte: 1 } } })).toEqual([]);
  });

  it('It should answer 400 for a value that cannot be parsed for the field type', async () => {
    const { statusCode, body } = await failure(t.client.search({ index: INDEX, body: { query: { term: { employees: 'many' } } } }));
    expect(statusCode).toBe(400);
    expect(body.error.reason).toContain('many');
  });
});
