import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../../../functions/domain/imports/csv-records.ts';
import { MAX_LINE_BYTES, MAX_RECORD_CHARS } from '../../../../functions/domain/imports/import-limits.ts';
import { openImportRows } from '../../../../functions/domain/imports/import-rows.ts';
import { detectDelimiter, readHead } from '../../../../functions/domain/imports/sniff.ts';
import type { AppError } from '../../../../functions/platform/errors.ts';
import { chunksOf, collect } from './fakes.ts';

const BOM = '\uFEFF';
const parseAll = (text: string | Buffer, delimiter: ',' | ';' | '\t' = ',', chunk = 5) =>
  collect(csvRecords(chunksOf(text, chunk), { delimiter, startByte: 0, rowsBefore: 0 }));

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a failure');
}

describe('csvRecords: streaming CSV', () => {
  it.each([
    ['comma, LF', 'a,b\n1,2\n', ','],
    ['semicolon, CRLF', 'a;b\r\n1;2\r\n', ';'],
    ['tab, no final newline', 'a\tb\n1\t2', '\t'],
    ['comma with a BOM', `${BOM}a,b\n1,2\n`, ','],
  ] as const)('It should parse %s', async (_name, text, delimiter) => {
    // Act
    const records = await parseAll(text, delimiter);
    // Assess
    expect(records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('It should keep quoted multi-line cells, escaped quotes and delimiters inside quotes whole', async () => {
    // Act
    const records = await parseAll('name,notes\n"Doe, John","line 1\nline 2 with ""quotes"""\nnext,x\n', ',', 3);
    // Assess
    expect(records.map((r) => r.cells)).toEqual([
      ['name', 'notes'],
      ['Doe, John', 'line 1\nline 2 with "quotes"'],
      ['next', 'x'],
    ]);
  });

  it('It should give byte offsets from which parsing resumes exactly where it stopped (BOM, CRLF, multi-byte, multi-line)', async () => {
    // Prepare
    const text = `${BOM}name,city\r\n"Zoë ""Z""",Zürich\r\n"multi\r\nline",München\r\nplain,Köln\r\n`;
    const bytes = Buffer.from(text);
    const all = await parseAll(bytes, ',', 4);
    // Act
    const resumed = await Promise.all(
      all.map((record, k) => collect(csvRecords(chunksOf(bytes.subarray(record.endByte), 3), { delimiter: ',', startByte: record.endByte, rowsBefore: k + 1 }))),
    );
    // Assess
    all.forEach((record, k) => {
      expect(resumed[k]!.map((r) => r.cells)).toEqual(all.slice(k + 1).map((r) => r.cells));
      expect(resumed[k]!.map((r) => r.endByte)).toEqual(all.slice(k + 1).map((r) => r.endByte));
    });
    expect(all.at(-1)!.endByte).toBe(bytes.length);
  });

  it('It should fail a physical line longer than the bound, even one made only of delimiters', async () => {
    // Act
    const error = await failure(parseAll(`a,b\n${','.repeat(MAX_LINE_BYTES + 10)}\n`, ',', 64 * 1024));
    // Assess
    expect(error.code).toBe('ERR_IMPORT_RECORD_TOO_LARGE');
  });

  it('It should fail a record whose cells exceed the bound across many short lines', async () => {
    // Act
    const error = await failure(parseAll(`a,b\n"${'x\n'.repeat(MAX_RECORD_CHARS / 2 + 10)}",1\n`, ',', 64 * 1024));
    // Assess
    expect(error.code).toBe('ERR_IMPORT_RECORD_TOO_LARGE');
    expect(error.message).toMatch(/row 2/);
  });

  it('It should fail a quote that is never closed as malformed CSV', async () => {
    // Act
    const error = await failure(parseAll('a,b\n"open,1\n'));
    // Assess
    expect(error.code).toBe('ERR_IMPORT_MALFORMED_CSV');
  });
});

describe('sniffHead', () => {
  it.each([
    ['a,b,c', ','],
    ['a;b;c', ';'],
    ['a\tb\tc', '\t'],
    ['"x;y",b,c', ','],
    ['single', ','],
  ] as const)('It should detect the delimiter of %j', (line, expected) => {
    // Act
    const delimiter = detectDelimiter(Buffer.from(line));
    // Assess
    expect(delimiter).toBe(expected);
  });

  it('It should return every byte it read for the parser, BOM included', async () => {
    // Act
    const read = await readHead(chunksOf(`${BOM}a;b\n1;2\n`, 2));
    const all: Uint8Array[] = [read.head];
    for (let n = await read.rest.next(); !n.done; n = await read.rest.next()) all.push(n.value);
    // Assess
    expect(Buffer.concat(all).toString()).toBe(`${BOM}a;b\n1;2\n`);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'ERR_IMPORT_EMPTY_FILE'],
    ['a BOM and blank lines', Buffer.from(`${BOM}\n \n`), 'ERR_IMPORT_EMPTY_FILE'],
    ['a PNG named .csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'ERR_IMPORT_NOT_TEXT'],
    ['UTF-16 without a BOM', Buffer.from('a,b\n1,2\n', 'utf16le'), 'ERR_IMPORT_NOT_TEXT'],
    ['binary without NUL bytes', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x0a, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a, 0x01, 0x02, 0x9d, 0x0a]), 'ERR_IMPORT_NOT_TEXT'],
    ['a 10 MB single line', Buffer.alloc(10 * 1024 * 1024, 'a'), 'ERR_IMPORT_RECORD_TOO_LARGE'],
  ])('It should refuse %s', async (_name, bytes, code) => {
    // Act
    const error = await failure(openImportRows(chunksOf(bytes, 16 * 1024), {}));
    // Assess
    expect(error.code).toBe(code);
  });
});
