import { z } from 'zod';

export type ContractMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ContractResponse {
  readonly description: string;
  /**
   * The JSON body. Omit it for an error status (>= 400): the document then shows the common
   * error envelope (functions/http/openapi/error-envelope.ts). Omit it too for empty or non-JSON
   * answers, and say what they are with `contentType`.
   */
  readonly body?: z.ZodType;
  readonly contentType?: string | readonly string[];
  /** Response headers worth documenting (ETag, Location...): name → description. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * One HTTP route as clients see it. The schemas here are the very ones the handler validates
 * with (`parseInput`), so the OpenAPI document (GET /v1/openapi.json) cannot drift from the code.
 *
 * @example
 * defineContracts([{
 *   method: 'GET', path: '/v1/contacts/{uuid}', summary: 'Get one contact', tag: 'records',
 *   params: recordParamsSchema,
 *   responses: { 200: { description: 'The contact', body: successBody({ data: recordSchema }) }, 404: { description: 'No such contact' } },
 * }]);
 */
export interface RouteContract {
  readonly method: ContractMethod;
  /** API Gateway path syntax, exactly as in lib/topology.ts: `/v1/companies/{uuid}`. */
  readonly path: string;
  readonly summary: string;
  /** Longer Markdown text for the docs page. */
  readonly description?: string;
  /** Groups routes in the docs: records, filters, jobs, uploads, auth... */
  readonly tag: string;
  /** Default: derived from method and path (`getV1ContactsByUuid`). Must be unique. */
  readonly operationId?: string;
  /**
   * Whether the route needs a credential; default true. Must equal the route's `authorized`
   * in lib/topology.ts (test/unit/http/contracts.test.ts checks it).
   */
  readonly authorized?: boolean;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** Request headers a client sends beyond Authorization (e.g. If-Match), lowercase names. */
  readonly headers?: z.ZodObject;
  readonly responses: Readonly<Record<number, ContractResponse>>;
}

export const defineContracts = (contracts: readonly RouteContract[]): readonly RouteContract[] => contracts;

/** `{ success: true, ...shape }`: the body every successful JSON answer has (functions/platform/http/responses.ts). */
export const successBody = <S extends z.ZodRawShape>(shape: S) => z.object({ success: z.literal(true), ...shape });
