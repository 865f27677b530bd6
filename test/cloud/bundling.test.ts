import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it, onTestFinished } from 'vitest';
import { resolveEntry } from '../../lib/cloud/function-factory.ts';
import { LeadstackStack } from '../../lib/cloud/leadstack-stack.ts';
import type { Topology } from '../../lib/topology.ts';
import { assemblyDir, cdkJsonContext, copyTopology } from './helpers.ts';

const HEALTH = 'health';

/** Everything that references a function points at `health`, so exactly one handler is bundled. */
function healthOnly(): Topology {
  const topology = copyTopology();
  const health = topology.functions[HEALTH];
  if (!health) throw new Error('the topology no longer declares health');
  return {
    ...topology,
    functions: { [HEALTH]: health },
    http: { authorizer: { ...topology.http.authorizer, fn: HEALTH }, routes: topology.http.routes.filter((route) => route.fn === HEALTH) },
    websocket: { ...topology.websocket, authorizer: { ...topology.websocket.authorizer, fn: HEALTH }, routes: [] },
    queues: {} as Topology['queues'],
    bucket: { ...topology.bucket, notifications: [] },
    streams: [],
    searchSetup: { fn: HEALTH },
    schedules: [],
  };
}

describe('bundling', () => {
  it('It should bundle a real handler with esbuild into a minified ESM asset with a source map', () => {
    const entry = healthOnly().functions[HEALTH]!.entry;
    expect(existsSync(resolveEntry(entry)), `${entry} must exist to be bundled`).toBe(true);
    // No `aws:cdk:bundling-stacks` override: NodejsFunction runs esbuild for real.
    const outdir = assemblyDir();
    onTestFinished(() => rmSync(outdir, { recursive: true, force: true }));
    const app = new App({ outdir, context: cdkJsonContext() });
    const stack = new LeadstackStack(app, 'Bundled', { topology: healthOnly() });

    const template = Template.fromStack(stack);
    const assembly = app.synth();

    template.resourcePropertiesCountIs('AWS::Lambda::Function', { Description: Match.stringLikeRegexp('^leadstack ') }, 1);
    const bundles = readdirSync(assembly.directory)
      .filter((name) => name.startsWith('asset.'))
      .map((name) => path.join(assembly.directory, name))
      .filter((dir) => existsSync(path.join(dir, 'index.mjs')));
    expect(bundles).toHaveLength(1);
    const code = readFileSync(path.join(bundles[0]!, 'index.mjs'), 'utf8');
    expect(code.startsWith('import { createRequire as __leadstackCreateRequire }')).toBe(true);
    expect(code).toMatch(/export\s*\{[^}]*\bhandler\b/);
    expect(existsSync(path.join(bundles[0]!, 'index.mjs.map'))).toBe(true);
  }, 120_000);
});
