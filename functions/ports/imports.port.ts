/** An uploaded object, opened for streaming. */
export type OpenedObject =
  | {
      readonly status: 'ok';
      /** The bytes from the requested offset to the end; empty when the offset is the end. */
      readonly body: AsyncIterable<Uint8Array>;
      /** Size of the whole object. */
      readonly totalBytes: number;
      readonly etag?: string;
    }
  | { readonly status: 'missing' }
  /** The object no longer has the ETag a resumed run expects: it was overwritten. */
  | { readonly status: 'changed' };

/** Reads uploaded objects as streams, from any byte (a resumed import starts mid-file). */
export interface ObjectSource {
  open(key: string, fromByte: number, expectedEtag?: string): Promise<OpenedObject>;
}

/** Where an import's invalid rows are reported: parts written as batches commit, joined at the end. */
export interface ErrorReportStore {
  /** Writes (or overwrites) one part. */
  writePart(key: string, csv: string): Promise<void>;
  /** Joins `header` and every part under `partsPrefix`, in key order, into `key`; resolves the number of parts joined. */
  assemble(partsPrefix: string, key: string, header: string): Promise<number>;
  /** Removes the parts once the report is published. */
  removeParts(partsPrefix: string): Promise<void>;
}
