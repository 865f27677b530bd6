/**
 * OpenSearch-shaped errors. Every failure the engine reports goes through here so the
 * official client sees the same `{error:{type, reason, root_cause}, status}` body that a
 * real cluster sends, and callers can match on `type` the way they would in production.
 */

export interface ErrorCause {
  type: string;
  reason: string;
  [extra: string]: unknown;
}

export class SearchEngineError extends Error {
  readonly status: number;
  readonly type: string;
  readonly extra: Readonly<Record<string, unknown>>;
  /** When set, the top-level error wraps this cause (as OpenSearch does for shard failures). */
  readonly rootCause: ErrorCause | undefined;

  constructor(status: number, type: string, reason: string, extra: Record<string, unknown> = {}, rootCause?: ErrorCause) {
    super(reason);
    this.status = status;
    this.type = type;
    this.extra = extra;
    this.rootCause = rootCause;
  }

  /** The cause object as it appears inside bulk items and `root_cause` arrays. */
  toCause(): ErrorCause {
    return { type: this.type, reason: this.message, ...this.extra };
  }

  toBody(): { error: Record<string, unknown>; status: number } {
    const cause = this.toCause();
    const root = this.rootCause ?? cause;
    return { error: { root_cause: [root], ...cause, ...(this.rootCause ? { caused_by: this.rootCause } : {}) }, status: this.status };
  }
}

export function badRequest(type: string, reason: string, extra: Record<string, unknown> = {}): SearchEngineError {
  return new SearchEngineError(400, type, reason, extra);
}

export function illegalArgument(reason: string): SearchEngineError {
  return badRequest('illegal_argument_exception', reason);
}

export function parsingError(reason: string): SearchEngineError {
  return badRequest('parsing_exception', reason);
}

/**
 * A feature real OpenSearch has but this stand-in does not. Failing loudly with the feature's
 * name is the whole contract: a silently different answer would only surface in production.
 */
export function unsupported(feature: string): SearchEngineError {
  return badRequest('unsupported_operation_exception', `The local search engine does not support ${feature}`);
}

export function indexNotFound(name: string): SearchEngineError {
  return new SearchEngineError(404, 'index_not_found_exception', `no such index [${name}]`, {
    'resource.type': 'index_or_alias',
    'resource.id': name,
    index_uuid: '_na_',
    index: name,
  });
}

/** A shard-level failure, wrapped the way OpenSearch reports it from the query phase. */
export function searchPhaseFailure(index: string, cause: ErrorCause): SearchEngineError {
  return new SearchEngineError(
    400,
    'search_phase_execution_exception',
    'all shards failed',
    { phase: 'query', grouped: true, failed_shards: [{ shard: 0, index, node: 'local', reason: cause }] },
    cause,
  );
}

export function versionConflict(index: string, id: string, reason: string): SearchEngineError {
  return new SearchEngineError(409, 'version_conflict_engine_exception', `[${id}]: version conflict, ${reason}`, {
    index,
    shard: '0',
    index_uuid: '_na_',
  });
}

export function mapperParsing(reason: string): SearchEngineError {
  return badRequest('mapper_parsing_exception', reason);
}

export function toSearchEngineError(err: unknown): SearchEngineError {
  if (err instanceof SearchEngineError) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return new SearchEngineError(500, 'exception', reason);
}
