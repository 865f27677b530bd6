import { NestedStack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { Topology } from '../topology.ts';
import { buildFunctions, wireTriggers } from './feature-wiring.ts';
import type { FunctionsOf } from './feature-wiring.ts';
import { importShared } from './shared-resources.ts';
import type { SharedResources } from './shared-resources.ts';

export interface FeatureStackProps {
  readonly topology: Topology;
  /** The feature's functions this stack builds (see `functionOwners`). */
  readonly names: readonly string[];
  /** The root stack's shared resources; this stack receives them as parameters. */
  readonly root: SharedResources;
}

/**
 * One feature of the topology as a CloudFormation nested stack: its functions, their roles,
 * policies and log groups, and every route, integration, permission, event source and schedule
 * that invokes them. CloudFormation caps a stack at 500 resources; a feature per stack keeps
 * each far below it (test/cloud/stack-limits.test.ts).
 */
export class FeatureStack extends NestedStack {
  readonly functions: FunctionsOf;

  constructor(scope: Construct, id: string, props: FeatureStackProps) {
    super(scope, id, { description: `leadstack feature ${id}: its functions and what invokes them` });
    const shared = importShared(this, props.root, props.topology);
    this.functions = buildFunctions(this, props.topology, props.names, shared);
    wireTriggers(this, props.topology, this.functions, shared);
  }
}

/** The root stack builds a function when its key is `ROOT`. */
export const ROOT = '';

/**
 * The stack each referenced function is built in. Most follow the feature that declares them.
 * The HTTP authorizer and the search setup stay in the root stack: API Gateway's authorizer
 * (which every authorized route of every feature references) and the index custom resource
 * (which must wait for the domain's access policy, itself naming every feature's roles) live
 * there, and a child stack referencing them while they reference it would be a cycle. The
 * WebSocket authorizer goes where the $connect route is. A function no feature lists (a test's
 * addition) is built in the root stack.
 */
export function functionOwners(topology: Topology, referenced: readonly string[]): Map<string, string> {
  const featureOf = new Map<string, string>();
  for (const [feature, names] of Object.entries(topology.features)) for (const name of names) featureOf.set(name, feature);
  const owners = new Map<string, string>();
  const rootOwned = new Set([topology.http.authorizer.fn, topology.searchSetup.fn]);
  for (const name of referenced) owners.set(name, rootOwned.has(name) ? ROOT : (featureOf.get(name) ?? ROOT));
  const connect = topology.websocket.routes.find((route) => route.route === '$connect');
  const wsAuthorizer = topology.websocket.authorizer.fn;
  if (connect && !rootOwned.has(wsAuthorizer)) owners.set(wsAuthorizer, owners.get(connect.fn) ?? ROOT);
  return owners;
}
