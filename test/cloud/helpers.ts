import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { resolveEntry } from '../../lib/cloud/function-factory.ts';
import { LeadstackStack } from '../../lib/cloud/leadstack-stack.ts';
import type { LeadstackStackProps } from '../../lib/cloud/leadstack-stack.ts';
import { topology } from '../../lib/topology.ts';
import type { FunctionSpec, Topology } from '../../lib/topology.ts';

export const STUB_ENTRY = 'test/cloud/fixtures/stub.handler.ts';

/** The feature flags of cdk.json, so tests synthesize what `cdk synth` synthesizes. */
export const cdkJsonContext = (): Record<string, unknown> =>
  (JSON.parse(readFileSync(resolveEntry('cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

/** `aws:cdk:bundling-stacks: []` makes NodejsFunction skip esbuild: assertion tests need no bundles. */
export const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] } as const;

/** A deep copy of the real topology that tests may change freely. */
export const copyTopology = (): Topology => structuredClone(topology) as Topology;

/** Points every function at the stub handler (see fixtures/stub.handler.ts). */
export function withStubEntries(source: Topology): Topology {
  const functions: Record<string, FunctionSpec> = {};
  for (const [name, spec] of Object.entries(source.functions)) functions[name] = { ...spec, entry: STUB_ENTRY };
  return { ...source, functions };
}

/** A fresh cloud-assembly directory; callers remove it once done (each one holds a stub asset). */
export const assemblyDir = (): string => mkdtempSync(path.join(tmpdir(), 'leadstack-cdk-'));

/** The root stack's template and each feature stack's, by feature name (`root` for the root). */
export function stackTemplates(stack: LeadstackStack): Map<string, Template> {
  const templates = new Map<string, Template>([['root', Template.fromStack(stack)]]);
  for (const [feature, nested] of stack.featureStacks) templates.set(feature, Template.fromStack(nested));
  return templates;
}

/**
 * The resources of the root and every feature stack in one template, so assertions about the
 * deployment as a whole do not depend on which stack holds a resource. Logical ids are unique
 * across stacks today; a clash would make the merge lie, so it throws.
 */
export function mergedTemplate(templates: ReadonlyMap<string, Template>): Template {
  const resources: Record<string, unknown> = {};
  for (const [name, template] of templates) {
    for (const [id, resource] of Object.entries(template.toJSON()['Resources'] as Record<string, unknown>)) {
      if (Object.hasOwn(resources, id)) throw new Error(`logical id ${id} appears in more than one stack (again in ${name})`);
      resources[id] = resource;
    }
  }
  return Template.fromJSON({ Resources: resources });
}

export interface Synthesized {
  readonly stack: LeadstackStack;
  /** Root and feature stacks merged (see `mergedTemplate`). */
  readonly template: Template;
  readonly templates: ReadonlyMap<string, Template>;
}

/** Synthesizes the stack without bundling; the templates are kept in memory and the assembly removed. */
export function synthesize(props: LeadstackStackProps = {}): Synthesized {
  const outdir = assemblyDir();
  const app = new App({ outdir, context: { ...cdkJsonContext(), ...NO_BUNDLING } });
  try {
    const stack = new LeadstackStack(app, 'Test', { ...props, topology: withStubEntries(props.topology ?? topology) });
    const templates = stackTemplates(stack);
    return { stack, template: mergedTemplate(templates), templates };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

export const resourcesOf = (template: Template): Resources => template.toJSON()['Resources'] as Resources;

/** Logical id of the Lambda built for topology function `name` (its description names it). */
export function functionLogicalId(template: Template, name: string): string {
  const found = Object.entries(template.findResources('AWS::Lambda::Function')).filter(([, resource]) =>
    String((resource as { Properties: { Description?: string } }).Properties.Description).startsWith(`leadstack ${name} (`),
  );
  if (found.length !== 1) throw new Error(`expected one Lambda for ${name}, found ${found.length}`);
  return found[0]![0];
}

export interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Effect: string;
}

/** Every identity-policy statement attached to the role of topology function `name`. */
export function statementsOf(template: Template, name: string): Statement[] {
  const fn = template.toJSON()['Resources'][functionLogicalId(template, name)] as {
    Properties: { Role: { 'Fn::GetAtt': [string, string] } };
  };
  const roleId = fn.Properties.Role['Fn::GetAtt'][0];
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .map((policy) => (policy as { Properties: { Roles: { Ref: string }[]; PolicyDocument: { Statement: Statement[] } } }).Properties)
    .filter((properties) => properties.Roles.some((role) => role.Ref === roleId))
    .flatMap((properties) => properties.PolicyDocument.Statement);
}

/** The IAM actions a function may perform, flattened and sorted. */
export const actionsOf = (template: Template, name: string): string[] =>
  statementsOf(template, name)
    .flatMap((statement) => (Array.isArray(statement.Action) ? statement.Action : [statement.Action]))
    .sort();
