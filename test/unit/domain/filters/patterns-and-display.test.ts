import { describe, expect, it } from 'vitest';
import { displayValue } from '../../../../functions/domain/filters/display-value.ts';
import { escapeLucenePattern, wordPrefixPattern } from '../../../../functions/domain/filters/lucene-pattern.ts';
import { luceneRegExp } from '../../../../lib/local/search-engine/aggregations/include-exclude.ts';

describe('word-prefix patterns', () => {
  it('It should escape every Lucene operator so user text is matched literally', () => {
    // Act
    const escaped = escapeLucenePattern('a.b*c"d@e&f~g#h<i>j(k)\\l');
    // Assess
    expect(escaped).toBe('a\\.b\\*c\\"d\\@e\\&f\\~g\\#h\\<i\\>j\\(k\\)\\\\l');
  });

  it('It should match values starting with the text, or holding a word that does, case-folded', () => {
    // Prepare
    const re = luceneRegExp(wordPrefixPattern('United'));
    // Assess
    expect(['united states', 'united kingdom', 'the united nations', 'north-united', 'a/united'].every((v) => re.test(v))).toBe(true);
    expect(['reunited', 'unite', 'kingdom'].some((v) => re.test(v))).toBe(false);
  });

  it('It should treat regex-looking text as plain characters', () => {
    // Prepare
    const re = luceneRegExp(wordPrefixPattern('.*'));
    // Assess
    expect(re.test('anything')).toBe(false);
    expect(re.test('.* literal')).toBe(true);
  });
});

describe('display values', () => {
  it('It should give back the sampled original spelling of a normalised key', () => {
    expect(displayValue({ type: 'keyword', array: true }, 'python django', ['Java', 'Python Django'])).toBe('Python Django');
    expect(displayValue({ type: 'text' }, 'acme corp', 'Acme Corp')).toBe('Acme Corp');
  });

  it('It should capitalise words of a field stored lowercase, and keep other keys as they are', () => {
    expect(displayValue({ type: 'keyword', lowercase: true }, 'united states', undefined)).toBe('United States');
    expect(displayValue({ type: 'keyword', lowercase: true }, 'bosnia-herzegovina', undefined)).toBe('Bosnia-Herzegovina');
    expect(displayValue({ type: 'keyword' }, 'saas', 'Other')).toBe('saas');
  });

  it('It should keep emails, URLs and domains of lowercase fields as stored', () => {
    const lower = { type: 'keyword', lowercase: true } as const;
    expect(displayValue(lower, 'p1@acme.com', undefined)).toBe('p1@acme.com');
    expect(displayValue(lower, 'https://linkedin.com/in/jd', undefined)).toBe('https://linkedin.com/in/jd');
    expect(displayValue(lower, 'acme.co.uk', undefined)).toBe('acme.co.uk');
    expect(displayValue(lower, 'st. louis', undefined)).toBe('St. Louis');
  });
});
