import type { z } from 'zod';

export type ContractMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ContractResponse {
  readonly description: string;
  /** The JSON body; omitted for empty or non-JSON answers (then `contentType` says what it is). */
  readonly body?: z.ZodType;
  readonly contentType?: string;
}

/**
 * One HTTP route as clients see it. The schemas here are the very ones the handler validates
 * with (`parseInput`), so the OpenAPI document (GET /v1/openapi.json) cannot drift from the code.
 */
export interface RouteContract {
  readonly method: ContractMethod;
  /** API Gateway path syntax, exactly as in lib/topology.ts: `/v1/companies/{uuid}`. */
  readonly path: string;
  readonly summary: string;
  /** Groups routes in the docs: records, filters, jobs, uploads, auth... */
  readonly tag: string;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** Request headers a client sends beyond Authorization (e.g. If-Match). */
  readonly headers?: z.ZodObject;
  readonly responses: Readonly<Record<number, ContractResponse>>;
}

export const defineContracts = (contracts: readonly RouteContract[]): readonly RouteContract[] => contracts;
