import { badRequest, unsupported, versionConflict } from '../errors.ts';

export type VersionType = 'internal' | 'external' | 'external_gte';

export const PRIMARY_TERM = 1;

export interface WriteConditions {
  readonly version?: number;
  readonly versionType: VersionType;
  readonly ifSeqNo?: number;
  readonly ifPrimaryTerm?: number;
}

/** What the engine knows about an id: its live version, or the version its deletion left behind. */
export interface VersionState {
  readonly live: { readonly version: number; readonly seqNo: number } | undefined;
  readonly tombstoneVersion: number | undefined;
}

function validationFailed(reason: string): Error {
  return badRequest('action_request_validation_exception', `Validation Failed: 1: ${reason};`);
}

export function parseVersionType(value: unknown): VersionType {
  if (value === undefined || value === 'internal') return 'internal';
  if (value === 'external' || value === 'external_gt') return 'external';
  if (value === 'external_gte') return 'external_gte';
  if (value === 'force') throw unsupported('version_type [force]');
  throw badRequest('illegal_argument_exception', `No version type match [${String(value)}]`);
}

export function validateConditions(cond: WriteConditions, opType: 'index' | 'create' | 'delete' | 'update'): void {
  if (cond.version !== undefined) {
    if (cond.versionType === 'internal') {
      throw validationFailed('internal versioning can not be used for optimistic concurrency control. Please use `if_seq_no` and `if_primary_term` instead');
    }
    if (!Number.isSafeInteger(cond.version) || cond.version < 0) {
      throw validationFailed(`illegal version value [${cond.version}] for version type [${cond.versionType.toUpperCase()}]`);
    }
    if (opType === 'create') throw validationFailed('create operations only support internal versioning. use index instead');
    if (opType === 'update') throw validationFailed('can\'t provide version in update requests');
  } else if (cond.versionType !== 'internal') {
    throw validationFailed(`illegal version value [-3] for version type [${cond.versionType.toUpperCase()}]`);
  }
  if ((cond.ifSeqNo === undefined) !== (cond.ifPrimaryTerm === undefined)) {
    throw validationFailed('ifSeqNo is set, but primary term is [0]');
  }
  if (cond.ifSeqNo !== undefined && cond.version !== undefined) {
    throw validationFailed('compare and write operations can not use versioning');
  }
}

function checkSeqNo(index: string, id: string, state: VersionState, cond: WriteConditions): void {
  if (cond.ifSeqNo === undefined) return;
  const required = `required seqNo [${cond.ifSeqNo}], primary term [${cond.ifPrimaryTerm}].`;
  if (state.live === undefined) throw versionConflict(index, id, `${required} but no document was found`);
  if (state.live.seqNo !== cond.ifSeqNo || cond.ifPrimaryTerm !== PRIMARY_TERM) {
    throw versionConflict(index, id, `${required} current document has seqNo [${state.live.seqNo}] and primary term [${PRIMARY_TERM}]`);
  }
}

function checkExternal(index: string, id: string, state: VersionState, cond: WriteConditions): void {
  const current = state.live?.version ?? state.tombstoneVersion;
  const provided = cond.version!;
  if (current === undefined) return;
  if (cond.versionType === 'external' && provided <= current) {
    throw versionConflict(index, id, `current version [${current}] is higher or equal to the one provided [${provided}]`);
  }
  if (cond.versionType === 'external_gte' && provided < current) {
    throw versionConflict(index, id, `current version [${current}] is higher than the one provided [${provided}]`);
  }
}

/** The version a write of `id` gets, or the 409 OpenSearch would answer. */
export function versionForWrite(index: string, id: string, state: VersionState, cond: WriteConditions, opType: 'index' | 'create'): number {
  if (opType === 'create' && state.live !== undefined) {
    throw versionConflict(index, id, `document already exists (current version [${state.live.version}])`);
  }
  checkSeqNo(index, id, state, cond);
  if (cond.version !== undefined) {
    checkExternal(index, id, state, cond);
    return cond.version;
  }
  return (state.live?.version ?? state.tombstoneVersion ?? 0) + 1;
}

/** The version a delete leaves as tombstone, or the 409 OpenSearch would answer. */
export function versionForDelete(index: string, id: string, state: VersionState, cond: WriteConditions): number {
  checkSeqNo(index, id, state, cond);
  if (cond.version !== undefined) {
    checkExternal(index, id, state, cond);
    return cond.version;
  }
  return (state.live?.version ?? state.tombstoneVersion ?? 0) + 1;
}
