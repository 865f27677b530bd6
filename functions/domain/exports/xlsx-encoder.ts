import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellText, cellValue } from './cells.ts';
import type { FileSink } from './export-ports.ts';
import type { RowEncoder } from './row-encoder.ts';

/** The one sheet's name (Excel allows at most 31 characters). */
export const XLSX_SHEET_NAME = 'export';

/**
 * XLSX through exceljs's streaming WorkbookWriter: rows are zipped as they are committed, so
 * memory holds a page of rows and the zip's window, never the workbook. Shared strings and
 * styles are off: both would be kept in memory until the end.
 */
class XlsxEncoder implements RowEncoder {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  /** The sink write under way, if any: each page waits for it, so the zip cannot run far ahead of S3. */
  private writing: Promise<void> = Promise.resolve();
  private failure: Error | undefined;

  constructor(sink: FileSink) {
    const stream = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        this.writing = sink.write(chunk);
        this.writing.then(
          () => done(),
          (error: Error) => {
            this.failure = error;
            done(error);
          },
        );
      },
    });
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
    this.sheet = this.workbook.addWorksheet(XLSX_SHEET_NAME);
  }

  private async settled(): Promise<void> {
    await this.writing;
    if (this.failure) throw this.failure;
  }

  header(columns: readonly string[]): Promise<void> {
    this.sheet.addRow(columns.map(cellText)).commit();
    return this.settled();
  }

  rows(rows: readonly (readonly unknown[])[]): Promise<void> {
    for (const row of rows) this.sheet.addRow(row.map(cellValue)).commit();
    return this.settled();
  }

  async finish(): Promise<void> {
    this.sheet.commit();
    // Resolves once the zip has been written out to the stream (its 'finish').
    await this.workbook.commit();
    await this.settled();
  }
}

export const createXlsxEncoder = (sink: FileSink): RowEncoder => new XlsxEncoder(sink);
