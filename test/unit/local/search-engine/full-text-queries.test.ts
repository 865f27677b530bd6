import { describe, expect, it } from 'vitest';
import { CONTACTS } from './fixtures.ts';
import { hitsOf, idsOf, matchingIds, useTestEngine } from './helpers.ts';

const INDEX = 'full-text';
const t = useTestEngine({ index: INDEX, docs: CONTACTS });
const ids = (query: unknown): Promise<string[]> => matchingIds(t.client, INDEX, query);

describe('search engine: full-text queries', () => {
  it('It should match any analysed token by default and all of them with operator and', async () => {
    expect(await ids({ match: { first_name: 'JOHN mary' } })).toEqual(['1', '3']);
    expect(await ids({ match: { title: { query: 'software engineer', operator: 'and' } } })).toEqual(['1', '3', '5']);
    expect(await ids({ match: { title: { query: 'Senior engineer', operator: 'and' } } })).toEqual(['1']);
  });

  it('It should honour minimum_should_match as a count or a percentage', async () => {
    expect(await ids({ match: { title: { query: 'software sales engineer', minimum_should_match: '100%' } } })).toEqual(['5']);
    expect(await ids({ match: { title: { query: 'software sales engineer', minimum_should_match: 2 } } })).toEqual(['1', '3', '5']);
    expect(await ids({ match: { title: { query: 'software sales engineer', minimum_should_match: '-1' } } })).toEqual(['1', '3', '5']);
  });

  it('It should match a keyword field on its whole normalised value, and a number field on the number', async () => {
    expect(await ids({ match: { country: 'Fr' } })).toEqual(['1', '4']);
    expect(await ids({ match: { email: 'JOHN.SMITH@ACME.COM' } })).toEqual(['1']);
    expect(await ids({ match: { email: 'john' } })).toEqual([]);
    expect(await ids({ match: { employees: '500' } })).toEqual(['2']);
  });

  it('It should tokenise with the standard analyzer: hyphens split, apostrophes and dots inside words do not', async () => {
    expect(await ids({ match: { first_name: 'jane' } })).toEqual(['2', '3']);
    expect(await ids({ match: { last_name: "o'neil" } })).toEqual(['3']);
    expect(await ids({ match: { last_name: 'neil' } })).toEqual([]);
  });

  it('It should index emails, decimals and numbers with separators as the standard tokenizer does', async () => {
    await t.client.index({ index: 'tokens', id: 'a', body: { text: "Contact john.smith@acme.com: 3.14, 1,000 items; co-founder O'Reilly_Media" }, refresh: true });
    const termIds = async (term: string): Promise<string[]> => idsOf(await t.client.search({ index: 'tokens', body: { query: { term: { text: term } } } }));
    for (const token of ['contact', 'john.smith', 'acme.com', '3.14', '1,000', 'items', 'co', 'founder', "o'reilly_media"]) expect(await termIds(token)).toEqual(['a']);
    expect(await termIds('john')).toEqual([]);
  });

  it('It should score shorter fields and more matching terms higher, breaking ties in index order', async () => {
    const response = await t.client.search({ index: INDEX, body: { query: { match: { title: 'software engineer' } } } });
    const hits = hitsOf(response);
    expect(hits.map((h) => h._id)).toEqual(['3', '1', '5']);
    expect(hits[0]!._score).toBeGreaterThan(hits[1]!._score!);
    expect(hits[1]!._score).toBe(hits[2]!._score);
    expect((response.body as { hits: { max_score: number } }).hits.max_score).toBe(hits[0]!._score);
  });

  it('It should match consecutive tokens only with match_phrase', async () => {
    expect(await ids({ match_phrase: { title: 'software engineer' } })).toEqual(['1', '3']);
    expect(await ids({ match_phrase: { title: 'engineer software' } })).toEqual([]);
    expect(await ids({ match_phrase: { title: { query: 'Head of Sales' } } })).toEqual(['2']);
  });

  it('It should expand the last token of match_phrase_prefix to the terms it starts', async () => {
    expect(await ids({ match_phrase_prefix: { title: 'software eng' } })).toEqual(['1', '3']);
    expect(await ids({ match_phrase_prefix: { title: 'chief exec' } })).toEqual(['4']);
    expect(await ids({ match_phrase_prefix: { title: 'sal' } })).toEqual(['2', '5']);
    expect(await ids({ match_phrase_prefix: { email: 'PIERRE@' } })).toEqual(['4']);
  });

  it('It should match nothing, or everything with zero_terms_query all, when the query analyses to no token', async () => {
    expect(await ids({ match: { title: '---' } })).toEqual([]);
    expect(await ids({ match: { title: { query: '---', zero_terms_query: 'all' } } })).toEqual(['1', '2', '3', '4', '5']);
  });
});

describe('search engine: bool and compound queries', () => {
  it('It should intersect must and filter clauses and remove must_not matches', async () => {
    const query = { bool: { must: [{ match: { title: 'engineer' } }], filter: [{ terms: { country: ['fr', 'us', 'de'] } }], must_not: [{ term: { seniority: 'entry' } }] } };
    expect(await ids(query)).toEqual(['1', '5']);
  });

  it('It should require one should clause when there is no must or filter, and none otherwise', async () => {
    expect(await ids({ bool: { should: [{ term: { country: 'de' } }, { term: { seniority: 'director' } }] } })).toEqual(['2', '5']);
    expect(await ids({ bool: { filter: [{ term: { country: 'fr' } }], should: [{ term: { seniority: 'director' } }] } })).toEqual(['1', '4']);
  });

  it('It should apply minimum_should_match to should clauses alongside a filter', async () => {
    const should = [{ term: { seniority: 'senior' } }, { term: { seniority: 'director' } }, { range: { employees: { gte: 100 } } }];
    expect(await ids({ bool: { filter: [{ terms: { country: ['fr', 'us'] } }], should, minimum_should_match: 1 } })).toEqual(['1', '2', '4']);
    expect(await ids({ bool: { filter: [{ terms: { country: ['fr', 'us'] } }], should, minimum_should_match: 2 } })).toEqual(['2']);
    expect(await ids({ bool: { should, minimum_should_match: 4 } })).toEqual([]);
  });

  it('It should rank docs matching optional should clauses first', async () => {
    const response = await t.client.search({ index: INDEX, body: { query: { bool: { filter: [{ match_all: {} }], should: [{ match: { title: 'sales' } }] } } } });
    const order = idsOf(response);
    expect(order.slice(0, 2).sort()).toEqual(['2', '5']);
    expect(order).toHaveLength(5);
  });

  it('It should treat a must_not-only bool as everything except, and an empty bool as match_all', async () => {
    expect(await ids({ bool: { must_not: [{ exists: { field: 'email' } }] } })).toEqual(['5']);
    expect(await ids({ bool: {} })).toEqual(['1', '2', '3', '4', '5']);
  });

  it('It should nest bool queries', async () => {
    const query = { bool: { filter: [{ bool: { should: [{ term: { country: 'fr' } }, { bool: { must: [{ term: { country: 'us' } }, { term: { verified: true } }] } }] } }] } };
    expect(await ids(query)).toEqual(['1', '3', '4']);
  });

  it('It should score filter-only matches 0 and constant_score matches with its boost', async () => {
    const filtered = hitsOf(await t.client.search({ index: INDEX, body: { query: { bool: { filter: [{ term: { country: 'fr' } }] } } } }));
    expect(filtered.map((h) => h._score)).toEqual([0, 0]);
    const constant = hitsOf(await t.client.search({ index: INDEX, body: { query: { constant_score: { filter: { term: { country: 'fr' } }, boost: 2 } } } }));
    expect(constant.map((h) => h._score)).toEqual([2, 2]);
  });
});
