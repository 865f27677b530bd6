import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { AppError } from '../errors.ts';
import { once } from '../services/once.ts';
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_PATTERN, IDEMPOTENCY_TTL_SECONDS } from './idempotency-header.ts';
import type { HttpContext } from './middlewares.ts';

/**
 * Control-table item: pk = IDEMPOTENCY, sk = request#<sha256 of the scope below>, removed by the
 * table's `expires_at` TTL. Powertools puts every record under one static partition key when the
 * table has a sort key; the sort key spreads them.
 */
const PARTITION = 'IDEMPOTENCY';
const KEY_PREFIX = 'request';
/**
 * What a key is scoped to: the route, the workspace and the principal (user and key) the
 * authorizer resolved, and the header's value. Null (no header) means "not idempotent": the
 * request creates as usual.
 */
const SCOPE = `headers."${IDEMPOTENCY_HEADER}" && [routeKey, requestContext.authorizer.lambda.workspaceId, requestContext.authorizer.lambda.userId, requestContext.authorizer.lambda.keyId, headers."${IDEMPOTENCY_HEADER}"]`;

type Response = APIGatewayProxyResultV2;
type HttpMiddleware = MiddlewareObj<APIGatewayProxyEventV2, Response, Error, HttpContext>;

export interface IdempotencyOptions {
  /** Thunks: the handler module is imported before its environment is read. */
  readonly client: () => DynamoDBClient;
  readonly tableName: () => string;
  /**
   * What is stored for replays, when the first answer holds something that must not be stored
   * (the plaintext of a new API key). The first caller still gets the full answer.
   */
  readonly storedResponse?: (response: Response) => Response;
}

/** request.internal flag: this request took part in idempotency (so after/onError must too). */
const ACTIVE = 'leadstack.idempotency.active';
const internal = (request: { internal: unknown }): Record<string, unknown> => request.internal as Record<string, unknown>;

const headerError = (message: string): AppError =>
  new AppError('ERR_VALIDATION', message, [{ path: `headers.${IDEMPOTENCY_HEADER}`, message: '1-255 visible ASCII characters' }]);

/** Powertools' own errors, as the API's stable codes. */
function translate(error: unknown): unknown {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'IdempotencyValidationError') {
    return new AppError('ERR_IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with another request body', [
      { path: `headers.${IDEMPOTENCY_HEADER}`, message: 'Use a new key for a different request' },
    ]);
  }
  if (name === 'IdempotencyAlreadyInProgressError') {
    return new AppError('ERR_IDEMPOTENCY_IN_PROGRESS', 'The first request with this Idempotency-Key is still running; retry shortly', [
      { path: `headers.${IDEMPOTENCY_HEADER}`, message: 'In progress' },
    ]);
  }
  return error;
}

/**
 * `Idempotency-Key` on a creating route, with AWS Lambda Powertools Idempotency and its DynamoDB
 * persistence layer on the control table: the same key and body replay the first answer (status,
 * headers, body); another body is 409 ERR_IDEMPOTENCY_KEY_REUSED; a duplicate arriving while the
 * first still runs is 409 ERR_IDEMPOTENCY_IN_PROGRESS. An error answer is not kept, so a failed
 * request can be retried with the same key.
 *
 * Powertools' middleware, used bare, deletes the record in `onError` for any error, including
 * its own refusals raised in `before`: a refused duplicate would erase the first request's
 * record and let a third one create again. This wrapper runs its `after`/`onError` only for a
 * request that it let through.
 *
 * Runs after the workspace gate and the body parser: no record is written for a request that
 * is refused anyway.
 */
export function idempotentRequest(options: IdempotencyOptions): HttpMiddleware {
  // Built on first use, like the services: `once` also lets an in-process host rebuild it.
  const powertools = once(() =>
    makeHandlerIdempotent({
      persistenceStore: new DynamoDBPersistenceLayer({
        tableName: options.tableName(),
        keyAttr: 'pk',
        sortKeyAttr: 'sk',
        staticPkValue: PARTITION,
        expiryAttr: 'expires_at',
        awsSdkV3Client: options.client(),
      }),
      config: new IdempotencyConfig({
        eventKeyJmesPath: SCOPE,
        payloadValidationJmesPath: 'body',
        expiresAfterSeconds: IDEMPOTENCY_TTL_SECONDS,
        hashFunction: 'sha256',
      }),
      keyPrefix: KEY_PREFIX,
    }));

  return {
    before: async function checkIdempotencyKey(request) {
      const key = request.event.headers?.[IDEMPOTENCY_HEADER];
      if (key === undefined) return undefined;
      if (!IDEMPOTENCY_KEY_PATTERN.test(key)) throw headerError('The Idempotency-Key header must be 1-255 visible ASCII characters');
      try {
        const replay = (await powertools().before!(request as never)) as Response | undefined;
        // A replay ran nothing: there is nothing to save afterwards.
        if (replay === undefined) internal(request)[ACTIVE] = true;
        return replay;
      } catch (error) {
        throw translate(error);
      }
    },
    after: async function saveAnswer(request) {
      if (internal(request)[ACTIVE] !== true) return;
      const answer = request.response;
      if (options.storedResponse && answer) request.response = options.storedResponse(answer);
      try {
        await powertools().after!(request as never);
      } finally {
        request.response = answer;
      }
    },
    onError: async function releaseKey(request) {
      if (internal(request)[ACTIVE] !== true) return;
      await powertools().onError!(request as never);
    },
  };
}
