import { rmSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildApp } from '../../bin/app.ts';
import { topology } from '../../lib/topology.ts';
import type { Topology } from '../../lib/topology.ts';
import { assemblyDir, cdkJsonContext, copyTopology, NO_BUNDLING, withStubEntries } from './helpers.ts';

/** The CLI's app (bin/app.ts, AwsSolutionsChecks registered), on a topology whose handlers need not exist. */
function appFor(source: Topology): ReturnType<typeof buildApp> {
  const outdir = assemblyDir();
  onTestFinished(() => rmSync(outdir, { recursive: true, force: true }));
  return buildApp(new App({ outdir, context: { ...cdkJsonContext(), ...NO_BUNDLING } }), { topology: withStubEntries(source) });
}

const describeViolations = (app: App): string[] =>
  new AwsSolutionsChecks().validateScope(app).violations.flatMap((violation) =>
    violation.violatingResources.map((resource) => `${violation.severity} ${violation.ruleName} at ${resource.constructPath}`),
  );

describe('cdk-nag AwsSolutions', () => {
  it('It should leave no unacknowledged error or warning on the stack', () => {
    const { app, stack } = appFor(topology);

    // The walk covers the feature stacks too: they are constructs below the root stack.
    expect(stack.featureStacks.size).toBeGreaterThan(0);
    expect(describeViolations(app)).toEqual([]);
    // Synthesis runs the registered plugin too and throws on an unacknowledged error.
    expect(() => app.synth()).not.toThrow();
    const annotations = Annotations.fromStack(stack);
    expect(annotations.findError('*', Match.stringLikeRegexp('AwsSolutions'))).toEqual([]);
    expect(annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions'))).toEqual([]);
    // Synthesizing the root and every feature stack takes minutes on a loaded two-core machine.
  }, 300_000);

  it('It should stay clean when the topology grows (grants acknowledge only the wildcards they create)', () => {
    const grown = copyTopology();
    const functions = {
      ...grown.functions,
      presignUpload: { entry: 'x.ts', timeoutSeconds: 5, memoryMb: 256, access: { bucket: 'readwrite', queues: { uploadEvents: 'send' } } },
    } as const;
    const http = { ...grown.http, routes: [...grown.http.routes, { method: 'POST', path: '/v1/nag-probe/never-routed', fn: 'presignUpload', authorized: true }] };
    const schedules = [{ fn: 'health', rate: { minutes: 15 } }];
    const { app } = appFor({ ...grown, functions, http, schedules } as Topology);

    expect(describeViolations(app)).toEqual([]);
  });

  it('It should still report a finding nobody acknowledged', () => {
    const { app, stack } = appFor(topology);
    // A bucket without TLS enforcement or access logs, added outside the stack's constructs.
    new Bucket(stack, 'Unreviewed');

    expect(describeViolations(app).some((line) => line.includes('AwsSolutions-S10 at Leadstack/Unreviewed'))).toBe(true);
  });
});
