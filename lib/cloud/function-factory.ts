import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
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
      architecture: Architecture.ARM_64,
      timeout: Duration.seconds(spec.timeoutSeconds),
      memorySize: spec.memoryMb,
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      environment: { ...POWERTOOLS_ENVIRONMENT, ...this.environment },
      projectRoot: REPO_ROOT,
      depsLockFilePath: resolveEntry('package-lock.json'),
      bundling: BUNDLING,
    });
    acknowledge(role, {
      'AwsSolutions-IAM5[Resource::*]':
        'Active X-Ray tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level scoping.',
    });
    return fn;
  }
}
