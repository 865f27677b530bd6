import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../../../functions/domain/imports/csv-records.ts';
import { detectEncoding, invalidUtf8Offsets, sourceDecoder, type ImportEncoding } from '../../../../functions/domain/imports/text-encoding.ts';
import type { AppError } from '../../../../functions/platform/errors.ts';
import { chunksOf, collect } from './fakes.ts';

/** Windows-1252 bytes of a text: what Excel on Windows writes for "CSV". */
function cp1252(text: string): Buffer {
  const special: Record<string, number> = { '€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96 };
  return Buffer.from([...text].map((c) => special[c] ?? c.charCodeAt(0)));
}

const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();

/** Every record of `bytes` read through its decoder, as the import reads them. */
async function records(bytes: Buffer, encoding: ImportEncoding, chunk: number, startByte = 0, rowsBefore = 0) {
  const decoder = sourceDecoder(encoding, startByte);
  async function* decoded() {
    for await (const c of chunksOf(bytes.subarray(startByte), chunk)) yield decoder.decode(Buffer.from(c));
    yield decoder.end();
  }
  return collect(csvRecords(decoded(), { delimiter: encoding.startsWith('utf-16') ? '\t' : ',', startByte, rowsBefore, decoder }));
}

const TEXT = 'First Name,Last Name,Company\r\nRené,Müller,Café “Zoë”\r\n"multi\r\nline",O’Neil,€ Corp\r\nplain,Köln – Süd,x\r\n';
const TAB_TEXT = `${TEXT}Last,Row,😀 no newline`.replace(/,/g, '\t');

describe('detectEncoding', () => {
  it.each([
    ['UTF-8', Buffer.from('name\nZürich\n'), 'utf-8'],
    ['UTF-8 with a BOM', Buffer.from('\uFEFFname\nZürich\n'), 'utf-8'],
    ['Windows-1252', cp1252('name\nZürich €\n'), 'windows-1252'],
    ['UTF-16LE with a BOM', Buffer.from('\uFEFFname\tcity\n', 'utf16le'), 'utf-16le'],
    ['UTF-16BE with a BOM', utf16be('\uFEFFname\tcity\n'), 'utf-16be'],
  ] as const)('It should detect %s', (_name, bytes, expected) => {
    // Act
    const encoding = detectEncoding(bytes);
    // Assess
    expect(encoding).toBe(expected);
  });

  it.each([
    ['a ZIP (xlsx) named .csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0])],
    ['bytes with control characters and no NUL', Buffer.from([0x41, 0xe9, 0x01, 0x02, 0x03, 0x0a])],
    ['bytes Windows-1252 leaves undefined', Buffer.from([0x41, 0x81, 0x8d, 0x0a])],
  ])('It should refuse %s as not text', (_name, bytes) => {
    // Act
    let error: AppError | undefined;
    try {
      detectEncoding(bytes);
    } catch (e) {
      error = e as AppError;
    }
    // Assess
    expect(error?.code).toBe('ERR_IMPORT_NOT_TEXT');
  });
});

describe('sourceDecoder', () => {
  it.each([
    ['windows-1252', cp1252(TEXT), TEXT],
    ['utf-16le', Buffer.from(`\uFEFF${TAB_TEXT}`, 'utf16le'), TAB_TEXT],
    ['utf-16be', utf16be(`\uFEFF${TAB_TEXT}`), TAB_TEXT],
  ] as const)('It should transcode %s in odd-sized chunks and resume from every record end in the source bytes', async (encoding, bytes, text) => {
    // Prepare
    const expected = text.replace(/\r\n$/, '').split(/\r\n(?=[^l])/).map((line) => line.split(/[,\t]/).map((c) => c.replace(/^"|"$/g, '')));
    // Act
    const all = await records(bytes, encoding, 5);
    const resumed = await Promise.all(all.map((r) => records(bytes, encoding, 3, r.endByte, r.row)));
    // Assess
    expect(all.map((r) => r.cells)).toEqual(expected);
    expect(all.at(-1)!.endByte).toBe(bytes.length);
    all.forEach((record, k) => {
      expect(resumed[k]!.map((r) => r.cells)).toEqual(all.slice(k + 1).map((r) => r.cells));
      expect(resumed[k]!.map((r) => [r.endByte, r.row])).toEqual(all.slice(k + 1).map((r) => [r.endByte, r.row]));
    });
  });

  it('It should number rows as a spreadsheet does: blank lines count, line breaks inside a quoted cell do not', async () => {
    // Act
    const all = await records(Buffer.from('a,b\n\n"x\ny",1\n\n\nz,2\n'), 'utf-8', 4);
    // Assess
    expect(all.map((r) => r.row)).toEqual([1, 3, 6]);
  });

  it('It should mark the record holding a byte that is not UTF-8, even split across chunks, and no other', async () => {
    // Prepare
    const bytes = Buffer.concat([Buffer.from('a,b\nZoë,1\nRen'), Buffer.from([0xe9]), Buffer.from(',2\nend,3\nhalf,'), Buffer.from([0xe2, 0x82])]);
    // Act
    const all = await records(bytes, 'utf-8', 2);
    // Assess
    expect(all.map((r) => r.invalidByte)).toEqual([-1, -1, 14, -1, 29]);
  });

  it('It should mark the record of a lone UTF-16 surrogate, and not one holding a real U+FFFD', async () => {
    // Prepare
    const lone = Buffer.from([0x3d, 0xd8]);
    const bytes = Buffer.concat([Buffer.from('\uFEFFa\tb\nok\t1\n', 'utf16le'), Buffer.from('x', 'utf16le'), lone, Buffer.from('\t2\nnext\t3\n', 'utf16le')]);
    const real = Buffer.from('\uFEFFa\tb\n\uFFFD\t1\n', 'utf16le');
    // Act
    const marked = await records(bytes, 'utf-16le', 7);
    const kept = await records(real, 'utf-16le', 7);
    // Assess
    expect(marked.map((r) => r.invalidByte >= 0)).toEqual([false, false, true, false]);
    expect(kept.map((r) => r.invalidByte)).toEqual([-1, -1]);
  });

  it('It should find each invalid sequence of a chunk: stray continuation, overlong, surrogate, cut sequence', () => {
    // Act
    const offsets = invalidUtf8Offsets(Buffer.from([0x41, 0x80, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xc3, 0xa9, 0xe2, 0x82]), 100);
    // Assess
    expect(offsets).toEqual([101, 102, 103, 104, 105, 106, 109, 110]);
  });
});
