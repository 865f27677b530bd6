import type { SearchEngine } from './engine.ts';
import { badRequest, illegalArgument, toSearchEngineError, unsupported } from './errors.ts';
import { isObject } from './query/common.ts';
import { parseVersionType } from './storage/versioning.ts';
import type { VersionType, WriteConditions } from './storage/versioning.ts';
import { updateDocument } from './storage/update.ts';
import type { SearchIndex, WriteResult } from './storage/search-index.ts';

export type BulkAction = 'index' | 'create' | 'delete' | 'update';
export type RefreshPolicy = 'true' | 'wait_for' | 'false';

export interface BulkOperation {
  readonly action: BulkAction;
  readonly index?: string;
  readonly id?: string;
  /** The document (index/create), the update body (update); absent for delete. */
  readonly source?: unknown;
  readonly version?: number;
  readonly versionType?: VersionType;
  readonly ifSeqNo?: number;
  readonly ifPrimaryTerm?: number;
  /** Set when the source line was not valid JSON: the item fails, the rest of the batch goes on. */
  readonly sourceError?: string;
}

export interface BulkResponse {
  took: number;
  errors: boolean;
  items: Array<Record<string, unknown>>;
}

const ACTIONS: ReadonlySet<string> = new Set<BulkAction>(['index', 'create', 'delete', 'update']);
const METADATA_KEYS = new Set(['_index', '_id', 'version', 'version_type', 'if_seq_no', 'if_primary_term', 'routing', 'retry_on_conflict', 'require_alias']);

export function parseRefresh(value: string | null | undefined): RefreshPolicy {
  if (value === null || value === undefined || value === 'false') return 'false';
  if (value === '' || value === 'true') return 'true';
  if (value === 'wait_for') return 'wait_for';
  throw illegalArgument(`Unknown value for refresh: [${value}].`);
}

function optionalInt(value: unknown, name: string, line: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw illegalArgument(`Malformed action/metadata line [${line}], [${name}] must be an integer`);
  return n;
}

function parseActionLine(text: string, line: number, defaultIndex: string | undefined): Omit<BulkOperation, 'source'> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw illegalArgument(`Malformed action/metadata line [${line}], expected START_OBJECT or END_OBJECT but found [VALUE_STRING]`);
  }
  const keys = isObject(json) ? Object.keys(json) : [];
  if (keys.length !== 1) throw illegalArgument(`Malformed action/metadata line [${line}], expected a simple value for field [${keys[1] ?? ''}] but found [START_OBJECT]`);
  const action = keys[0]!;
  if (!ACTIONS.has(action)) throw illegalArgument(`Malformed action/metadata line [${line}], expected one of [create, delete, index, update] but found [${action}]`);
  const meta = (json as Record<string, unknown>)[action];
  if (!isObject(meta)) throw illegalArgument(`Malformed action/metadata line [${line}], expected START_OBJECT but found [${typeof meta}]`);
  for (const key of Object.keys(meta)) if (!METADATA_KEYS.has(key)) throw unsupported(`bulk action metadata [${key}] (line [${line}])`);
  return {
    action: action as BulkAction,
    index: typeof meta._index === 'string' ? meta._index : defaultIndex,
    id: meta._id === undefined || meta._id === null ? undefined : String(meta._id),
    version: optionalInt(meta.version, 'version', line),
    versionType: parseVersionType(meta.version_type),
    ifSeqNo: optionalInt(meta.if_seq_no, 'if_seq_no', line),
    ifPrimaryTerm: optionalInt(meta.if_primary_term, 'if_primary_term', line),
  };
}

/** Parses an NDJSON bulk body: action lines, each followed by a source line unless it is a delete. */
export function parseBulkBody(text: string, defaultIndex: string | undefined): BulkOperation[] {
  if (text.length > 0 && !text.endsWith('\n')) throw illegalArgument('The bulk request must be terminated by a newline [\\n]');
  const lines = text.split('\n');
  const ops: BulkOperation[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.length === 0) continue;
    const op = parseActionLine(line, i + 1, defaultIndex);
    if (op.action === 'delete') {
      ops.push(op);
      continue;
    }
    const sourceLine = lines[++i];
    if (sourceLine === undefined || sourceLine.trim().length === 0) throw illegalArgument(`Validation Failed: 1: source is missing (line [${i}]);`);
    try {
      ops.push({ ...op, source: JSON.parse(sourceLine) });
    } catch (err) {
      ops.push({ ...op, sourceError: (err as Error).message });
    }
  }
  if (ops.length === 0) throw badRequest('action_request_validation_exception', 'Validation Failed: 1: no requests added;');
  return ops;
}

function conditions(op: BulkOperation): WriteConditions {
  return { version: op.version, versionType: op.versionType ?? 'internal', ifSeqNo: op.ifSeqNo, ifPrimaryTerm: op.ifPrimaryTerm };
}

function applyOne(engine: SearchEngine, op: BulkOperation, touched: Set<SearchIndex>): WriteResult {
  if (op.index === undefined) throw badRequest('action_request_validation_exception', 'Validation Failed: 1: index is missing;');
  if (op.sourceError !== undefined) throw badRequest('mapper_parsing_exception', `failed to parse: ${op.sourceError}`);
  const index = engine.writeTarget(op.index);
  touched.add(index);
  switch (op.action) {
    case 'delete':
      if (op.id === undefined) throw badRequest('action_request_validation_exception', 'Validation Failed: 1: id is missing;');
      return index.delete(op.id, conditions(op));
    case 'update':
      if (op.id === undefined) throw badRequest('action_request_validation_exception', 'Validation Failed: 1: id is missing;');
      return updateDocument(index, op.id, op.source);
    default:
      return index.index(op.id, op.source, conditions(op), op.action);
  }
}

/** Applies each operation independently: one item's failure is reported in its slot and the rest go on. */
export function executeBulk(engine: SearchEngine, ops: readonly BulkOperation[], refresh: RefreshPolicy): BulkResponse {
  const started = performance.now();
  const touched = new Set<SearchIndex>();
  const items: Array<Record<string, unknown>> = [];
  let errors = false;
  for (const op of ops) {
    try {
      const result = applyOne(engine, op, touched);
      items.push({ [op.action]: refresh === 'true' ? { ...result, forced_refresh: true } : result });
    } catch (err) {
      const e = toSearchEngineError(err);
      errors = true;
      items.push({ [op.action]: { _index: op.index, _id: op.id ?? null, status: e.status, error: e.toCause() } });
    }
  }
  if (refresh !== 'false') for (const index of touched) index.refresh();
  return { took: Math.round(performance.now() - started), errors, items };
}
