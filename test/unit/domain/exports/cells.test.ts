import { describe, expect, it } from 'vitest';
import { cellText, cellValue } from '../../../../functions/domain/exports/cells.ts';
import { csvField, csvLine } from '../../../../functions/domain/exports/csv-writer.ts';
import { neutraliseCell } from '../../../../functions/domain/exports/neutralise.ts';

describe('formula neutralisation', () => {
  it.each([
    ['=cmd|\' /C calc\'!A0', "'=cmd|' /C calc'!A0"],
    ['+1 555 0100', "'+1 555 0100"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'],
    ['Acme = best', 'Acme = best'],
    ['a@b.com', 'a@b.com'],
    ["'quoted", "'quoted"],
    ['', ''],
    [' =1', "' =1"],
  ])('It should write %j as %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it('It should neutralise text cells but keep numbers and booleans typed', () => {
    expect(cellValue(-5)).toBe(-5);
    expect(cellValue(true)).toBe(true);
    expect(cellValue('-5')).toBe("'-5");
    expect(cellValue(null)).toBeNull();
    expect(cellText(-5)).toBe('-5');
  });

  it('It should join lists with a comma and neutralise the joined text', () => {
    expect(cellText(['saas', 'fintech'])).toBe('saas, fintech');
    expect(cellText(['=1', 'x'])).toBe("'=1, x");
    expect(cellText(undefined)).toBe('');
  });
});

describe('CSV writer', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
    ['semi;colon', '"semi;colon"'],
    ['tab\there', '"tab\there"'],
  ])('It should quote %j as %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('It should end every line with CRLF', () => {
    expect(csvLine(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
  });
});
