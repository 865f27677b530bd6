import { describe, expect, it } from 'vitest';
import { looseCompanyKey, normaliseCompanyName } from '../../../../functions/domain/research/company-name.ts';
import { indexTickers, matchTicker } from '../../../../functions/domain/research/match-tickers.ts';

const LIST = [
  { cik: '0000320193', ticker: 'AAPL', title: 'Apple Inc.' },
  { cik: '0001047122', ticker: 'APLE', title: 'Apple Hospitality REIT, Inc.' },
  { cik: '0000021344', ticker: 'KO', title: 'COCA COLA CO' },
  { cik: '0000732717', ticker: 'T', title: 'AT&T INC.' },
  { cik: '0000886982', ticker: 'GS', title: 'GOLDMAN SACHS GROUP INC' },
  { cik: '0001652044', ticker: 'GOOGL', title: 'Alphabet Inc.' },
  { cik: '0001652044', ticker: 'GOOG', title: 'Alphabet Inc.' },
  { cik: '0000037996', ticker: 'F', title: 'FORD MOTOR CO' },
  { cik: '0000027904', ticker: 'DAL', title: 'DELTA AIR LINES, INC.' },
  { cik: '0000029002', ticker: 'DLA', title: 'DELTA APPAREL, INC' },
  { cik: '0001108524', ticker: 'CRM', title: 'Salesforce, Inc.' },
  { cik: '0000200406', ticker: 'JNJ', title: 'JOHNSON & JOHNSON' },
  { cik: '0000066740', ticker: 'MMM', title: '3M CO' },
  { cik: '0001000001', ticker: 'ACMA', title: 'Acme United Corp' },
  { cik: '0001000002', ticker: 'ACMB', title: 'ACME Holdings Ltd' },
  { cik: '0001000003', ticker: 'BOXX', title: 'Box Inc' },
  { cik: '0001000004', ticker: 'BOXS', title: 'Boxed Shipping Inc' },
];
const index = indexTickers(LIST);
const THRESHOLD = 0.8;

describe('company names', () => {
  it.each([
    ['The Coca-Cola Company', 'coca cola'],
    ['COCA COLA CO', 'coca cola'],
    ['AT&T Inc.', 'at and t'],
    ['Nestlé S.A.', 'nestle'],
    ['Alphabet Inc. /DE/', 'alphabet'],
  ])('It should normalise %s to %s', (raw, key) => {
    expect(normaliseCompanyName(raw)).toBe(key);
  });

  it('It should drop group words only from the loose key', () => {
    expect(normaliseCompanyName('Goldman Sachs Group, Inc.')).toBe('goldman sachs group');
    expect(looseCompanyKey('Goldman Sachs Group, Inc.')).toBe('goldman sachs');
  });
});

describe('matchTicker', () => {
  it.each([
    ['Apple', 'AAPL'],
    ['The Coca-Cola Company', 'KO'],
    ['AT&T', 'T'],
    ['Salesforce', 'CRM'],
    ['Johnson & Johnson', 'JNJ'],
    ['3M', 'MMM'],
    ['Goldman Sachs', 'GS'],
    ['Alphabet', 'GOOGL'],
    ['Box, Inc.', 'BOXX'],
  ])('It should match %s to %s', (name, ticker) => {
    const match = matchTicker(index, name, THRESHOLD);
    expect(match).toMatchObject({ matched: true, ticker });
    if (match.matched) expect(match.confidence).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it.each([
    ['Delta', 'ambiguous'],
    ['Ford', 'low_confidence'],
    ['Acme', 'ambiguous'],
    ['Globex', 'not_listed'],
    ['Box Office', 'not_listed'],
  ])('It should not guess a ticker for %s (%s)', (name, reason) => {
    expect(matchTicker(index, name, THRESHOLD)).toMatchObject({ matched: false, reason });
  });

  it('It should accept the looser prefix match when the threshold allows it, with its lower confidence', () => {
    const match = matchTicker(index, 'Ford', 0.6);
    expect(match).toMatchObject({ matched: true, ticker: 'F', method: 'prefix' });
    if (match.matched) expect(match.confidence).toBeLessThan(0.8);
  });
});
