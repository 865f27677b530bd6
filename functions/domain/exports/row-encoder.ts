import type { ExportFormat } from './export-format.ts';
import type { FileSink } from './export-ports.ts';

/** Turns rows of stored values into one file format, written to a sink as it goes. */
export interface RowEncoder {
  header(columns: readonly string[]): Promise<void>;
  /** One page of rows, each with one value per column; resolves once the sink took the bytes. */
  rows(rows: readonly (readonly unknown[])[]): Promise<void>;
  /** Writes whatever the format needs at its end (the XLSX zip directory); the sink is not completed. */
  finish(): Promise<void>;
}

export async function encoderFor(format: ExportFormat, sink: FileSink): Promise<RowEncoder> {
  if (format === 'csv') return new (await import('./csv-encoder.ts')).CsvEncoder(sink);
  // Lazily: exceljs is big, and only XLSX exports need it loaded.
  return (await import('./xlsx-encoder.ts')).createXlsxEncoder(sink);
}
