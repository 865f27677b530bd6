import { closeSync, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { SearchIndex } from './storage/search-index.ts';
import type { LogEntry, WriteLog } from './storage/write-log.ts';

/** Compact a log once it holds this many more lines than live docs plus tombstones... */
const COMPACT_MIN_LINES = 100_000;
/** ...and at least this many times as many. */
const COMPACT_RATIO = 2;
/** Lines written per write() call while compacting, to bound memory. */
const SNAPSHOT_CHUNK_LINES = 10_000;

const LOG_FILE = 'log.ndjson';
const META_FILE = 'meta.json';

export interface StoredIndexMeta {
  readonly name: string;
  readonly uuid: string;
  readonly creationDate: number;
  readonly settings: Record<string, unknown>;
  readonly mappings: Record<string, unknown>;
}

function writeFileAtomic(path: string, data: string): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An index's append-only log of applied writes. Lines are buffered per request and written in
 * one call when the request completes, before its response is sent, so an acknowledged write
 * survives a process crash.
 */
export class IndexLogFile implements WriteLog {
  private fd: number;
  private pending: string[] = [];
  private lines: number;

  constructor(
    private readonly dir: string,
    existingLines: number,
  ) {
    this.fd = openSync(join(dir, LOG_FILE), 'a');
    this.lines = existingLines;
  }

  append(entry: LogEntry): void {
    this.pending.push(JSON.stringify(entry));
  }

  flush(index: SearchIndex): void {
    if (this.pending.length > 0) {
      writeSync(this.fd, `${this.pending.join('\n')}\n`);
      this.lines += this.pending.length;
      this.pending = [];
    }
    const live = index.docCount + index.tombstoneCount;
    if (this.lines > COMPACT_MIN_LINES && this.lines > live * COMPACT_RATIO) this.compact(index);
  }

  /** Rewrites the log as one line per id (live doc or tombstone), then swaps it in atomically. */
  compact(index: SearchIndex): void {
    const tmp = join(this.dir, `${LOG_FILE}.tmp`);
    const fd = openSync(tmp, 'w');
    let chunk: string[] = [];
    let count = 0;
    const write = (entry: LogEntry): void => {
      chunk.push(JSON.stringify(entry));
      count++;
      if (chunk.length >= SNAPSHOT_CHUNK_LINES) {
        writeSync(fd, `${chunk.join('\n')}\n`);
        chunk = [];
      }
    };
    for (const r of index.allRecords()) write({ op: 'index', id: r.id, version: r.version, seqNo: r.seqNo, source: r.source });
    // Tombstones carry the latest sequence number so numbering resumes past every write after a restart.
    for (const [id, version] of index.allTombstones()) write({ op: 'delete', id, version, seqNo: index.currentSeqNo });
    if (chunk.length > 0) writeSync(fd, `${chunk.join('\n')}\n`);
    fsyncSync(fd);
    closeSync(fd);
    closeSync(this.fd);
    renameSync(tmp, join(this.dir, LOG_FILE));
    this.fd = openSync(join(this.dir, LOG_FILE), 'a');
    this.lines = count;
  }

  close(index: SearchIndex): void {
    this.flush(index);
    if (this.lines > index.docCount + index.tombstoneCount) this.compact(index);
    fsyncSync(this.fd);
    closeSync(this.fd);
  }
}

/** The on-disk layout: `<dataDir>/indices/<name>/{meta.json,log.ndjson}` and `<dataDir>/aliases.json`. */
export class DataDir {
  readonly root: string;
  private readonly lockPath: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.lockPath = join(this.root, 'engine.lock');
  }

  /** Refuses a directory another live engine holds: two writers would interleave logs. */
  lock(): void {
    mkdirSync(join(this.root, 'indices'), { recursive: true });
    if (existsSync(this.lockPath)) {
      const pid = Number(readFileSync(this.lockPath, 'utf8'));
      if (Number.isInteger(pid) && pid !== process.pid && isPidAlive(pid)) throw new Error(`search engine dataDir ${this.root} is in use by process ${pid}`);
    }
    writeFileSync(this.lockPath, String(process.pid));
  }

  unlock(): void {
    rmSync(this.lockPath, { force: true });
  }

  private indexDir(name: string): string {
    return join(this.root, 'indices', name);
  }

  indexNames(): string[] {
    const dir = join(this.root, 'indices');
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, META_FILE)))
      .map((d) => d.name);
  }

  readMeta(name: string): StoredIndexMeta {
    return JSON.parse(readFileSync(join(this.indexDir(name), META_FILE), 'utf8')) as StoredIndexMeta;
  }

  writeMeta(meta: StoredIndexMeta): void {
    mkdirSync(this.indexDir(meta.name), { recursive: true });
    writeFileAtomic(join(this.indexDir(meta.name), META_FILE), JSON.stringify(meta));
  }

  /** Streams the log's entries; a torn last line (crash mid-write) is skipped. */
  async replay(name: string, apply: (entry: LogEntry) => void): Promise<number> {
    const path = join(this.indexDir(name), LOG_FILE);
    if (!existsSync(path)) return 0;
    let lines = 0;
    const reader = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of reader) {
      if (line.length === 0) continue;
      let entry: LogEntry;
      try {
        entry = JSON.parse(line) as LogEntry;
      } catch {
        continue;
      }
      apply(entry);
      lines++;
    }
    return lines;
  }

  openLog(name: string, existingLines: number): IndexLogFile {
    mkdirSync(this.indexDir(name), { recursive: true });
    return new IndexLogFile(this.indexDir(name), existingLines);
  }

  removeIndex(name: string): void {
    rmSync(this.indexDir(name), { recursive: true, force: true });
  }

  readAliases(): Record<string, unknown> {
    const path = join(this.root, 'aliases.json');
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};
  }

  writeAliases(aliases: Record<string, string[]>): void {
    writeFileAtomic(join(this.root, 'aliases.json'), JSON.stringify(aliases));
  }
}
