import { describe, expect, it } from 'vitest';
import { EDGAR_COMPANY_COUNT, edgarCompanies, generateEdgarDataset, renderFilingDocument } from '../../../../../lib/local/fakes/edgar/index.ts';
import type { EdgarDataset, FilingTruth } from '../../../../../lib/local/fakes/edgar/index.ts';

const dataset = generateEdgarDataset({ seed: 'unit', asOf: '2026-06-15' });

/** HTML to text the way a careful reader does: tags out, entities and every odd space to one space. */
const readable = (html: string): string =>
  html
    .replace(/<div style="display:none">[\s\S]*?<\/div>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;|&#xa0;|&#8201;/gi, ' ')
    .replace(/&amp;/g, '&')
    .replace(/[\u00a0\u2009\u2003\s]+/g, ' ');

const documentText = (d: EdgarDataset, truth: FilingTruth): string => {
  const found = d.documentAt(truth.documentPath)!;
  return readable(renderFilingDocument('unit', found.company, found.filing).body.toString('utf8'));
};

describe('fake EDGAR data', () => {
  it('It should keep the same companies whatever the seed, with unique CIKs and tickers', () => {
    const other = generateEdgarDataset({ seed: 'other', asOf: '2026-06-15' });

    expect(dataset.companies).toHaveLength(EDGAR_COMPANY_COUNT);
    expect(other.companies).toEqual(dataset.companies);
    expect(new Set(edgarCompanies().map((c) => c.cik)).size).toBe(EDGAR_COMPANY_COUNT);
    const tickers = edgarCompanies().flatMap((c) => c.tickers);
    expect(new Set(tickers).size).toBe(tickers.length);
    expect(edgarCompanies().some((c) => /^[A-Z0-9 ./]+$/.test(c.edgarName) && c.edgarName !== c.legalName)).toBe(true);
    expect(other.truth.filings.map((f) => f.accessionNumber)).not.toEqual(dataset.truth.filings.map((f) => f.accessionNumber));
  });

  it('It should give the same filings for the same seed and date', () => {
    expect(generateEdgarDataset({ seed: 'unit', asOf: '2026-06-15' }).truth).toEqual(dataset.truth);
  });

  it('It should list every truth filing in its company’s submissions with its items, dated within the look-back', () => {
    for (const truth of dataset.truth.filings) {
      const listed = dataset.filingsOf(truth.cik).find((f) => f.accessionNumber === truth.accessionNumber);
      expect(listed?.items).toBe(truth.items.join(','));
      expect(listed?.form).toBe(truth.form);
      expect(truth.filingDate <= '2026-06-15' && truth.filingDate > '2025-06-14').toBe(true);
    }
  });

  it('It should cover every kind of filing the brief names: hires, departures, non-signals, amendments, one malformed', () => {
    const { filings } = dataset.truth;
    const types = new Set(filings.flatMap((f) => f.signals.map((s) => s.type)));

    expect([...types].sort()).toEqual(['ACQUISITION', 'CHANGE_IN_CONTROL', 'CYBER_INCIDENT', 'DISTRESS', 'EARNINGS', 'EXECUTIVE_DEPARTURE', 'EXECUTIVE_HIRE', 'FINANCING', 'MATERIAL_AGREEMENT']);
    expect(filings.filter((f) => f.scenario === 'other-events' || f.scenario === 'other-events-only').every((f) => f.signals.length === 0)).toBe(true);
    expect(filings.filter((f) => f.scenario === 'compensation-only').every((f) => f.signals.length === 0 && f.items.includes('5.02'))).toBe(true);
    expect(filings.filter((f) => f.malformed)).toHaveLength(1);
    const amendments = filings.filter((f) => f.form === '8-K/A');
    expect(amendments.length).toBeGreaterThan(0);
    for (const amendment of amendments) {
      const original = filings.find((f) => f.accessionNumber === amendment.amends)!;
      expect(original.cik).toBe(amendment.cik);
      expect(original.form).toBe('8-K');
      expect(original.filingDate <= amendment.filingDate).toBe(true);
    }
  });

  it('It should write each item heading and the officer change into the document, through every style’s spacing', () => {
    const styles = new Set<string>();
    for (const truth of dataset.truth.filings.filter((f) => !f.malformed)) {
      const text = documentText(dataset, truth);
      styles.add(dataset.documentAt(truth.documentPath)!.filing.style);
      for (const item of truth.items) expect(text, truth.documentPath).toMatch(new RegExp(`Item ${item.replace('.', '\\.')}\\b`));
      for (const officer of truth.form === '8-K' ? truth.event.officers : []) {
        expect(text).toContain(officer.change === 'hire' ? `appointed ${officer.name} as ${officer.title}` : `${officer.name} notified the Board`);
      }
    }
    expect([...styles].sort()).toEqual(['inline-xbrl', 'legacy-font', 'modern-div', 'table-layout']);
  });

  it('It should break the malformed filing’s document: cut short and not valid UTF-8', () => {
    const truth = dataset.truth.filings.find((f) => f.malformed)!;
    const found = dataset.documentAt(truth.documentPath)!;
    const body = renderFilingDocument('unit', found.company, found.filing).body;

    expect(truth.signals).toEqual([{ type: 'EARNINGS', item: '2.02' }]);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(body)).toThrow();
    expect(body.toString('latin1')).not.toContain('SIGNATURE');
  });

  it('It should refuse a date that is not YYYY-MM-DD', () => {
    expect(() => generateEdgarDataset({ seed: 'unit', asOf: '15/06/2026' })).toThrow(RangeError);
  });
});
