import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { BROWSER_MIN_MEMORY_MB, BROWSER_TMP_MB, bundlingFor } from '../../lib/cloud/function-factory.ts';
import type { FunctionSpec, Topology } from '../../lib/topology.ts';
import { copyTopology, functionLogicalId, resourcesOf, synthesize } from './helpers.ts';

const RENDERER: FunctionSpec = { entry: 'x.ts', timeoutSeconds: 60, memoryMb: 512, access: {}, browser: true };

/** The real topology plus one browser function, scheduled so the stack builds it. */
function grownTopology(): Topology {
  const grown = copyTopology();
  return {
    ...grown,
    functions: { ...grown.functions, renderProbe: RENDERER },
    schedules: [...grown.schedules, { fn: 'renderProbe', rate: { minutes: 60 } }],
  } as Topology;
}

const { template } = synthesize({ topology: grownTopology() });
const propertiesOf = (name: string): Record<string, unknown> => resourcesOf(template)[functionLogicalId(template, name)]!.Properties!;

describe('browser functions on AWS', () => {
  it('It should give a browser function the memory and /tmp Chromium needs, on the architecture its binary is built for', () => {
    expect(propertiesOf('renderProbe')).toMatchObject({
      MemorySize: BROWSER_MIN_MEMORY_MB,
      EphemeralStorage: { Size: BROWSER_TMP_MB },
      Architectures: ['x86_64'],
    });
    expect(BROWSER_MIN_MEMORY_MB).toBeGreaterThanOrEqual(1600);
    expect(BROWSER_TMP_MB).toBeGreaterThanOrEqual(1024);
  });

  it('It should keep every other function as it was: arm64, its own memory, default /tmp', () => {
    expect(propertiesOf('health')).toMatchObject({ Architectures: ['arm64'], MemorySize: copyTopology().functions['health']!.memoryMb });
    expect(propertiesOf('health')['EphemeralStorage']).toBeUndefined();
    // The grown topology's renderer plus the project's own browser functions, and nothing else.
    const ownBrowserFunctions = Object.values(copyTopology().functions).filter((fn) => fn.browser).length;
    template.resourcePropertiesCountIs('AWS::Lambda::Function', { Architectures: ['x86_64'], Description: Match.stringLikeRegexp('^leadstack ') }, 1 + ownBrowserFunctions);
  });

  it('It should install @sparticuz/chromium beside the bundle of browser functions only', () => {
    expect(bundlingFor(RENDERER).nodeModules).toEqual(['@sparticuz/chromium']);
    const { browser: _browser, ...plain } = RENDERER;
    expect(bundlingFor(plain).nodeModules).toBeUndefined();
  });
});
