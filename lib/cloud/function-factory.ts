import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Size } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionSpec } from '../topology.ts';
import { acknowledge } from './nag.ts';

/** Topology entries are repository-relative; this file sits at `lib/cloud/`. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const resolveEntry = (entry: string): string => path.join(REPO_ROOT, entry);

export const FUNCTION_LOG_RETENTION = RetentionDays.ONE_MONTH;

/** Environment every function gets whatever it does: Powertools reads these at init. */
export const POWERTOOLS_ENVIRONMENT = {
  POWERTOOLS_SERVICE_NAME: 'leadstack',
  POWERTOOLS_METRICS_NAMESPACE: 'leadstack',
  LOG_LEVEL: 'INFO',
} as const;

/**
 * ESM output has no `require`; some bundled CommonJS dependencies still call it (dynamic
 * `require('crypto')` and the like). The alias keeps the banner from colliding with a bundled
 * module's own top-level `createRequire` binding, since esbuild does not rename around a banner.
 */
const REQUIRE_BANNER =
  "import { createRequire as __leadstackCreateRequire } from 'node:module'; const require = __leadstackCreateRequire(import.meta.url);";

export const BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  target: 'node24',
  minify: true,
  sourceMap: true,
  // The maps only need to point at files and lines; embedding the sources would double each bundle.
  sourcesContent: false,
  // Prefer ESM builds so esbuild can tree-shake them.
  mainFields: ['module', 'main'],
  banner: REQUIRE_BANNER,
  // Bundle the SDK rather than use the runtime's copy: handlers then run the exact client versions
  // the tests ran, and a tree-shaken client loads faster than the runtime's full one.
  bundleAwsSDK: true,
};

/** @sparticuz/chromium documents 1600 MB as the floor at which Chromium renders reliably. */
export const BROWSER_MIN_MEMORY_MB = 1600;
/** Chromium, its fonts and libraries are inflated into /tmp (about 300 MB), plus its profile and cache. */
export const BROWSER_TMP_MB = 1024;

/**
 * Browser functions ship @sparticuz/chromium as an installed node module beside the bundle, not
 * inside it and not as a layer: the package finds its brotli-packed binary relative to its own
 * files (bundled, that path breaks), the install takes the exact version in package-lock.json
 * that the tests ran (a layer would be a second artefact to fetch and keep in step), and only
 * the functions flagged `browser` carry its ~65 MB. puppeteer-core is plain JavaScript and is
 * bundled; the adapter imports both lazily.
 */
export const bundlingFor = (spec: FunctionSpec): BundlingOptions =>
  spec.browser ? { ...BUNDLING, nodeModules: ['@sparticuz/chromium'] } : BUNDLING;

/**
 * The npm package carries an x86_64 Chromium only (arm64 builds come as a separate download),
 * so browser functions run on x86_64; everything else stays on arm64.
 */
const browserProps = (spec: FunctionSpec) =>
  spec.browser
    ? { architecture: Architecture.X86_64, memorySize: Math.max(spec.memoryMb, BROWSER_MIN_MEMORY_MB), ephemeralStorageSize: Size.mebibytes(BROWSER_TMP_MB) }
    : { architecture: Architecture.ARM_64, memorySize: spec.memoryMb };

/**
 * Builds every Lambda the topology references with the same defaults, so a handler's spec only
 * says what differs (entry, timeout, memory). Each function gets its own role and log group: the
 * role has no AWS-managed policy, only write access to that one log group plus what `grants.ts`
 * derives from `FunctionSpec.access`.
 */
export class FunctionFactory extends Construct {
  private readonly environment: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, environment: Readonly<Record<string, string>>) {
    super(scope, id);
    this.environment = environment;
  }

  create(name: string, spec: FunctionSpec): NodejsFunction {
    const logGroup = new LogGroup(this, `${name}Logs`, {
      retention: FUNCTION_LOG_RETENTION,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(this, `${name}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `leadstack ${name}: grants derived from the topology`,
    });
    logGroup.grantWrite(role);

    const fn = new NodejsFunction(this, name, {
      entry: resolveEntry(spec.entry),
      handler: 'handler',
      description: `leadstack ${name} (${spec.entry})`,
      runtime: Runtime.NODEJS_24_X,
      timeout: Duration.seconds(spec.timeoutSeconds),
      ...browserProps(spec),
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      environment: { ...POWERTOOLS_ENVIRONMENT, ...this.environment },
      projectRoot: REPO_ROOT,
      depsLockFilePath: resolveEntry('package-lock.json'),
      bundling: bundlingFor(spec),
    });
    acknowledge(role, {
      'AwsSolutions-IAM5[Resource::*]':
        'Active X-Ray tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level scoping.',
    });
    return fn;
  }
}
