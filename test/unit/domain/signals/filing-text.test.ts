import { describe, expect, it } from 'vitest';
import { EXCERPT_MAX_CHARS, excerptItem, htmlToText, normaliseSpaces } from '../../../../functions/domain/signals/filing-text.ts';

const WORD_STYLE = `<html><head><title>8-K</title><style>p{margin:0}</style></head><body>
<div style="display:none"><ix:header><ix:hidden>dei:EntityCentralIndexKey 0000320193</ix:hidden></ix:header></div>
<p style="font-family:Times">UNITED STATES SECURITIES AND EXCHANGE COMMISSION</p>
<table><tr><td><b>Item&#160;5.02</b></td><td><b>Departure of Directors or Certain Officers; Election of Directors</b></td></tr></table>
<p>On November&nbsp;18, 2026, Jane&#8201;Doe notified the Board of her decision to resign as Chief&#x2009;Financial Officer.</p>
<p>The Board appointed John&#x202F;Roe   as interim Chief Financial Officer.</p>
<p><b>Item 9.01 Financial Statements and Exhibits.</b></p>
<p>(d) Exhibits. 99.1 Press release.</p>
<p>SIGNATURES</p></body></html>`;

describe('htmlToText', () => {
  it('should keep visible text only, one line per block, with every kind of space made plain', () => {
    const text = htmlToText(WORD_STYLE);
    expect(text).not.toContain('EntityCentralIndexKey');
    expect(text).not.toContain('margin');
    expect(text).toContain('Item 5.02 Departure of Directors or Certain Officers; Election of Directors');
    expect(text).toContain('On November 18, 2026, Jane Doe notified the Board of her decision to resign as Chief Financial Officer.');
    expect(text).toContain('The Board appointed John Roe as interim Chief Financial Officer.');
    expect(text).not.toMatch(/[\u00a0\u2009\u202f]/);
  });

  it('should drop zero-width characters and collapse runs of mixed spaces', () => {
    expect(normaliseSpaces('\u00a0 Item\u200b 1.01\u2002\u2003Entry \n\t into ')).toBe('Item 1.01 Entry into');
  });
});

describe('excerptItem', () => {
  it('should take an item from its heading to the next item heading', () => {
    const excerpt = excerptItem(htmlToText(WORD_STYLE), '5.02');
    expect(excerpt).toBe(
      'Item 5.02 Departure of Directors or Certain Officers; Election of Directors On November 18, 2026, Jane Doe notified the Board of her decision to resign as Chief Financial Officer. The Board appointed John Roe as interim Chief Financial Officer.',
    );
  });

  it('should stop at the signature block and read upper-case headings with a trailing period', () => {
    const text = htmlToText('<p>ITEM 2.02. RESULTS OF OPERATIONS</p><p>Revenue rose.</p><p>Signatures</p><p>By: /s/ CFO</p>');
    expect(excerptItem(text, '2.02')).toBe('ITEM 2.02. RESULTS OF OPERATIONS Revenue rose.');
  });

  it('should not take a cross-reference inside a sentence for the heading', () => {
    const text = htmlToText('<p>The information in Item 2.02 is furnished.</p><p>Item 7.01 Regulation FD</p><p>See the release.</p>');
    expect(excerptItem(text, '2.02')).toBeUndefined();
    expect(excerptItem(text, '7.01')).toBe('Item 7.01 Regulation FD See the release.');
  });

  it('should cap a long item at a word boundary', () => {
    const text = htmlToText(`<p>Item 8.01 Other Events</p><p>${'word '.repeat(1_000)}</p>`);
    const excerpt = excerptItem(text, '8.01') ?? '';
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_MAX_CHARS + 1);
    expect(excerpt.endsWith('word…')).toBe(true);
  });

  it('should survive malformed markup', () => {
    const text = htmlToText('<p>Item 1.05 Material Cybersecurity Incidents<p>We detected <b>unauthorized access</td></table>');
    expect(excerptItem(text, '1.05')).toBe('Item 1.05 Material Cybersecurity Incidents We detected unauthorized access');
  });
});
