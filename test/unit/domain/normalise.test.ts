import { describe, expect, it } from 'vitest';
import { cleanText, domainOf, parseLenientNumber, toList, urlIdentity } from '../../../functions/domain/records/normalise.ts';

describe('normalisation', () => {
  it('It should trim and collapse whitespace', () => {
    expect(cleanText('  Acme \t  Corp\n ')).toBe('Acme Corp');
  });

  it('It should split comma-separated values, dropping blanks and case-insensitive repeats', () => {
    expect(toList(' Engineering, Product,, engineering ,Sales ')).toEqual(['Engineering', 'Product', 'Sales']);
    expect(toList(['A', ' a ', 'B'])).toEqual(['A', 'B']);
  });

  it.each([
    ['1,200', 1200],
    ['$5M', 5_000_000],
    ['2.5k', 2500],
    ['€1,234,567', 1234567],
    ['42', 42],
    [17, 17],
  ])('It should parse %s leniently as %s', (input, expected) => {
    expect(parseLenientNumber(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['50-100', 'about 50', '1,20', '12abc', '', 'NaN'])('It should refuse to guess a number from "%s"', (input) => {
    expect(parseLenientNumber(input).ok).toBe(false);
  });

  it('It should refuse non-finite numbers', () => {
    expect(parseLenientNumber(Number.POSITIVE_INFINITY).ok).toBe(false);
  });

  it('It should give one identity to URL spellings of the same page', () => {
    const forms = ['https://www.LinkedIn.com/in/JohnDoe/', 'http://linkedin.com/in/johndoe', 'linkedin.com/in/johndoe?trk=x'];
    expect(new Set(forms.map(urlIdentity))).toEqual(new Set(['linkedin.com/in/johndoe']));
  });

  it('It should derive a bare domain from a website and nothing from junk', () => {
    expect(domainOf('https://www.Acme.com/about')).toBe('acme.com');
    expect(domainOf('not a url')).toBeUndefined();
  });
});
