import type { ExportFiles, FileSink } from '../../../../functions/domain/exports/export-ports.ts';
import type { Job, JobPatch } from '../../../../functions/domain/jobs/job.ts';
import type { JobRunContext } from '../../../../functions/domain/jobs/runner.ts';
import type { JobEvent } from '../../../../functions/ports/job-events.port.ts';
import type { JobStore } from '../../../../functions/ports/jobs.port.ts';
import type { RecordSearch } from '../../../../functions/ports/search.port.ts';

/** In-memory search, files and job context for export runner tests. */
export type Doc = Record<string, unknown>;

/** Serves search_after pages over docs sorted by uuid, as the compiled VQL asks (no order_by). */
export function fakeSearch(docs: Doc[]): RecordSearch & { bodies: Record<string, unknown>[] } {
  const sorted = [...docs].sort((a, b) => String(a.uuid).localeCompare(String(b.uuid)));
  const bodies: Record<string, unknown>[] = [];
  return {
    bodies,
    search: async (_entity, body) => {
      bodies.push(body);
      const after = (body.search_after as string[] | undefined)?.[0];
      const page = sorted.filter((d) => after === undefined || String(d.uuid) > after).slice(0, Number(body.size));
      return { hits: page.map((d) => ({ source: d, sort: [d.uuid] })), total: page.length };
    },
    count: async () => docs.length,
    apply: async () => [],
  };
}

export class MemorySink implements FileSink {
  chunks: Uint8Array[] = [];
  state = 'open';
  async write(chunk: Uint8Array) {
    this.chunks.push(Uint8Array.from(chunk));
  }
  async complete() {
    this.state = 'completed';
    return { bytes: this.chunks.reduce((n, c) => n + c.length, 0) };
  }
  async abort() {
    this.state = 'aborted';
  }
  get buffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

export function memoryFiles(): ExportFiles & { opened: { key: string; type: string; sink: MemorySink }[] } {
  const opened: { key: string; type: string; sink: MemorySink }[] = [];
  return {
    opened,
    create: (key, type) => {
      const sink = new MemorySink();
      opened.push({ key, type, sink });
      return sink;
    },
  };
}

export function contextFor(
  data: Record<string, unknown>,
  opts: { stopAfterReports?: number; remainingMs?: number; job?: Partial<Job> } = {},
) {
  const events: JobEvent[] = [];
  const patches: JobPatch[] = [];
  const job = { id: 'job-1', workspaceId: 'ws-1', type: 'export_csv_file', status: 'processing', attempts: 0, data, ...opts.job } as unknown as Job;
  const jobs = {
    report: async (_ws: string, _id: string, patch: JobPatch) => {
      if (patches.length >= (opts.stopAfterReports ?? Infinity)) return undefined;
      patches.push(patch);
      return job;
    },
  } as unknown as JobStore;
  const ctx: JobRunContext = { job, jobs, events: { publish: async (_ws, e) => void events.push(e) }, remainingMs: () => opts.remainingMs ?? 60_000 };
  return { ctx, events, patches };
}

export const contacts = (n: number): Doc[] =>
  Array.from({ length: n }, (_, i) => ({ uuid: `u-${String(i).padStart(5, '0')}`, first_name: `Ann ${i}`, email: `a${i}@x.io`, departments: ['sales', 'ops'] }));
