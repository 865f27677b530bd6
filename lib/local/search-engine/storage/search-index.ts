import { randomBytes, randomUUID } from 'node:crypto';
import { badRequest, mapperParsing, SearchEngineError } from '../errors.ts';
import { parseDocument } from '../mappings/document.ts';
import { IndexMapping } from '../mappings/mapping.ts';
import type { IndexSettings } from '../settings.ts';
import { Segment } from './segment.ts';
import type { DocRecord } from './segment.ts';
import { PRIMARY_TERM, validateConditions, versionForDelete, versionForWrite } from './versioning.ts';
import type { VersionState, WriteConditions } from './versioning.ts';
import type { LogEntry, WriteLog } from './write-log.ts';

const MAX_ID_BYTES = 512;
const AUTO_ID_BYTES = 15;

export type WriteOutcome = 'created' | 'updated' | 'deleted' | 'not_found' | 'noop';

export interface WriteResult {
  readonly _index: string;
  readonly _id: string;
  readonly _version: number;
  readonly result: WriteOutcome;
  readonly _shards: { total: number; successful: number; failed: number };
  readonly _seq_no: number;
  readonly _primary_term: number;
  readonly status: number;
}

export interface IndexMetadata {
  readonly name: string;
  readonly uuid: string;
  readonly creationDate: number;
}

function checkId(id: string): void {
  if (id.length === 0) throw badRequest('action_request_validation_exception', 'Validation Failed: 1: if _id is specified it must not be empty;');
  const bytes = Buffer.byteLength(id);
  if (bytes > MAX_ID_BYTES) throw badRequest('action_request_validation_exception', `Validation Failed: 1: id [${id}] is too long, must be no longer than 512 bytes but was: ${bytes};`);
}

export function checkSource(source: unknown): Record<string, unknown> {
  if (source === null || typeof source !== 'object' || Array.isArray(source)) throw mapperParsing('failed to parse, document is empty or not an object');
  return source as Record<string, unknown>;
}

/**
 * One index: the realtime document store (what GET by id sees), the writes not yet refreshed,
 * and the searchable segment (what search sees), with OpenSearch's versioning rules.
 */
export class SearchIndex {
  readonly meta: IndexMetadata;
  settings: IndexSettings;
  readonly mapping: IndexMapping;
  readonly segment = new Segment();
  private readonly docs = new Map<string, DocRecord>();
  private readonly tombstones = new Map<string, number>();
  /** Ids deleted since the last refresh: search still shows them until then. */
  private readonly deletedSinceRefresh = new Set<string>();
  private seqNo = -1;
  lastRefresh = Date.now();
  log: WriteLog | undefined;
  /** Called when dynamic mapping added fields, so persisted metadata can follow. */
  onMappingChange: (() => void) | undefined;

  constructor(meta: IndexMetadata, settings: IndexSettings, mappings: unknown) {
    this.meta = meta;
    this.settings = settings;
    this.mapping = IndexMapping.parse(settings, mappings);
  }

  static create(name: string, settings: IndexSettings, mappings: unknown): SearchIndex {
    return new SearchIndex({ name, uuid: randomUUID().replaceAll('-', '').slice(0, 22), creationDate: Date.now() }, settings, mappings);
  }

  get name(): string {
    return this.meta.name;
  }

  get docCount(): number {
    return this.docs.size;
  }

  /** The last sequence number handed out; -1 before the first write. */
  get currentSeqNo(): number {
    return this.seqNo;
  }

  get tombstoneCount(): number {
    return this.tombstones.size;
  }

  get hasPendingWrites(): boolean {
    return this.segment.hasUnpublished || this.deletedSinceRefresh.size > 0;
  }

  get(id: string): DocRecord | undefined {
    return this.docs.get(id);
  }

  allRecords(): IterableIterator<DocRecord> {
    return this.docs.values();
  }

  allTombstones(): IterableIterator<[string, number]> {
    return this.tombstones.entries();
  }

  private state(id: string): VersionState {
    const live = this.docs.get(id);
    // A tombstone only matters for an id with no live doc; skipping the lookup keeps writes cheap.
    return { live, tombstoneVersion: live === undefined && this.tombstones.size > 0 ? this.tombstones.get(id) : undefined };
  }

  private result(id: string, version: number, result: WriteOutcome, seqNo: number, status: number): WriteResult {
    const shards = { total: 1 + this.settings.numberOfReplicas, successful: 1, failed: 0 };
    return { _index: this.name, _id: id, _version: version, result, _shards: shards, _seq_no: seqNo, _primary_term: PRIMARY_TERM, status };
  }

  index(idOrUndefined: string | undefined, rawSource: unknown, cond: WriteConditions, opType: 'index' | 'create'): WriteResult {
    const id = idOrUndefined ?? randomBytes(AUTO_ID_BYTES).toString('base64url');
    checkId(id);
    validateConditions(cond, opType);
    const source = checkSource(rawSource);
    const parsed = parseDocument(this.mapping, id, source, this.settings.totalFieldsLimit);
    if (parsed.mappingChanged) this.onMappingChange?.();
    const state = this.state(id);
    const existed = state.live !== undefined;
    const version = versionForWrite(this.name, id, state, cond, opType);
    const record: DocRecord = { id, source, version, seqNo: ++this.seqNo };
    this.segment.append(record, parsed);
    this.store(record);
    return this.result(id, version, existed ? 'updated' : 'created', record.seqNo, existed ? 200 : 201);
  }

  delete(id: string, cond: WriteConditions): WriteResult {
    checkId(id);
    validateConditions(cond, 'delete');
    const state = this.state(id);
    const existed = state.live !== undefined;
    const version = versionForDelete(this.name, id, state, cond);
    // Like OpenSearch, even a delete of an unknown id takes a sequence number and leaves a tombstone.
    const seqNo = ++this.seqNo;
    this.applyDelete(id, version, seqNo);
    return this.result(id, version, existed ? 'deleted' : 'not_found', seqNo, existed ? 200 : 404);
  }

  /** Replays a persisted write without re-checking versions: they were checked when it was accepted. */
  replay(entry: LogEntry): void {
    this.seqNo = Math.max(this.seqNo, entry.seqNo);
    if (entry.op === 'delete') {
      this.docs.delete(entry.id);
      this.tombstones.set(entry.id, entry.version);
      this.deletedSinceRefresh.add(entry.id);
      return;
    }
    const record: DocRecord = { id: entry.id, source: entry.source, version: entry.version, seqNo: entry.seqNo };
    this.segment.append(record, parseDocument(this.mapping, entry.id, entry.source, Number.POSITIVE_INFINITY));
    this.docs.set(entry.id, record);
    this.tombstones.delete(entry.id);
  }

  private store(record: DocRecord): void {
    this.docs.set(record.id, record);
    if (this.tombstones.size > 0) this.tombstones.delete(record.id);
    this.log?.append({ op: 'index', id: record.id, version: record.version, seqNo: record.seqNo, source: record.source });
  }

  private applyDelete(id: string, version: number, seqNo: number): void {
    this.docs.delete(id);
    this.tombstones.set(id, version);
    this.deletedSinceRefresh.add(id);
    this.log?.append({ op: 'delete', id, version, seqNo });
  }

  /** Deletes a doc seen by a search snapshot, unless it changed since (delete_by_query's conflict rule). */
  deleteIfUnchanged(record: DocRecord): 'deleted' | 'conflict' | 'gone' {
    const current = this.docs.get(record.id);
    if (current === undefined) return 'gone';
    if (current !== record) return 'conflict';
    this.applyDelete(record.id, record.version + 1, ++this.seqNo);
    return 'deleted';
  }

  /** Makes every write so far searchable. */
  refresh(): void {
    this.lastRefresh = Date.now();
    if (!this.hasPendingWrites) return;
    this.segment.publish(this.deletedSinceRefresh, (id) => this.docs.get(id));
    this.deletedSinceRefresh.clear();
  }

  /** The `version_conflict_engine_exception` for an update of a missing doc. */
  documentMissing(id: string): SearchEngineError {
    return new SearchEngineError(404, 'document_missing_exception', `[${id}]: document missing`, { index: this.name, shard: '0', index_uuid: this.meta.uuid });
  }
}
