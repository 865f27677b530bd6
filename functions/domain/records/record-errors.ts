import { AppError } from '../../platform/errors.ts';
import type { WriteOutcome } from '../../ports/records.port.ts';
import type { Entity } from './fields.ts';

/** The same answer for "never existed", "deleted" and "another workspace's": nothing leaks. */
export const recordNotFound = (entity: Entity, uuid: string): AppError =>
  new AppError('ERR_NOT_FOUND', `No ${entity} ${uuid}`, [{ path: 'uuid', message: 'Not found' }]);

export function staleVersion(expected: number | undefined, current: number): AppError {
  return new AppError('ERR_CONFLICT', `The record is at version ${current}, not ${expected ?? '?'}; read it again and retry`, [
    { path: 'if-match', message: `Current version: ${current}` },
  ]);
}

/** The stored item of a successful write, or the error its failure means. */
export function writtenOrThrow(outcome: WriteOutcome, entity: Entity, uuid: string, expectedVersion: number | undefined) {
  if (outcome.ok) return outcome.item;
  if (outcome.reason === 'not_found') throw recordNotFound(entity, uuid);
  throw staleVersion(expectedVersion, outcome.currentVersion);
}
