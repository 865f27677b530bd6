import type { z } from 'zod';
import type { ContractResponse, RouteContract } from '../../platform/http/route-contract.ts';
import {
  AUTHORIZED_ERROR_STATUSES,
  BODY_ERROR_STATUSES,
  COMMON_ERROR_STATUSES,
  INPUT_ERROR_STATUSES,
  codesForStatus,
  errorEnvelopeSchema,
} from './error-envelope.ts';
import { SchemaCollector, type JsonSchema } from './json-schema.ts';

export const OPENAPI_VERSION = '3.1.0';
export const BEARER_SCHEME = 'bearerAuth';

export interface OpenApiInfo {
  readonly title: string;
  readonly version: string;
  readonly description: string;
}

export type OpenApiDocument = {
  readonly openapi: string;
  readonly info: OpenApiInfo;
  readonly servers: readonly { url: string; description: string }[];
  readonly tags: readonly { name: string }[];
  readonly paths: Record<string, Record<string, JsonSchema>>;
  readonly components: {
    readonly schemas: Record<string, JsonSchema>;
    readonly securitySchemes: Record<string, JsonSchema>;
  };
};

const HTTP_REASON: Record<number, string> = {
  400: 'Bad request',
  401: 'No valid credential',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Unavailable',
};

const pascal = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** `POST /v1/companies/batch-upsert` → `postV1CompaniesBatchUpsert`; `{uuid}` → `ByUuid`. */
export function defaultOperationId(method: string, path: string): string {
  const words = path
    .split('/')
    .filter((segment) => segment !== '')
    .flatMap((segment) => {
      const variable = /^\{(.+?)\+?\}$/.exec(segment);
      return variable ? ['by', ...(variable[1] ?? '').split(/[^A-Za-z0-9]+/)] : segment.split(/[^A-Za-z0-9]+/);
    });
  return method.toLowerCase() + words.map(pascal).join('');
}

/** Path template variables: `/v1/companies/{uuid}` → `['uuid']`. */
export const pathVariables = (path: string): string[] => [...path.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1] ?? '');

function parametersOf(collector: SchemaCollector, where: 'path' | 'query' | 'header', schema: z.ZodObject | undefined, owner: string): JsonSchema[] {
  if (!schema) return [];
  const converted = collector.convert(schema, 'input', owner);
  const properties = (converted.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((converted.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: propertySchema,
    };
  });
}

function errorResponse(status: number, description: string, envelope: JsonSchema): JsonSchema {
  const codes = codesForStatus(status);
  return {
    description: codes.length > 0 ? `${description} (${codes.join(', ')})` : description,
    content: { 'application/json': { schema: envelope } },
  };
}

function responseOf(collector: SchemaCollector, status: number, response: ContractResponse, envelope: JsonSchema, owner: string): JsonSchema {
  const headers = Object.fromEntries(
    Object.entries(response.headers ?? {}).map(([name, description]) => [name, { description, schema: { type: 'string' } }]),
  );
  const withHeaders = Object.keys(headers).length > 0 ? { headers } : {};
  const types = response.contentType === undefined ? [] : typeof response.contentType === 'string' ? [response.contentType] : [...response.contentType];
  if (response.body) {
    const schema = collector.convert(response.body, 'output', `${owner}_${status}`);
    const content = Object.fromEntries((types.length > 0 ? types : ['application/json']).map((type) => [type, { schema }]));
    return { description: response.description, ...withHeaders, content };
  }
  if (status >= 400) return { ...errorResponse(status, response.description, envelope), ...withHeaders };
  if (types.length > 0) {
    const content = Object.fromEntries(types.map((type) => [type, { schema: { type: 'string' } }]));
    return { description: response.description, ...withHeaders, content };
  }
  return { description: response.description, ...withHeaders };
}

function implicitErrorStatuses(contract: RouteContract): number[] {
  const statuses: number[] = [...COMMON_ERROR_STATUSES];
  if (contract.authorized !== false) statuses.push(...AUTHORIZED_ERROR_STATUSES);
  if (contract.body) statuses.push(...BODY_ERROR_STATUSES);
  if (contract.params || contract.query || contract.headers) statuses.push(...INPUT_ERROR_STATUSES);
  return statuses;
}

/** A body that accepts nothing at all is optional (a search with no filters). */
const bodyIsOptional = (body: z.ZodType): boolean => {
  try {
    return body.safeParse(undefined).success;
  } catch {
    return false;
  }
};

function operationOf(collector: SchemaCollector, contract: RouteContract, envelope: JsonSchema): JsonSchema {
  const operationId = contract.operationId ?? defaultOperationId(contract.method, contract.path);
  const responses: Record<string, JsonSchema> = {};
  for (const [status, response] of Object.entries(contract.responses)) {
    responses[status] = responseOf(collector, Number(status), response, envelope, operationId);
  }
  for (const status of implicitErrorStatuses(contract)) {
    responses[String(status)] ??= errorResponse(status, HTTP_REASON[status] ?? 'Error', envelope);
  }
  const parameters = [
    ...parametersOf(collector, 'path', contract.params, `${operationId}_path`),
    ...parametersOf(collector, 'query', contract.query, `${operationId}_query`),
    ...parametersOf(collector, 'header', contract.headers, `${operationId}_headers`),
  ];
  return {
    operationId,
    summary: contract.summary,
    ...(contract.description ? { description: contract.description } : {}),
    tags: [contract.tag],
    security: contract.authorized === false ? [] : [{ [BEARER_SCHEME]: [] }],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(contract.body
      ? {
          requestBody: {
            required: !bodyIsOptional(contract.body),
            content: { 'application/json': { schema: collector.convert(contract.body, 'input', `${operationId}_body`) } },
          },
        }
      : {}),
    responses: Object.fromEntries(Object.entries(responses).sort(([a], [b]) => Number(a) - Number(b))),
  };
}

/**
 * The OpenAPI 3.1 document of the given route contracts, their schemas converted by zod's own
 * `z.toJSONSchema` (JSON Schema 2020-12, OpenAPI 3.1's dialect): the schemas that validate a
 * request are the ones documented.
 */
export function buildOpenApi(contracts: readonly RouteContract[], info: OpenApiInfo): OpenApiDocument {
  const collector = new SchemaCollector();
  const envelope = collector.register('ErrorEnvelope', errorEnvelopeSchema, 'output');
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const tags: string[] = [];
  for (const contract of contracts) {
    const method = contract.method.toLowerCase();
    const item = (paths[contract.path] ??= {});
    if (item[method]) throw new Error(`Two contracts for ${contract.method} ${contract.path}`);
    item[method] = operationOf(collector, contract, envelope);
    if (!tags.includes(contract.tag)) tags.push(contract.tag);
  }
  return {
    openapi: OPENAPI_VERSION,
    info,
    servers: [{ url: '/', description: 'This deployment' }],
    tags: tags.map((name) => ({ name })),
    paths,
    components: {
      schemas: collector.components,
      securitySchemes: {
        [BEARER_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key (`Authorization: Bearer <key>`) or a session token (JWT) of the workspace.',
        },
      },
    },
  };
}
