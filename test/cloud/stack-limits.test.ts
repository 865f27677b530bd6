import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../lib/topology.ts';
import { copyTopology, resourcesOf, synthesize } from './helpers.ts';

/** CloudFormation refuses a stack over 500 resources; the margin leaves room for a feature's growth between checks. */
const MAX_RESOURCES_PER_STACK = 450;
/** CloudFormation's limit for a template uploaded through S3 (CDK uploads every template, nested ones included). */
const CLOUDFORMATION_TEMPLATE_LIMIT_BYTES = 1_000_000;
/** "Near the limit": a fifth of it kept free. */
const MAX_TEMPLATE_BYTES = 0.8 * CLOUDFORMATION_TEMPLATE_LIMIT_BYTES;

/** Bytes of the template as the CDK writes it to the cloud assembly (one-space indentation). */
const templateBytes = (template: Template): number => Buffer.byteLength(JSON.stringify(template.toJSON(), undefined, 1));
const resourceCount = (template: Template): number => Object.keys(resourcesOf(template)).length;

const real = synthesize();

describe('stack limits', () => {
  it('It should keep every stack, nested ones included, under 450 resources and well under the template size limit', () => {
    const rows = [...real.templates].map(([stack, template]) => ({ stack, resources: resourceCount(template), bytes: templateBytes(template) }));
    // The per-stack figures, for the reviewer and the report: the test output is where they are read.
    console.table(rows);

    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      expect(row.resources, `${row.stack} resources`).toBeLessThanOrEqual(MAX_RESOURCES_PER_STACK);
      expect(row.bytes, `${row.stack} template bytes`).toBeLessThanOrEqual(MAX_TEMPLATE_BYTES);
    }
  });

  it('It should put a new function of a feature, with its role, policy, logs, route and permission, in that feature stack only', () => {
    const topology = copyTopology();
    const functions = {
      ...topology.functions,
      // A name and a path the real topology will never have, so the test survives its growth.
      exampleLimitsProbe: { entry: 'functions/http/get-record.handler.ts', timeoutSeconds: 5, memoryMb: 256, access: { tables: { records: 'read' } } },
    } as const;
    const http = {
      ...topology.http,
      routes: [...topology.http.routes, { method: 'GET', path: '/v1/example-limits-probe', fn: 'exampleLimitsProbe', authorized: true }],
    };
    const features = { ...topology.features, records: [...(topology.features['records'] ?? []), 'exampleLimitsProbe'] };
    const grown = synthesize({ topology: { ...topology, functions, http, features } as Topology });

    const counts = (templates: ReadonlyMap<string, Template>) =>
      Object.fromEntries([...templates].map(([stack, template]) => [stack, resourceCount(template)]));
    const before = counts(real.templates);
    const after = counts(grown.templates);
    // Function, role, policy, log group, integration, route, invoke permission.
    expect(after['records']).toBe(before['records']! + 7);
    expect({ ...after, records: 0 }).toEqual({ ...before, records: 0 });
  });
});
