import { HttpAuthorizer, HttpMethod, HttpRoute, HttpRouteKey, PayloadFormatVersion, WebSocketRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration, WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import type { QueueName, QueueSpec, Topology } from '../topology.ts';
import { FunctionFactory } from './function-factory.ts';
import { grantAccess } from './grants.ts';
import { acknowledge } from './nag.ts';
import { canonicalHeader, entriesOf } from './naming.ts';
import { subscribeQueueConsumers } from './queues.ts';
import { createSchedules } from './schedules.ts';
import { subscribeStreams } from './streams.ts';
import type { SharedResources } from './shared-resources.ts';

const CONNECT_ROUTE = '$connect';

export type FunctionsOf = ReadonlyMap<string, NodejsFunction>;

/** What building functions needs: everything shared except the HTTP API, which needs the authorizer function first. */
export type FunctionResources = Omit<SharedResources, 'httpApi' | 'httpAuthorizerId'>;

/** Builds the named topology functions in `scope` (a stack), each with the grants its `access` declares. */
export function buildFunctions(scope: Construct, topology: Topology, names: readonly string[], shared: FunctionResources): FunctionsOf {
  const factory = new FunctionFactory(scope, 'Functions', shared.environment);
  const functions = new Map<string, NodejsFunction>();
  for (const name of names) {
    const spec = topology.functions[name];
    if (!spec) throw new Error(`function ${name} is not declared`);
    const fn = factory.create(name, spec);
    grantAccess(fn, spec.access, shared);
    functions.set(name, fn);
  }
  return functions;
}

const lookup = (functions: FunctionsOf) => (name: string): NodejsFunction => {
  const fn = functions.get(name);
  if (!fn) throw new Error(`function ${name} is not built in this stack`);
  return fn;
};

/**
 * Everything that invokes the given functions, created in the same stack as the functions: HTTP
 * and WebSocket routes with their integrations and invoke permissions, queue consumers, stream
 * subscriptions and schedules. Keeping triggers beside their functions is what lets each
 * feature live in its own nested stack without references back and forth.
 */
export function wireTriggers(scope: Construct, topology: Topology, functions: FunctionsOf, shared: SharedResources): void {
  const functionFor = lookup(functions);
  const owned = (name: string): boolean => functions.has(name);
  addHttpRoutes(scope, topology.http.routes.filter((route) => owned(route.fn)), shared, functionFor);
  addWebSocketRoutes(scope, topology.websocket, owned, shared, functionFor);
  const queues: Partial<Record<QueueName, QueueSpec>> = {};
  for (const [name, spec] of entriesOf(topology.queues)) if (owned(spec.consumer)) queues[name] = spec;
  subscribeQueueConsumers(queues, shared.queues, functionFor);
  subscribeStreams(scope, { tables: topology.tables, streams: topology.streams.filter((stream) => owned(stream.fn)) }, shared.tables, functionFor);
  createSchedules(scope, topology.schedules.filter((schedule) => owned(schedule.fn)), functionFor);
}

function addHttpRoutes(
  scope: Construct,
  routes: Topology['http']['routes'],
  shared: SharedResources,
  functionFor: (name: string) => IFunction,
): void {
  if (routes.length === 0) return;
  const container = new Construct(scope, 'HttpRoutes');
  const authorizer = HttpAuthorizer.fromHttpAuthorizerAttributes(container, 'Authorizer', {
    authorizerId: shared.httpAuthorizerId,
    authorizerType: 'CUSTOM',
  });
  // One integration per function, shared by every route the function serves.
  const integrations = new Map<string, HttpLambdaIntegration>();
  const integrationFor = (name: string): HttpLambdaIntegration => {
    let integration = integrations.get(name);
    if (!integration) {
      integration = new HttpLambdaIntegration(`${name}Integration`, functionFor(name), { payloadFormatVersion: PayloadFormatVersion.VERSION_2_0 });
      integrations.set(name, integration);
    }
    return integration;
  };
  for (const route of routes) {
    const added = new HttpRoute(container, `${route.method}${route.path}`, {
      httpApi: shared.httpApi,
      routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
      integration: integrationFor(route.fn),
      ...(route.authorized ? { authorizer } : {}),
    });
    if (!route.authorized) {
      acknowledge(added, {
        'AwsSolutions-APIG4': `${route.method} ${route.path} is public by decision of the topology (authorized: false), where such routes (health, docs, login, signed webhooks) are reviewed.`,
      });
    }
  }
}

function addWebSocketRoutes(
  scope: Construct,
  websocket: Topology['websocket'],
  owned: (name: string) => boolean,
  shared: SharedResources,
  functionFor: (name: string) => IFunction,
): void {
  const routes = websocket.routes.filter((route) => owned(route.fn));
  if (routes.length === 0) return;
  const container = new Construct(scope, 'WebSocketRoutes');
  const authorizer = (): WebSocketLambdaAuthorizer =>
    new WebSocketLambdaAuthorizer('Authorizer', functionFor(websocket.authorizer.fn), {
      identitySource: [
        'query' in websocket.authorizer
          ? `route.request.querystring.${websocket.authorizer.query}`
          : `route.request.header.${canonicalHeader(websocket.authorizer.header)}`,
      ],
    });
  for (const { route, fn } of routes) {
    const added = new WebSocketRoute(container, `${route}Route`, {
      webSocketApi: shared.websocketApi,
      routeKey: route,
      integration: new WebSocketLambdaIntegration(`${route}Integration`, functionFor(fn)),
      ...(route === CONNECT_ROUTE ? { authorizer: authorizer() } : {}),
    });
    if (route !== CONNECT_ROUTE) {
      acknowledge(added, {
        'AwsSolutions-APIG4':
          'WebSocket APIs authorize once, on $connect; every later message on the connection carries the identity the authorizer established.',
      });
    }
  }
}
