import { cellText } from './cells.ts';
import { csvLine, UTF8_BOM } from './csv-writer.ts';
import type { FileSink } from './export-ports.ts';
import type { RowEncoder } from './row-encoder.ts';

const encoder = new TextEncoder();

export class CsvEncoder implements RowEncoder {
  constructor(private readonly sink: FileSink) {}

  header(columns: readonly string[]): Promise<void> {
    return this.sink.write(encoder.encode(UTF8_BOM + csvLine(columns.map(cellText))));
  }

  rows(rows: readonly (readonly unknown[])[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    // One string per page: fewer, larger writes than one per row.
    let text = '';
    for (const row of rows) text += csvLine(row.map(cellText));
    return this.sink.write(encoder.encode(text));
  }

  finish(): Promise<void> {
    return Promise.resolve();
  }
}
