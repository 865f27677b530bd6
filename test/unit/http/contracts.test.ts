import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { companyInputSchema } from '../../../functions/domain/records/input-schemas.ts';
import { routeContracts } from '../../../functions/http/contracts/index.ts';
import { API_INFO, apiDocumentJson } from '../../../functions/http/openapi/api-document.ts';
import { buildOpenApi, defaultOperationId, pathVariables } from '../../../functions/http/openapi/build-openapi.ts';
import { ERROR_STATUS } from '../../../functions/platform/errors.ts';
import type { RouteContract } from '../../../functions/platform/http/route-contract.ts';
import { topology, type HttpRoute } from '../../../lib/topology.ts';

type Json = Record<string, any>;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

/** Routes without a contract, and contracts naming no route. */
function coverage(routes: readonly HttpRoute[], contracts: readonly RouteContract[]) {
  const routeKeys = new Set(routes.map(key));
  const contractKeys = new Set(contracts.map(key));
  return {
    missing: [...routeKeys].filter((k) => !contractKeys.has(k)),
    unknown: [...contractKeys].filter((k) => !routeKeys.has(k)),
  };
}

/** Structural problems of an OpenAPI 3.1 document; empty when it is well formed. */
function problemsOf(doc: Json): string[] {
  const problems: string[] = [];
  if (doc.openapi !== '3.1.0') problems.push(`openapi is ${doc.openapi}`);
  if (typeof doc.info?.title !== 'string' || typeof doc.info?.version !== 'string') problems.push('info.title and info.version are required');
  const tagNames = new Set((doc.tags ?? []).map((t: Json) => t.name));
  const schemes = new Set(Object.keys(doc.components?.securitySchemes ?? {}));
  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    if (!path.startsWith('/')) problems.push(`${path}: a path starts with /`);
    for (const [method, op] of Object.entries<Json>(item)) {
      const where = `${method.toUpperCase()} ${path}`;
      if (!HTTP_METHODS.includes(method)) problems.push(`${where}: not an HTTP method`);
      if (typeof op.operationId !== 'string') problems.push(`${where}: no operationId`);
      else if (operationIds.has(op.operationId)) problems.push(`${where}: duplicate operationId ${op.operationId}`);
      operationIds.add(op.operationId);
      const responses = Object.entries<Json>(op.responses ?? {});
      if (responses.length === 0) problems.push(`${where}: no responses`);
      for (const [status, response] of responses) {
        if (!/^[1-5]\d\d$/.test(status)) problems.push(`${where}: bad status ${status}`);
        if (typeof response.description !== 'string') problems.push(`${where} ${status}: no description`);
      }
      const params: Json[] = op.parameters ?? [];
      const seen = new Set<string>();
      for (const p of params) {
        if (!['path', 'query', 'header', 'cookie'].includes(p.in)) problems.push(`${where}: parameter ${p.name} in ${p.in}`);
        if (seen.has(`${p.in}:${p.name}`)) problems.push(`${where}: parameter ${p.name} declared twice`);
        seen.add(`${p.in}:${p.name}`);
        if (p.schema === undefined) problems.push(`${where}: parameter ${p.name} has no schema`);
        if (p.in === 'path' && p.required !== true) problems.push(`${where}: path parameter ${p.name} must be required`);
      }
      const declared = params.filter((p) => p.in === 'path').map((p) => p.name).sort();
      const templated = pathVariables(path).sort();
      if (JSON.stringify(declared) !== JSON.stringify(templated)) problems.push(`${where}: path parameters ${declared} ≠ template ${templated}`);
      for (const tag of op.tags ?? []) if (!tagNames.has(tag)) problems.push(`${where}: undeclared tag ${tag}`);
      for (const requirement of op.security ?? []) {
        for (const scheme of Object.keys(requirement)) if (!schemes.has(scheme)) problems.push(`${where}: unknown security scheme ${scheme}`);
      }
      if (op.requestBody && !op.requestBody.content) problems.push(`${where}: requestBody without content`);
    }
  }
  const refs = JSON.stringify(doc).match(/"\$ref":"[^"]*"/g) ?? [];
  for (const ref of refs) {
    const target = ref.slice('"$ref":"'.length, -1);
    const name = target.replace('#/components/schemas/', '');
    if (!target.startsWith('#/components/schemas/') || !doc.components?.schemas?.[name]) problems.push(`dangling $ref ${target}`);
  }
  return problems;
}

const doc = (): Json => JSON.parse(apiDocumentJson()) as Json;

describe('route contracts', () => {
  it('It should have a contract for every topology route and a route for every contract', () => {
    // Prepare / Act
    const { missing, unknown } = coverage(topology.http.routes, routeContracts);
    // Assess
    expect(missing, 'routes with no contract in functions/http/contracts/').toEqual([]);
    expect(unknown, 'contracts naming a route lib/topology.ts does not declare').toEqual([]);
  });

  it('It should catch a route with no contract and a contract with no route', () => {
    const routes: HttpRoute[] = [{ method: 'GET', path: '/v1/a', fn: 'health', authorized: true }];
    const contracts: RouteContract[] = [{ method: 'GET', path: '/v1/b', summary: 'b', tag: 't', responses: { 200: { description: 'ok' } } }];
    expect(coverage(routes, contracts)).toEqual({ missing: ['GET /v1/a'], unknown: ['GET /v1/b'] });
  });

  it('It should say a route is public exactly when the topology does', () => {
    const byKey = new Map(topology.http.routes.map((r) => [key(r), r.authorized]));
    const mismatched = routeContracts.filter((c) => byKey.has(key(c)) && (c.authorized ?? true) !== byKey.get(key(c))).map(key);
    expect(mismatched).toEqual([]);
  });
});

describe('OpenAPI document', () => {
  it('It should be a well-formed OpenAPI 3.1 document', () => {
    expect(problemsOf(doc())).toEqual([]);
  });

  it('It should list every contract as an operation, with bearer security unless public', () => {
    const document = doc();
    for (const contract of routeContracts) {
      const op = document.paths[contract.path]?.[contract.method.toLowerCase()];
      expect(op, key(contract)).toBeDefined();
      expect(op?.security).toEqual(contract.authorized === false ? [] : [{ bearerAuth: [] }]);
    }
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('It should document the request body with the schema the handler validates with', () => {
    const body = doc().paths['/v1/companies/batch-upsert']?.post?.requestBody;
    const rowSchema = z.toJSONSchema(companyInputSchema, { io: 'input', target: 'draft-2020-12' }) as Json;
    const arrayVariant = body.content['application/json'].schema.anyOf[0];
    expect(arrayVariant.items.properties).toEqual(rowSchema.properties);
    expect(arrayVariant.items.additionalProperties).toBe(false);
    expect(body.required).toBe(true);
  });

  it('It should describe errors with the common envelope and list every error code', () => {
    const document = doc();
    const envelope = document.components.schemas.ErrorEnvelope as Json;
    expect(envelope.properties.error.properties.code.enum.sort()).toEqual(Object.keys(ERROR_STATUS).sort());
    const unauthorized = document.paths['/v1/contacts/batch-upsert']?.post?.responses['401'];
    expect(unauthorized.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorEnvelope' });
    expect(unauthorized.description).toContain('ERR_UNAUTHORIZED');
    expect(document.paths['/v1/health']?.get?.responses['401']).toBeUndefined();
  });

  it('It should declare path, query and header parameters from their schemas', () => {
    const built = buildOpenApi(
      [
        {
          method: 'PATCH',
          path: '/v1/things/{id}',
          summary: 'patch',
          tag: 't',
          params: z.object({ id: z.uuid() }),
          query: z.object({ dry_run: z.enum(['true', 'false']).optional(), mode: z.string().describe('How') }),
          headers: z.object({ 'if-match': z.string().optional() }),
          body: z.object({ name: z.string() }).optional(),
          responses: { 200: { description: 'ok', body: z.object({ ok: z.boolean() }), headers: { etag: 'Version' } }, 409: { description: 'Stale' } },
        },
      ],
      API_INFO,
    ) as Json;
    const op = built.paths['/v1/things/{id}'].patch;
    expect(op.operationId).toBe('patchV1ThingsById');
    expect(op.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: expect.objectContaining({ type: 'string', format: 'uuid' }) },
      { name: 'dry_run', in: 'query', required: false, schema: { type: 'string', enum: ['true', 'false'] } },
      { name: 'mode', in: 'query', required: true, description: 'How', schema: { type: 'string' } },
      { name: 'if-match', in: 'header', required: false, schema: { type: 'string' } },
    ]);
    expect(op.requestBody.required).toBe(false);
    expect(op.responses['200'].headers).toEqual({ etag: { description: 'Version', schema: { type: 'string' } } });
    expect(op.responses['409'].description).toMatch(/^Stale \(.*ERR_CONFLICT.*\)$/);
    expect(Object.keys(op.responses)).toEqual(['200', '400', '401', '409', '415', '500']);
    expect(problemsOf(built)).toEqual([]);
  });

  it('It should hoist recursive schemas into components so every $ref resolves', () => {
    interface Node { name: string; children: Node[] }
    const node: z.ZodType<Node> = z.lazy(() => z.object({ name: z.string(), children: z.array(node) }));
    const built = buildOpenApi([{ method: 'POST', path: '/v1/tree', summary: 'tree', tag: 't', body: node, responses: { 200: { description: 'ok' } } }], API_INFO) as Json;
    expect(JSON.stringify(built)).not.toContain('#/$defs/');
    expect(problemsOf(built)).toEqual([]);
  });

  it('It should refuse two contracts for one route', () => {
    const contract: RouteContract = { method: 'GET', path: '/v1/x', summary: 'x', tag: 't', responses: { 200: { description: 'ok' } } };
    expect(() => buildOpenApi([contract, contract], API_INFO)).toThrow('Two contracts for GET /v1/x');
  });

  it('It should report a path parameter the contract does not declare', () => {
    const built = buildOpenApi([{ method: 'GET', path: '/v1/x/{id}', summary: 'x', tag: 't', responses: { 200: { description: 'ok' } } }], API_INFO) as Json;
    expect(problemsOf(built)).toEqual(['GET /v1/x/{id}: path parameters  ≠ template id']);
  });

  it('It should derive operation ids from method and path', () => {
    expect(defaultOperationId('POST', '/v1/companies/batch-upsert')).toBe('postV1CompaniesBatchUpsert');
    expect(defaultOperationId('GET', '/v1/openapi.json')).toBe('getV1OpenapiJson');
    expect(defaultOperationId('DELETE', '/v1/contacts/{uuid}')).toBe('deleteV1ContactsByUuid');
  });
});
