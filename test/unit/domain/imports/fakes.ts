import type { Job, JobPatch, JobStatus } from '../../../../functions/domain/jobs/job.ts';
import type { JobEvent, JobEvents } from '../../../../functions/ports/job-events.port.ts';
import type { ErrorReportStore, ObjectSource, OpenedObject } from '../../../../functions/ports/imports.port.ts';
import type { JobStore } from '../../../../functions/ports/jobs.port.ts';

/** Uploaded objects in memory, served in small chunks so every boundary case is exercised. */
export class MemoryObjects implements ObjectSource, ErrorReportStore {
  readonly objects = new Map<string, { bytes: Buffer; etag: string }>();
  opens: { key: string; fromByte: number }[] = [];
  constructor(private readonly chunkSize = 7) {}

  put(key: string, content: string | Buffer): void {
    this.objects.set(key, { bytes: Buffer.isBuffer(content) ? content : Buffer.from(content), etag: `"${this.objects.size + 1}-${Date.now()}"` });
  }

  text(key: string): string | undefined {
    return this.objects.get(key)?.bytes.toString('utf8');
  }

  async open(key: string, fromByte: number, expectedEtag?: string): Promise<OpenedObject> {
    this.opens.push({ key, fromByte });
    const object = this.objects.get(key);
    if (!object) return { status: 'missing' };
    if (expectedEtag && expectedEtag !== object.etag) return { status: 'changed' };
    const { bytes } = object;
    const size = this.chunkSize;
    async function* body() {
      for (let at = fromByte; at < bytes.length; at += size) yield bytes.subarray(at, Math.min(bytes.length, at + size));
    }
    return { status: 'ok', body: body(), totalBytes: bytes.length, etag: object.etag };
  }

  async writePart(key: string, csv: string): Promise<void> {
    this.put(key, csv);
  }

  async assemble(partsPrefix: string, key: string, header: string): Promise<number> {
    const parts = [...this.objects.keys()].filter((k) => k.startsWith(partsPrefix)).sort();
    if (parts.length === 0) return 0;
    this.put(key, header + parts.map((k) => this.text(k)).join(''));
    return parts.length;
  }

  async removeParts(partsPrefix: string): Promise<void> {
    for (const k of [...this.objects.keys()]) if (k.startsWith(partsPrefix)) this.objects.delete(k);
  }
}

/** One job, reported on like the DynamoDB store does: only while it runs. */
export class MemoryJobs implements JobStore {
  reports: JobPatch[] = [];
  status: JobStatus = 'processing';
  /** Throws on the nth report (1-based), to simulate a crash right before a checkpoint lands. */
  crashOnReport?: number;

  constructor(public job: Job) {}

  async create(): Promise<Job> {
    throw new Error('not used');
  }
  async get(): Promise<Job | undefined> {
    return this.job;
  }
  async list() {
    return { items: [this.job] };
  }
  async transition(): Promise<Job | undefined> {
    throw new Error('not used');
  }
  async report(_ws: string, _id: string, patch: JobPatch, whileIn: readonly JobStatus[]): Promise<Job | undefined> {
    if (this.crashOnReport !== undefined && this.reports.length + 1 === this.crashOnReport) {
      this.crashOnReport = undefined;
      throw new Error('simulated crash before the checkpoint');
    }
    if (!whileIn.includes(this.status)) return undefined;
    this.reports.push(patch);
    this.job = { ...this.job, ...patch, version: this.job.version + 1 };
    return this.job;
  }
}

export class MemoryEvents implements JobEvents {
  readonly events: JobEvent[] = [];
  async publish(_ws: string, event: JobEvent): Promise<void> {
    this.events.push(event);
  }
}

export const newImportJob = (data: Record<string, unknown>, overrides: Partial<Job> = {}): Job => ({
  id: 'job-1',
  workspaceId: 'ws1',
  type: 'insert_csv_file',
  status: 'processing',
  data,
  retryCount: 3,
  attempts: 1,
  progress: 0,
  counters: { rowsRead: 0, rowsWritten: 0, rowsFailed: 0 },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
  ...overrides,
});

/** Drains an async iterable into an array. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

export async function* chunksOf(text: string | Buffer, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
