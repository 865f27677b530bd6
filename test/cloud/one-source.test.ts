import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRoutes } from '../../lib/local/gateway/http-routes.ts';
import type { Topology } from '../../lib/topology.ts';
import { copyTopology, resourcesOf, synthesize } from './helpers.ts';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The CDK stack's route keys, as API Gateway will see them. */
function cloudRouteKeys(topology: Topology): string[] {
  const { template } = synthesize({ topology });
  return Object.values(resourcesOf(template))
    .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route' && !String(r.Properties?.RouteKey).startsWith('$'))
    .map((r) => String(r.Properties?.RouteKey))
    .sort();
}

/** The local gateway's route keys, found by asking its matcher about every declared route. */
function localRouteKeys(topology: Topology): string[] {
  const match = compileRoutes(topology.http.routes);
  return topology.http.routes
    .map((r) => match(r.method, r.path.replace(/\{[^}]+\}/g, 'x'))?.routeKey ?? 'unmatched')
    .sort();
}

describe('both clouds read one topology', () => {
  it('It should serve the same HTTP routes in the CDK stack and in the local gateway', () => {
    const topology = copyTopology();
    expect(localRouteKeys(topology)).toEqual(cloudRouteKeys(topology));
  });

  it('It should carry a route added to the topology into both clouds', () => {
    const topology = copyTopology();
    const extra = { method: 'GET', path: '/v1/extra/{uuid}', fn: 'health', authorized: false } as const;
    const changed = { ...topology, http: { ...topology.http, routes: [...topology.http.routes, extra] } } as Topology;
    expect(cloudRouteKeys(changed)).toContain('GET /v1/extra/{uuid}');
    expect(compileRoutes(changed.http.routes)('GET', '/v1/extra/abc')?.routeKey).toBe('GET /v1/extra/{uuid}');
  });

  it('It should declare no route, table or queue name outside the topology', () => {
    // Fakes speak other providers' APIs, whose paths are theirs (Razorpay's `/v1/plans`), not ours.
    const ownCode = (f: string) => !f.includes('search-engine') && !f.includes(`${path.sep}fakes${path.sep}`);
    const offenders = [...sourceFiles('lib/cloud'), ...sourceFiles('lib/local').filter(ownCode)].filter((file) =>
      /['"`]\/v1\/|['"](records|control|uploadEvents)['"]/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });
});
