import { isUtf8 } from 'node:buffer';
import { MAX_HEADER_BYTES } from './import-limits.ts';
import { importError } from './import-errors.ts';

/** Encodings an import reads: what Excel writes as "CSV UTF-8", "CSV" (on Windows) and "Unicode Text". */
export const IMPORT_ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

const CR = 0x0d;
const LF = 0x0a;
const REPLACEMENT_UTF8 = Buffer.from('\uFFFD', 'utf8');
const REPLACEMENT_UTF16LE = Buffer.from([0xfd, 0xff]);
const REPLACEMENT_UTF16BE = Buffer.from([0xff, 0xfd]);
/** Bytes Windows-1252 leaves undefined: a file holding them is not text in that encoding either. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
/** Control bytes a text file may hold: tab, LF, form feed, CR, and the DOS end-of-file mark. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x1a]);

const startsWith = (head: Buffer, ...bytes: number[]): boolean => bytes.every((b, i) => head[i] === b);

/**
 * The encoding of a file from its first bytes: a UTF-16 BOM decides; else valid UTF-8 (a
 * sequence cut at the end of the sample is fine) is UTF-8; else a sample without NULs, stray
 * control bytes or bytes Windows-1252 leaves undefined is Windows-1252. Anything else is binary.
 */
export function detectEncoding(sample: Buffer): ImportEncoding {
  if (startsWith(sample, 0xff, 0xfe)) return 'utf-16le';
  if (startsWith(sample, 0xfe, 0xff)) return 'utf-16be';
  const head = sample.subarray(0, MAX_HEADER_BYTES);
  if (head.includes(0)) throw importError.notText('it contains NUL bytes');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    for (const byte of head) {
      if ((byte < 0x20 && !TEXT_CONTROLS.has(byte)) || CP1252_UNDEFINED.has(byte) || byte === 0x7f) {
        throw importError.notText('it is neither UTF-8 nor Windows-1252 text');
      }
    }
    return 'windows-1252';
  }
}

/**
 * Turns the source's bytes into the UTF-8 csv-parse reads, and maps a position in that UTF-8
 * back to the source: checkpoints stay in the source's bytes, so a resumed run opens the object
 * at that offset. Positions are only asked for at record ends (just after a line break) and in
 * increasing order, which is what makes the map a queue.
 */
export interface SourceDecoder {
  readonly encoding: ImportEncoding;
  decode(chunk: Buffer): Buffer;
  end(): Buffer;
  /** The source offset of a UTF-8 position just after a line break, or at the end of the input. */
  sourceOffset(utf8Offset: number): number;
  /**
   * A source offset of a byte that is not text in the encoding, before the record ending at
   * `sourceEnd` (= `utf8End` in the output), dropping those it passes; undefined when none. Exact
   * for UTF-8; for UTF-16 (a lone surrogate) the offset is where the record's chunk starts.
   */
  takeInvalidBefore(sourceEnd: number, utf8End: number): number | undefined;
}

/** Length of `chunk` without a UTF-8 sequence cut at its end (carried to the next chunk). */
function completeLength(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back] as number;
    if (byte < 0x80) return chunk.length;
    if (byte >= 0xc0) {
      const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needs > back ? chunk.length - back : chunk.length;
    }
  }
  return chunk.length;
}

/** Offsets (from `base`) of the bytes that start an invalid UTF-8 sequence. Only run on a chunk `isUtf8` refused. */
export function invalidUtf8Offsets(bytes: Buffer, base: number): number[] {
  const bad: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const needs = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = needs >= 0 && i + needs < bytes.length;
    if (ok && needs > 0) {
      const second = bytes[i + 1] as number;
      const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
      const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
      ok = second >= low && second <= high;
      for (let k = 2; ok && k <= needs; k++) ok = ((bytes[i + k] as number) & 0xc0) === 0x80;
    }
    if (!ok) {
      bad.push(base + i);
      i++;
    } else i += needs + 1;
  }
  return bad;
}

/** UTF-8 read as it is (the fast path: no copy), each chunk checked with `isUtf8` so a bad byte anywhere is found. */
class Utf8Source implements SourceDecoder {
  readonly encoding = 'utf-8' as const;
  private carry: Buffer | undefined;
  private consumed: number;
  private invalid: number[] = [];

  constructor(private readonly startByte: number) {
    this.consumed = startByte;
  }

  decode(chunk: Buffer): Buffer {
    const whole = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = completeLength(whole);
    const checked = whole.subarray(0, cut);
    if (!isUtf8(checked)) this.invalid.push(...invalidUtf8Offsets(checked, this.consumed - (this.carry?.length ?? 0)));
    this.carry = cut < whole.length ? Buffer.from(whole.subarray(cut)) : undefined;
    this.consumed += chunk.length;
    return chunk;
  }

  end(): Buffer {
    if (this.carry) this.invalid.push(this.consumed - this.carry.length);
    this.carry = undefined;
    return Buffer.alloc(0);
  }

  sourceOffset(utf8Offset: number): number {
    return this.startByte + utf8Offset;
  }

  takeInvalidBefore(sourceOffset: number): number | undefined {
    // A bad byte is rare: a length check is all a clean file pays per record.
    if (this.invalid.length === 0 || (this.invalid[0] as number) >= sourceOffset) return undefined;
    const first = this.invalid[0];
    while (this.invalid.length > 0 && (this.invalid[0] as number) < sourceOffset) this.invalid.shift();
    return first;
  }
}

/**
 * Windows-1252 or UTF-16 transcoded to UTF-8 with the WHATWG decoders. Each line break keeps
 * its place in both: the n-th CR or LF of the output is the n-th of the source, so the queue of
 * (output offset, source offset) pairs after each one maps a record end back to the source.
 */
class TranscodedSource implements SourceDecoder {
  private readonly decoder: InstanceType<typeof TextDecoder>;
  private readonly unit: number;
  private readonly littleEndian: boolean;
  private carry: Buffer | undefined;
  private consumed: number;
  private produced = 0;
  private readonly outAt: number[] = [];
  private readonly sourceAt: number[] = [];
  /** Output offsets of U+FFFD the decoder made (a lone UTF-16 surrogate), with their chunk's source offset. */
  private readonly invalidOut: number[] = [];
  private readonly invalidSource: number[] = [];

  constructor(
    readonly encoding: Exclude<ImportEncoding, 'utf-8'>,
    startByte: number,
  ) {
    // Mid-file, a U+FEFF is a character of the data, not a BOM to drop.
    this.decoder = new TextDecoder(encoding, { ignoreBOM: startByte > 0 });
    this.unit = encoding === 'windows-1252' ? 1 : 2;
    this.littleEndian = encoding === 'utf-16le';
    this.consumed = startByte;
  }

  /** Source offsets just after each CR or LF of `units` (whole code units), which starts at `base`. */
  private sourceBreaks(units: Buffer, base: number): number[] {
    const breaks: number[] = [];
    if (this.unit === 1) {
      for (let i = 0; i < units.length; i++) if (units[i] === LF || units[i] === CR) breaks.push(base + i + 1);
      return breaks;
    }
    for (let i = 0; i < units.length; i += 2) {
      const code = this.littleEndian ? units.readUInt16LE(i) : units.readUInt16BE(i);
      if (code === LF || code === CR) breaks.push(base + i + 2);
    }
    return breaks;
  }

  decode(chunk: Buffer): Buffer {
    const whole = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const usable = whole.length - (whole.length % this.unit);
    const units = whole.subarray(0, usable);
    const base = this.consumed - (this.carry?.length ?? 0);
    this.carry = usable < whole.length ? Buffer.from(whole.subarray(usable)) : undefined;
    this.consumed += chunk.length;
    const out = Buffer.from(this.decoder.decode(units, { stream: true }), 'utf8');
    if (this.unit === 2) this.noteReplacements(out, units, base);
    return this.emit(out, this.sourceBreaks(units, base));
  }

  /** U+FFFD in the output that the source did not hold itself: the decoder replaced a lone surrogate. */
  private noteReplacements(out: Buffer, units: Buffer, base: number): void {
    if (out.indexOf(REPLACEMENT_UTF8) < 0) return;
    if (units.indexOf(this.littleEndian ? REPLACEMENT_UTF16LE : REPLACEMENT_UTF16BE) >= 0) return;
    for (let at = out.indexOf(REPLACEMENT_UTF8); at >= 0; at = out.indexOf(REPLACEMENT_UTF8, at + 1)) {
      this.invalidOut.push(this.produced + at);
      this.invalidSource.push(base);
    }
  }

  private emit(out: Buffer, breaks: readonly number[]): Buffer {
    let k = 0;
    for (let i = 0; i < out.length; i++) {
      const byte = out[i];
      if (byte !== LF && byte !== CR) continue;
      this.outAt.push(this.produced + i + 1);
      this.sourceAt.push(breaks[k++] as number);
    }
    this.produced += out.length;
    return out;
  }

  end(): Buffer {
    // A dangling odd byte or a lone surrogate at the end becomes U+FFFD here: its record is marked.
    const tail = this.carry ? this.decoder.decode(this.carry, { stream: true }) : '';
    this.carry = undefined;
    const out = Buffer.from(tail + this.decoder.decode(), 'utf8');
    const replaced = this.unit === 2 ? out.indexOf(REPLACEMENT_UTF8) : -1;
    if (replaced >= 0) {
      this.invalidOut.push(this.produced + replaced);
      this.invalidSource.push(this.consumed - 1);
    }
    this.produced += out.length;
    return out;
  }

  sourceOffset(utf8Offset: number): number {
    while (this.outAt.length > 0 && (this.outAt[0] as number) < utf8Offset) {
      this.outAt.shift();
      this.sourceAt.shift();
    }
    if (this.outAt[0] === utf8Offset) return this.sourceAt[0] as number;
    // Past the last line break: the end of the input.
    return this.consumed;
  }

  takeInvalidBefore(_sourceEnd: number, utf8End: number): number | undefined {
    if (this.invalidOut.length === 0 || (this.invalidOut[0] as number) >= utf8End) return undefined;
    const first = this.invalidSource[0];
    while (this.invalidOut.length > 0 && (this.invalidOut[0] as number) < utf8End) {
      this.invalidOut.shift();
      this.invalidSource.shift();
    }
    return first;
  }
}

export const sourceDecoder = (encoding: ImportEncoding, startByte: number): SourceDecoder =>
  encoding === 'utf-8' ? new Utf8Source(startByte) : new TranscodedSource(encoding, startByte);

/** Byte order marks, to strip from a UTF-8 source's first cell; transcoded sources lose theirs in the decoder. */
export const hasUtf8Bom = (head: Buffer): boolean => startsWith(head, 0xef, 0xbb, 0xbf);
